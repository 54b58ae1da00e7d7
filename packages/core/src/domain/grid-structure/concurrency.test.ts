// No loop of grids, even when offices nest at once: every interleaving that fast-check's scheduler
// picks of concurrent nestings (and unnestings) leaves a forest, and of two nestings that would
// close a loop together only one lands.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  GridStructure,
  createCommandHandler,
  isRuleViolation,
  nestGridInStructure,
} from '@gridledger/core';
import { createMemoryEventStore } from '../../eventsourcing/__fixtures__/memoryStore.js';
import { scheduledStore } from '../grid-ownership/__fixtures__/scheduledStore.js';
import {
  createStructureWorld,
  defineGrid,
  loopIn,
  parentsOf,
  type StructureWorld,
} from './__fixtures__/structure.js';

const grids = ['g-1', 'g-2', 'g-3', 'g-4', 'g-5'] as const;

/** A world whose grids are defined and nested as `initial` says, and one over the scheduler. */
async function racing(s: fc.Scheduler, initial: readonly (readonly [string, string])[] = []) {
  const memory = createMemoryEventStore();
  const setup = createStructureWorld(memory);
  for (const grid of grids) await defineGrid(setup, grid);
  for (const [grid, parentGrid] of initial) {
    await nestGridInStructure(setup.ledger, { grid, parentGrid }, setup);
  }
  return { setup, world: createStructureWorld(scheduledStore(memory, s)) };
}

/** 'done', or the rule of the refusal; anything else (a crash, retries run out) fails the test. */
const outcome = (promise: Promise<unknown>) =>
  promise.then(
    () => 'done',
    (error: unknown) => {
      if (isRuleViolation(error)) return error.rule;
      throw error;
    },
  );

const nestRacing = (world: StructureWorld, grid: string, parentGrid: string) =>
  outcome(nestGridInStructure(world.ledger, { grid, parentGrid }, world, { maxRetries: 100 }));

describe('no loop of grids under concurrent nesting', () => {
  it('of A-in-B and B-in-A at once, exactly one lands; the other is refused as a loop', async () => {
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), async (s) => {
        const { setup, world } = await racing(s);
        const outcomes = [nestRacing(world, 'g-1', 'g-2'), nestRacing(world, 'g-2', 'g-1')];
        await s.waitFor(Promise.all(outcomes));
        const results = await Promise.all(outcomes);
        expect([...results].sort()).toEqual(['done', 'grid-structure.nesting-loop']);
        const parents = await parentsOf(setup, ['g-1', 'g-2']);
        expect(parents).toEqual(
          results[0] === 'done'
            ? new Map([
                ['g-1', 'g-2'],
                ['g-2', null],
              ])
            : new Map([
                ['g-1', null],
                ['g-2', 'g-1'],
              ]),
        );
      }),
      { numRuns: 60 },
    );
  });

  it('of B-in-C and C-in-A at once, with A already in B, exactly one lands', async () => {
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), async (s) => {
        const { setup, world } = await racing(s, [['g-1', 'g-2']]);
        const outcomes = [nestRacing(world, 'g-2', 'g-3'), nestRacing(world, 'g-3', 'g-1')];
        await s.waitFor(Promise.all(outcomes));
        const results = await Promise.all(outcomes);
        expect([...results].sort()).toEqual(['done', 'grid-structure.nesting-loop']);
        expect(loopIn(await parentsOf(setup, grids))).toBeUndefined();
      }),
      { numRuns: 60 },
    );
  });

  it('leaves a forest after many offices nest and unnest at once, each grid where a request put it', async () => {
    const pair = fc
      .tuple(fc.constantFrom(...grids), fc.constantFrom(...grids))
      .filter(([a, b]) => a !== b);
    const request = fc.oneof(
      { weight: 5, arbitrary: pair.map(([grid, parentGrid]) => ({ grid, parentGrid })) },
      { weight: 1, arbitrary: fc.constantFrom(...grids).map((grid) => ({ grid })) },
    );
    // A forest to start from: each grid in one of the grids before it, or in none.
    const initial = fc
      .tuple(...grids.map((_, i) => fc.option(fc.integer({ min: 0, max: Math.max(0, i - 1) }))))
      .map((picks) =>
        picks.flatMap((pick, i): [string, string][] =>
          pick === null || i === 0 ? [] : [[grids[i]!, grids[pick]!]],
        ),
      );
    await fc.assert(
      fc.asyncProperty(
        fc.scheduler(),
        initial,
        fc.array(request, { minLength: 2, maxLength: 8 }),
        async (s, start, requests) => {
          const { setup, world } = await racing(s, start);
          const handler = createCommandHandler(world.ledger, GridStructure, { maxRetries: 100 });
          const outcomes = requests.map((r) =>
            'parentGrid' in r
              ? nestRacing(world, r.grid, r.parentGrid)
              : outcome(handler(r.grid, { type: 'unnestGrid', data: {} }, world)),
          );
          await s.waitFor(Promise.all(outcomes));
          const results = await Promise.all(outcomes);
          for (const [i, result] of results.entries()) {
            const allowed =
              'parentGrid' in requests[i]!
                ? ['done', 'grid-structure.nesting-loop', 'grid-structure.already-nested']
                : ['done', 'grid-structure.not-nested'];
            expect(allowed, JSON.stringify(requests[i])).toContain(result);
          }
          const parents = await parentsOf(setup, grids);
          expect(loopIn(parents), 'the structure is a forest').toBeUndefined();
          for (const grid of grids) {
            // Where a grid lies is where it started, where a landed request put it, or nowhere.
            const possible = new Set<string | null>([
              null,
              ...start.filter(([g]) => g === grid).map(([, p]) => p),
              ...requests.flatMap((r, i) =>
                'parentGrid' in r && r.grid === grid && results[i] === 'done' ? [r.parentGrid] : [],
              ),
            ]);
            expect(possible.has(parents.get(grid) ?? null), grid).toBe(true);
          }
        },
      ),
      { numRuns: 80 },
    );
  });
});
