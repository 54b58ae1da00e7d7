// The source article's two cases, end to end through the public API: a ledger over a memory
// store, the command handlers, and the reactions.
import { describe, expect, it } from 'vitest';
import {
  Dispute,
  Visit,
  gridledgerReactions,
  reactTo,
  reactionEventTypes,
  type Actor,
  type RecordedEvent,
} from '@gridledger/core';
import { verifyStream } from '@gridledger/core/audit';
import { createWorld, enrol, streamOf, type World } from './__fixtures__/world.js';

const director: Actor = { id: 'm-zhao', role: 'police-station-director', name: 'Zhao Baoxing' };
const officer: Actor = { id: 'm-jiang', role: 'community-police-officer', name: 'Jiang Lin' };
const staff: Actor = { id: 'm-staff-li', role: 'community-staff', name: 'Li' };

async function enrolStation(world: World): Promise<void> {
  await enrol(world, 'm-zhao', ['police-officer', 'party-member']);
  await enrol(world, 'm-jiang', ['community-police-officer', 'party-member']);
  await enrol(world, 'm-zhou', ['police-officer']);
  await enrol(world, 'm-staff-li', ['community-staff']);
}

describe('Kang’s ID-card service visit', () => {
  it('records the director, the officer and the registration officer applying for his card at home', async () => {
    const world = createWorld();
    await enrolStation(world);
    const visit = (command: object, actor: Actor, now: string) =>
      world.visits('v-kang', command, { actor, now });
    await visit(
      {
        type: 'scheduleVisit',
        data: {
          visitId: 'v-kang',
          community: 'xuzhai',
          grid: 'xuzhai-03',
          household: { householdId: 'h-kang', address: 'Xuzhai community, building 3, unit 2' },
          purpose: 'service',
          visitors: ['m-zhao', 'm-jiang', 'm-zhou', 'm-staff-li'],
          scheduledFor: '2026-07-15T09:30:00+08:00',
        },
      },
      staff,
      '2026-07-14T17:00:00+08:00',
    );
    await visit({ type: 'conductVisit', data: {} }, director, '2026-07-15T09:40:00+08:00');
    await visit(
      {
        type: 'renderService',
        data: {
          kind: 'id-card-application',
          details:
            'Expired card; took photo and fingerprints at home and applied for a second-generation ID card',
          renderedBy: ['m-zhao', 'm-jiang', 'm-zhou'],
        },
      },
      director,
      '2026-07-15T10:10:00+08:00',
    );
    const closed = await visit(
      { type: 'closeVisit', data: { note: 'Kang thanked the officers' } },
      officer,
      '2026-07-15T10:20:00+08:00',
    );

    expect(closed.state).toMatchObject({
      status: 'closed',
      servicesRendered: 1,
      purpose: 'service',
    });
    const history = await streamOf(world, 'visit-v-kang');
    expect(history.map((e) => [e.type, e.metadata.actor.name])).toEqual([
      ['VisitScheduled', 'Li'],
      ['VisitConducted', 'Zhao Baoxing'],
      ['ServiceRendered', 'Zhao Baoxing'],
      ['VisitClosed', 'Jiang Lin'],
    ]);
    expect(history[2]?.data).toMatchObject({
      kind: 'id-card-application',
      renderedBy: ['m-zhao', 'm-jiang', 'm-zhou'],
    });
    expect((await verifyStream(world.store, 'visit-v-kang')).ok).toBe(true);
  });
});

