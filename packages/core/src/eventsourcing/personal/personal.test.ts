// Personal fields are found from the schemas' marks, with the subject each belongs to.
import { describe, expect, it } from 'vitest';
import {
  DisputeReported,
  GridMemberEnrolled,
  MediationSessionHeld,
  VisitScheduled,
  findPersonalFields,
  personal,
  personalFields,
  personalPaths,
} from '@gridledger/core';
import { z } from 'zod';

const reported = {
  disputeId: 'd-1',
  community: 'xuzhai',
  grid: 'xuzhai-07',
  category: 'tenancy',
  source: 'referral',
  parties: [
    {
      partyId: 'p-xu',
      name: 'Xu',
      role: 'landlord',
      household: { householdId: 'h-xu', address: 'Building 7, unit 12' },
    },
    { partyId: 'p-shang', name: 'Shang', role: 'tenant' },
  ],
  description: 'Shang took the TV',
  reportedBy: { name: 'Li', role: 'community-staff', memberId: 'm-staff-li' },
};

describe('personal fields', () => {
  it('marks a copy, leaving the shared building block unmarked', () => {
    const Name = z.string();
    const marked = personal(Name, { kind: 'party', idKey: 'partyId' });
    expect(personalFields.get(marked)).toEqual({ subject: { kind: 'party', idKey: 'partyId' } });
    expect(personalFields.get(Name)).toBeUndefined();
  });

  it('finds the paths a schema marks, through lists, optionals and nested objects', () => {
    const paths = personalPaths(DisputeReported.schema).map((p) => p.path.join('.'));
    expect(paths.sort()).toEqual([
      'description',
      'parties.[].household.address',
      'parties.[].name',
      'reportedBy.name',
    ]);
    expect(
      personalPaths(MediationSessionHeld.schema)
        .map((p) => p.path.join('.'))
        .sort(),
    ).toEqual(['others.[]', 'summary']);
  });

  it('gives each value its subject: party (per stream), household, member, else the record', () => {
    const fields = findPersonalFields(
      personalPaths(DisputeReported.schema),
      reported,
      'dispute-d-1',
    );
    expect(fields.map((f) => [f.path.join('.'), f.subject, f.value])).toEqual(
      expect.arrayContaining([
        ['parties.0.name', 'party:dispute-d-1/p-xu', 'Xu'],
        ['parties.1.name', 'party:dispute-d-1/p-shang', 'Shang'],
        ['parties.0.household.address', 'household:h-xu', 'Building 7, unit 12'],
        ['description', 'record:dispute-d-1', 'Shang took the TV'],
        // A reporter with no party id is named in the record.
        ['reportedBy.name', 'record:dispute-d-1', 'Li'],
      ]),
    );
    expect(fields).toHaveLength(5);
    const visit = findPersonalFields(
      personalPaths(VisitScheduled.schema),
      { household: { householdId: 'h-kang', address: 'Building 3' } },
      'visit-v-kang',
    );
    expect(visit).toEqual([
      { path: ['household', 'address'], subject: 'household:h-kang', value: 'Building 3' },
    ]);
    const member = findPersonalFields(
      personalPaths(GridMemberEnrolled.schema),
      { memberId: 'm-li', name: 'Li Hua' },
      'member-m-li',
    );
    expect(member.map((f) => f.subject)).toEqual(['member:m-li']);
  });

  it('leaves absent optional fields alone', () => {
    const fields = findPersonalFields(
      personalPaths(DisputeReported.schema),
      { ...reported, parties: [{ partyId: 'p-1', name: 'A', role: 'r' }] },
      'dispute-d-1',
    );
    expect(fields.map((f) => f.path.join('.'))).toEqual(
      expect.not.arrayContaining(['parties.0.household.address']),
    );
  });
});
