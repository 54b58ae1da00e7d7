import { describe, expect, it } from 'vitest';
import {
  Dispute,
  Visit,
  gridledgerReactions,
  reactTo,
  reactionEventTypes,
  reportDisputeFromPatrolIncident,
  reportDisputeSpottedOnVisit,
  runReaction,
  scheduleFollowUpVisit,
  type Reaction,
  type ReactionOutcome,
  type RecordedEvent,
} from '@gridledger/core';
import { createWorld, streamOf, type World } from '../__fixtures__/world.js';
import { resolvedHistory } from '../dispute/__fixtures__/xuAndShang.js';
import { scheduled as kangScheduled } from '../visit/__fixtures__/kang.js';

const gridWorker = { id: 'm-li', role: 'grid-worker', name: 'Li Min' };

async function spotOnVisit(world: World): Promise<RecordedEvent> {
  const ctx = { actor: gridWorker };
  await world.visits('v-kang', { type: 'scheduleVisit', data: kangScheduled.data }, ctx);
  await world.visits('v-kang', { type: 'conductVisit', data: {} }, ctx);
  const spotted = await world.visits(
    'v-kang',
    {
      type: 'noteDisputeSpotted',
      data: {
        description: 'Leak from the flat above soaks the ceiling',
        parties: [{ name: 'Kang', role: 'downstairs neighbour' }],
        category: 'neighbours',
      },
    },
    { ...ctx, now: '2026-07-15T10:05:00+08:00', correlationId: 'corr-kang' },
  );
  return spotted.events[0] as RecordedEvent;
}

async function countAll(world: World): Promise<number> {
  let n = 0;
  for await (const _ of world.store.readAll()) n += 1;
  return n;
}

describe('a visit that spots a dispute', () => {
  it('leads to a reported Dispute caused by the spotting', async () => {
    const world = createWorld();
    const spotted = await spotOnVisit(world);
    const outcome = await runReaction(world.ledger, reportDisputeSpottedOnVisit, spotted);
    expect(outcome).toMatchObject({ kind: 'issued', streamId: `dispute-d-${spotted.id}` });
    const [reported] = await streamOf(world, `dispute-d-${spotted.id}`);
    expect(reported?.type).toBe('DisputeReported');
    expect(reported?.data).toEqual({
      disputeId: `d-${spotted.id}`,
      community: 'xuzhai',
      grid: 'xuzhai-03',
      category: 'neighbours',
      source: 'visit',
      sourceRef: 'v-kang',
      parties: [{ partyId: 'p-1', name: 'Kang', role: 'downstairs neighbour' }],
      description: 'Leak from the flat above soaks the ceiling',
      reportedBy: { name: 'Li Min', role: 'grid-worker', memberId: 'm-li' },
    });
    expect(reported?.metadata).toMatchObject({
      causationId: spotted.id,
      correlationId: 'corr-kang',
      occurredAt: '2026-07-15T10:05:00+08:00',
      actor: { id: 'gridledger-reactions', role: 'system' },
    });
  });

  it('does not fire again when the same history is run through a second time', async () => {
    const world = createWorld();
    await spotOnVisit(world);
    const reactions = gridledgerReactions();
    const types = reactionEventTypes(reactions);
    const first: ReactionOutcome[] = [];
    await reactTo(world.ledger, reactions, world.ledger.readAll({ types }), {
      onOutcome: (o) => first.push(o),
    });
    expect(first.map((o) => o.kind)).toEqual(['issued']);
    const before = await countAll(world);
    const second: ReactionOutcome[] = [];
    const pass = await reactTo(world.ledger, reactions, world.ledger.readAll({ types }), {
      onOutcome: (o) => second.push(o),
    });
    expect(second.map((o) => o.kind)).toEqual(['already-done']);
    expect(pass.eventsSeen).toBe(1);
    expect(await countAll(world)).toBe(before);
  });

  it('is a pure decision from the event and the visit as it was', async () => {
    const world = createWorld();
    const spotted = await spotOnVisit(world);
    const visit = (await world.ledger.load(Visit, 'v-kang')).state;
    const decision = reportDisputeSpottedOnVisit.react(spotted as never, visit);
    expect(decision).toMatchObject({ kind: 'issue', target: Dispute, id: `d-${spotted.id}` });
    expect(reportDisputeSpottedOnVisit.react(spotted as never, Visit.initialState())).toMatchObject(
      {
        kind: 'skip',
      },
    );
  });
});

