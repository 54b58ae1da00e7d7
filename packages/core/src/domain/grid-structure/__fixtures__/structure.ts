// A memory world for the grid structure: a ledger, the GridStructure command handler, and ways
// to read back where every grid lies.
import { expect } from 'vitest';
import {
  GridStructure,
  createCommandHandler,
  isRuleViolation,
  type EventStore,
  type GridKind,
  type RuleViolationError,
} from '@gridledger/core';
import { createMemoryEventStore } from '../../../eventsourcing/__fixtures__/memoryStore.js';
import { createWorld } from '../../__fixtures__/world.js';

export function createStructureWorld(store: EventStore = createMemoryEventStore()) {
  const world = createWorld(store);
  return { ...world, grids: createCommandHandler(world.ledger, GridStructure) };
}
export type StructureWorld = ReturnType<typeof createStructureWorld>;

export async function defineGrid(world: StructureWorld, grid: string, kind: GridKind = 'grid') {
  const data = { grid, community: 'xuzhai', kind, name: `Grid ${grid}` };
  await world.grids(grid, { type: 'defineGrid', data }, world);
}

/** Where each grid lies now, read from its own stream (`null`: in no larger grid). */
export async function parentsOf(
  world: StructureWorld,
  grids: readonly string[],
): Promise<Map<string, string | null>> {
  const parents = new Map<string, string | null>();
  for (const grid of grids) {
    parents.set(grid, (await world.ledger.load(GridStructure, grid)).state.parentGrid);
  }
  return parents;
}

/** A grid whose chain of larger grids comes back to it, or `undefined` when there is none. */
export function loopIn(parents: ReadonlyMap<string, string | null>): string[] | undefined {
  for (const start of parents.keys()) {
    const chain = [start];
    for (let at = parents.get(start) ?? null; at !== null; at = parents.get(at) ?? null) {
      chain.push(at);
      if (at === start) return chain;
      if (chain.length > parents.size + 1) break;
    }
  }
  return undefined;
}

/** The rule violation a promise rejects with; fails the test for anything else. */
export async function refusal(promise: Promise<unknown>): Promise<RuleViolationError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isRuleViolation(error), `expected a rule violation, got ${String(error)}`).toBe(true);
  return error as RuleViolationError;
}