describe('the Xu/Shang TV-and-deposit dispute', () => {
  it('goes from report to the thank-you follow-up, mediated by the director and the community officer', async () => {
    const world = createWorld();
    await enrolStation(world);
    const reactions = gridledgerReactions({ afterHours: 24 });
    const types = reactionEventTypes(reactions);
    const dispute = (command: object, actor: Actor, now: string) =>
      world.disputes('d-tv-deposit', command, { actor, now });

    await dispute(
      {
        type: 'reportDispute',
        data: {
          disputeId: 'd-tv-deposit',
          community: 'xuzhai',
          grid: 'xuzhai-07',
          category: 'tenancy',
          source: 'referral',
          parties: [
            {
              partyId: 'p-xu',
              name: 'Xu',
              role: 'landlord',
              household: { householdId: 'h-xu', address: 'Xuzhai community, building 7, unit 12' },
            },
            { partyId: 'p-shang', name: 'Shang', role: 'tenant' },
          ],
          description:
            'Lease ended in June; Shang took the flat’s TV fearing Xu would keep the deposit over late rent',
          reportedBy: { name: 'Li', role: 'community-staff', memberId: 'm-staff-li' },
        },
      },
      staff,
      '2026-07-01T09:00:00+08:00',
    );
    await dispute(
      {
        type: 'classifyDispute',
        data: { category: 'tenancy', severity: 'moderate', escalationRisk: 'medium' },
      },
      officer,
      '2026-07-01T09:10:00+08:00',
    );
    await dispute(
      {
        type: 'assignDispute',
        data: { level: 'police-station', mediators: ['m-zhao', 'm-jiang'] },
      },
      director,
      '2026-07-01T09:15:00+08:00',
    );
    await dispute({ type: 'startIntervention', data: {} }, officer, '2026-07-01T09:30:00+08:00');
    await dispute(
      {
        type: 'holdMediationSession',
        data: {
          mediators: ['m-zhao', 'm-jiang'],
          parties: ['p-xu', 'p-shang'],
          others: ['community staff Li'],
          outcome: 'agreed',
          summary:
            'Shang will have the TV returned; Xu will inspect the flat and refund the deposit',
        },
      },
      director,
      '2026-07-01T15:00:00+08:00',
    );
    const agreed = await dispute(
      {
        type: 'reachAgreement',
        data: {
          terms: [
            { obligatedPartyId: 'p-shang', action: 'Return the TV' },
            {
              obligatedPartyId: 'p-xu',
              action: 'Refund the full deposit after inspecting the flat',
            },
          ],
        },
      },
      director,
      '2026-07-01T15:30:00+08:00',
    );
    const [tv, deposit] = agreed.state.agreement?.terms ?? [];
    await dispute(
      {
        type: 'recordTermFulfilled',
        data: { termId: tv?.termId, note: 'A friend of Shang brought the TV back' },
      },
      officer,
      '2026-07-02T10:00:00+08:00',
    );
    await dispute(
      {
        type: 'recordTermFulfilled',
        data: { termId: deposit?.termId, note: 'Xu inspected the flat and refunded in full' },
      },
      officer,
      '2026-07-02T11:00:00+08:00',
    );
    const resolved = await dispute(
      { type: 'resolveDispute', data: { how: 'agreement' } },
      director,
      '2026-07-02T11:30:00+08:00',
    );
    expect(resolved.state.resolution).toEqual({ how: 'agreement', level: 'police-station' });

    // First-moment follow-up: the reaction schedules the visit to Xu's household.
    const first = await reactTo(world.ledger, reactions, world.ledger.readAll({ types }));
    expect(first.eventsSeen).toBe(1);
    const resolvedEvent = (await streamOf(world, 'dispute-d-tv-deposit')).at(-1) as RecordedEvent;
    const visitId = `v-${resolvedEvent.id}`;
    const followUp = await world.ledger.load(Visit, visitId);
    expect(followUp.state).toMatchObject({
      status: 'scheduled',
      purpose: 'dispute-follow-up',
      disputeId: 'd-tv-deposit',
      householdId: 'h-xu',
      visitors: ['m-zhao', 'm-jiang'],
      scheduledFor: '2026-07-03T03:30:00.000Z',
    });

    await world.visits(
      visitId,
      { type: 'conductVisit', data: { visitors: ['m-jiang'] } },
      {
        actor: officer,
        now: '2026-07-03T10:00:00+08:00',
      },
    );
    await dispute(
      {
        type: 'recordFollowUpVisit',
        data: {
          satisfied: true,
          visitedBy: ['m-jiang'],
          visitId,
          note: 'Xu brought the station a banner: “情系群众,为民服务”',
        },
      },
      officer,
      '2026-07-03T10:30:00+08:00',
    );
    const closed = await dispute(
      { type: 'closeDispute', data: {} },
      director,
      '2026-07-03T11:00:00+08:00',
    );
    expect(closed.state.status).toBe('closed');

    const history = await streamOf(world, 'dispute-d-tv-deposit');
    expect(history.map((e) => e.type)).toEqual([
      'DisputeReported',
      'DisputeClassified',
      'DisputeAssigned',
      'DisputeInterventionStarted',
      'MediationSessionHeld',
      'DisputeAgreementReached',
      'AgreementTermFulfilled',
      'AgreementTermFulfilled',
      'DisputeResolved',
      'DisputeFollowUpVisitRecorded',
      'DisputeClosed',
    ]);
    expect(history.find((e) => e.type === 'DisputeResolved')?.data).toMatchObject({
      level: 'police-station',
    });
    const [scheduled] = await streamOf(world, `visit-${visitId}`);
    expect(scheduled?.metadata.causationId).toBe(resolvedEvent.id);
    expect((await verifyStream(world.store, 'dispute-d-tv-deposit')).ok).toBe(true);

    // Replaying the whole history through the reactions fires nothing new.
    const second = await reactTo(world.ledger, reactions, world.ledger.readAll({ types }));
    expect(second.eventsSeen).toBe(1);
    expect((await streamOf(world, `visit-${visitId}`)).length).toBe(2);
    const replayed = await world.ledger.load(Dispute, 'd-tv-deposit');
    expect(replayed.state).toEqual(closed.state);
  });
});