describe('a patrol incident', () => {
  async function patrolWith(world: World, isDispute: boolean): Promise<RecordedEvent> {
    const ctx = { actor: gridWorker };
    const data = {
      patrolId: 'pt-1',
      community: 'xuzhai',
      route: 'Market loop',
      grids: ['xuzhai-07'],
      members: ['m-li', 'm-wu'],
      scheduledFor: '2026-08-01T19:00:00+08:00',
    };
    await world.patrols('pt-1', { type: 'schedulePatrol', data }, ctx);
    await world.patrols('pt-1', { type: 'startPatrol', data: {} }, ctx);
    const incident = {
      grid: 'xuzhai-07',
      kind: 'quarrel',
      description: 'Stall-holders arguing over a pitch',
      isDispute,
      ...(isDispute ? { parties: [{ name: 'Ma', role: 'stall-holder' }] } : {}),
    };
    const result = await world.patrols(
      'pt-1',
      { type: 'reportPatrolIncident', data: incident },
      ctx,
    );
    return result.events[0] as RecordedEvent;
  }

  it('that is a dispute leads to a reported Dispute caused by it', async () => {
    const world = createWorld();
    const incident = await patrolWith(world, true);
    const outcome = await runReaction(world.ledger, reportDisputeFromPatrolIncident, incident);
    expect(outcome.kind).toBe('issued');
    const [reported] = await streamOf(world, `dispute-d-${incident.id}`);
    expect(reported?.data).toMatchObject({
      source: 'patrol',
      sourceRef: 'pt-1',
      grid: 'xuzhai-07',
      category: 'other',
      parties: [{ partyId: 'p-1', name: 'Ma', role: 'stall-holder' }],
    });
    expect(reported?.metadata.causationId).toBe(incident.id);
  });

  it('that is not a dispute leads to nothing', async () => {
    const world = createWorld();
    const incident = await patrolWith(world, false);
    const before = await countAll(world);
    const outcome = await runReaction(world.ledger, reportDisputeFromPatrolIncident, incident);
    expect(outcome).toMatchObject({ kind: 'skipped', reason: 'the incident is not a dispute' });
    expect(await countAll(world)).toBe(before);
  });
});

describe('a resolved dispute', () => {
  async function resolve(world: World, history = resolvedHistory): Promise<RecordedEvent> {
    const appended = await world.ledger.append('dispute-d-tv-deposit', history, {
      expectedVersion: 'no-stream',
      actor: world.actor,
      occurredAt: '2026-07-02T16:00:00.000Z',
    });
    return appended.events.at(-1) as RecordedEvent;
  }

  it('leads to a follow-up visit to a party’s household by its mediators, a day later', async () => {
    const world = createWorld();
    const resolved = await resolve(world);
    const outcome = await runReaction(world.ledger, scheduleFollowUpVisit(), resolved);
    expect(outcome).toMatchObject({ kind: 'issued', streamId: `visit-v-${resolved.id}` });
    const [scheduled] = await streamOf(world, `visit-v-${resolved.id}`);
    expect(scheduled?.data).toEqual({
      visitId: `v-${resolved.id}`,
      community: 'xuzhai',
      grid: 'xuzhai-07',
      household: { householdId: 'h-xuzhai-0712', address: 'Xuzhai community, building 7, unit 12' },
      purpose: 'dispute-follow-up',
      visitors: ['m-zhao', 'm-jiang'],
      scheduledFor: '2026-07-03T16:00:00.000Z',
      disputeId: 'd-tv-deposit',
    });
    expect(scheduled?.metadata.causationId).toBe(resolved.id);
  });

  it('is skipped, writing nothing, when no party’s household is known', async () => {
    const world = createWorld();
    const noHouseholds = resolvedHistory.map((e) =>
      e.type === 'DisputeReported'
        ? { ...e, data: { ...e.data, parties: e.data.parties.map(({ household: _, ...p }) => p) } }
        : e,
    );
    const resolved = await resolve(world, noHouseholds);
    const outcome = await runReaction(world.ledger, scheduleFollowUpVisit(), resolved);
    expect(outcome).toMatchObject({ kind: 'skipped', reason: /no party .* known household/ });
  });

  it('refuses a negative delay', () => {
    expect(() => scheduleFollowUpVisit({ afterHours: -1 })).toThrow(/afterHours/);
  });
});

describe('running reactions', () => {
  it('reports a command its target refuses, and writes nothing', async () => {
    const world = createWorld();
    const spotted = await spotOnVisit(world);
    const broken: Reaction = {
      ...reportDisputeSpottedOnVisit,
      name: 'broken',
      react: () => ({
        kind: 'issue',
        target: Dispute,
        id: 'd-x',
        command: { type: 'closeDispute', data: {} },
      }),
    };
    const before = await countAll(world);
    const outcome = await runReaction(world.ledger, broken, spotted);
    expect(outcome).toMatchObject({ kind: 'refused', error: { rule: 'dispute.not-reported' } });
    expect(await countAll(world)).toBe(before);
  });

  it('follows a live subscription until it is closed', async () => {
    const world = createWorld();
    const reactions = gridledgerReactions();
    const subscription = world.ledger.subscribe({ types: reactionEventTypes(reactions) });
    let issued!: () => void;
    const firstIssued = new Promise<void>((resolve) => (issued = resolve));
    const running = reactTo(world.ledger, reactions, subscription, {
      onOutcome: (o) => o.kind === 'issued' && issued(),
    });
    await spotOnVisit(world);
    await firstIssued;
    await subscription.close();
    const { eventsSeen } = await running;
    expect(eventsSeen).toBeGreaterThanOrEqual(1);
  });
});
