import { describe, expect, it } from 'vitest';
import { createEventRegistry, gridledgerEvents, isValidationError } from '@gridledger/core';

describe('gridledgerEvents', () => {
  const registry = createEventRegistry(gridledgerEvents);

  it('builds one registry with every event type, each named once', () => {
    expect(registry.types).toHaveLength(gridledgerEvents.length);
    expect(registry.types).toEqual(
      expect.arrayContaining(['DisputeReported', 'VisitConducted', 'PatrolCompleted']),
    );
    expect(registry.types).toEqual(
      expect.arrayContaining(['GridMemberRetired', 'GridOwnershipClaimed']),
    );
  });

  it('refuses a DisputeReported whose ids and text break the rules, naming each field', () => {
    try {
      registry.validate({
        type: 'DisputeReported',
        data: {
          disputeId: 'has space',
          community: 'xuzhai',
          grid: 'xuzhai-07',
          category: 'tenancy',
          source: 'walk-in',
          parties: [],
          description: '   ',
          reportedBy: { name: 'Xu', role: 'landlord' },
        },
      });
      expect.unreachable();
    } catch (e) {
      expect(isValidationError(e)).toBe(true);
      const paths = (e as { issues: { path: string }[] }).issues.map((i) => i.path);
      expect(paths).toEqual(['disputeId', 'description']);
    }
  });

  it('accepts a criminal-case referral only with the homicide flag', () => {
    const base = { to: 'criminal-case', reason: 'assault', fromLevel: 'police-station' };
    expect(() => registry.validate({ type: 'DisputeReferredOut', data: base })).toThrow(
      /becameHomicide/,
    );
    expect(
      registry.validate({ type: 'DisputeReferredOut', data: { ...base, becameHomicide: false } })
        .data,
    ).toMatchObject({ becameHomicide: false });
  });
});
