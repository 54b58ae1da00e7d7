// A small in-memory world for tests that cross aggregates: one memory store, one ledger over
// every Gridledger event, and a command handler per aggregate.
import {
  Dispute,
  GridMember,
  Patrol,
  Visit,
  createCommandHandler,
  createEventRegistry,
  createLedger,
  gridledgerEvents,
  type Actor,
  type EventStore,
} from '@gridledger/core';
import { steppingClock } from '@gridledger/core/testing';
import { createMemoryEventStore } from '../../eventsourcing/__fixtures__/memoryStore.js';

export const officeActor: Actor = { id: 'officer-jiang', role: 'community-police-officer' };

export function createWorld(store: EventStore = createMemoryEventStore()) {
  const ledger = createLedger({
    store,
    registry: createEventRegistry(gridledgerEvents),
    clock: steppingClock('2026-07-01T08:00:00.000Z', 60_000),
  });
  return {
    store,
    ledger,
    disputes: createCommandHandler(ledger, Dispute),
    visits: createCommandHandler(ledger, Visit),
    members: createCommandHandler(ledger, GridMember),
    patrols: createCommandHandler(ledger, Patrol),
    actor: officeActor,
  };
}
export type World = ReturnType<typeof createWorld>;

/** Enrols a member with the given roles. */
export async function enrol(world: World, memberId: string, roles: string[] = ['party-member']) {
  await world.members(
    memberId,
    { type: 'enrolGridMember', data: { memberId, community: 'xuzhai', name: memberId, roles } },
    { actor: world.actor },
  );
}

/** Every event of one stream, as recorded. */
export async function streamOf(world: World, streamId: string) {
  const events = [];
  for await (const event of world.ledger.readStream(streamId)) events.push(event);
  return events;
}
