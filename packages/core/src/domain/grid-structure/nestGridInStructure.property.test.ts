// Model-based: any sequence of define / nest / unnest requests, nestings through
// nestGridInStructure and the rest through the GridStructure handler, against a memory store.
// After every step the grids' streams say exactly what a plain in-test model of the structure
// says, the parent relation is a forest, and every refusal names the model's reason (for a loop,
// the model's chain).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isRuleViolation, nestGridInStructure, type GridKind } from '@gridledger/core';
import {
  createStructureWorld,
  loopIn,
  parentsOf,
  type StructureWorld,
} from './__fixtures__/structure.js';

const grids = ['g-1', 'g-2', 'g-3', 'g-4', 'g-5'] as const;
const grid = fc.constantFrom(...grids);

type Step =
  | { readonly op: 'define'; readonly grid: string; readonly kind: GridKind }
  | { readonly op: 'nest'; readonly grid: string; readonly parentGrid: string }
  | { readonly op: 'unnest'; readonly grid: string };

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('define' as const),
      grid,
      kind: fc.constantFrom<GridKind>('micro-grid', 'grid', 'police-grid'),
    }),
  },
  { weight: 6, arbitrary: fc.record({ op: fc.constant('nest' as const), grid, parentGrid: grid }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('unnest' as const), grid }) },
);

const define = (g: string): Step => ({ op: 'define', grid: g, kind: 'grid' });
const nest = (g: string, parentGrid: string): Step => ({ op: 'nest', grid: g, parentGrid });
/** Most grids defined first (some left out, to be nested into), then any steps at all. */
const runs = fc
  .tuple(
    fc.subarray([...grids], { minLength: 2 }),
    fc.array(step, { minLength: 1, maxLength: 40, size: 'max' }),
  )
  .map(([first, steps]) => [...first.map(define), ...steps]);

/** A hand-written run that reaches every outcome: the first example, so coverage is certain. */
const tour: Step[] = [
  nest('g-1', 'g-2'), // not defined
  define('g-1'),
  define('g-1'), // already defined
  nest('g-1', 'g-2'), // parent not defined
  define('g-2'),
  define('g-3'),
  nest('g-1', 'g-1'), // inside itself
  { op: 'unnest', grid: 'g-1' }, // not nested
  nest('g-1', 'g-2'),
  nest('g-1', 'g-2'), // already nested
  nest('g-2', 'g-3'),
  nest('g-3', 'g-1'), // loop: g-1 in g-2 in g-3
  { op: 'unnest', grid: 'g-2' },
  nest('g-3', 'g-1'),
];

/** What the structure should be: which grids exist, and where each lies. */
class Model {
  readonly defined = new Set<string>();
  readonly parent = new Map<string, string>();

  /** The grids from `from` up through its larger grids, `from` first. */
  chainFrom(from: string): string[] {
    const chain = [from];
    for (let at = this.parent.get(from); at !== undefined; at = this.parent.get(at)) chain.push(at);
    return chain;
  }

  /** Applies the step if it is allowed; otherwise returns the refusal it should get. */
  apply(s: Step): Outcome {
    if (s.op === 'define') {
      if (this.defined.has(s.grid)) return { rule: 'grid-structure.already-defined' };
      this.defined.add(s.grid);
      return 'done';
    }
    if (!this.defined.has(s.grid)) return { rule: 'grid-structure.not-defined' };
    if (s.op === 'unnest') {
      if (!this.parent.has(s.grid)) return { rule: 'grid-structure.not-nested' };
      this.parent.delete(s.grid);
      return 'done';
    }
    if (s.parentGrid === s.grid) return { rule: 'grid-structure.nested-in-itself' };
    if (this.parent.get(s.grid) === s.parentGrid) return { rule: 'grid-structure.already-nested' };
    if (!this.defined.has(s.parentGrid)) return { rule: 'grid-structure.parent-not-defined' };
    const above = this.chainFrom(s.parentGrid);
    const at = above.indexOf(s.grid);
    if (at >= 0) return { rule: 'grid-structure.nesting-loop', chain: above.slice(0, at + 1) };
    this.parent.set(s.grid, s.parentGrid);
    return 'done';
  }
}

type Outcome = 'done' | { readonly rule: string; readonly chain?: readonly string[] };

async function run(world: StructureWorld, s: Step): Promise<Outcome> {
  try {
    if (s.op === 'define') {
      const data = { grid: s.grid, community: 'xuzhai', kind: s.kind, name: s.grid };
      await world.grids(s.grid, { type: 'defineGrid', data }, world);
    } else if (s.op === 'unnest') {
      await world.grids(s.grid, { type: 'unnestGrid', data: {} }, world);
    } else {
      const request = { grid: s.grid, parentGrid: s.parentGrid };
      const result = await nestGridInStructure(world.ledger, request, world);
      expect(result.parentGrid).toBe(s.parentGrid);
    }
    return 'done';
  } catch (error) {
    if (!isRuleViolation(error)) throw error;
    if (error.rule !== 'grid-structure.nesting-loop') return { rule: error.rule };
    expect(error.details.landing, 'nothing is landing between sequential steps').toEqual([]);
    return { rule: error.rule, chain: error.details.chain as string[] };
  }
}

async function eventCount(world: StructureWorld): Promise<number> {
  let n = 0;
  for await (const _ of world.store.readAll()) n += 1;
  return n;
}

describe('nestGridInStructure against a model of the structure', () => {
  it('keeps the structure a forest and refuses for the model’s reason, step by step', async () => {
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(runs, async (steps) => {
        const world = createStructureWorld();
        const model = new Model();
        for (const s of steps) {
          const expected = model.apply(s);
          const before = await eventCount(world);
          const actual = await run(world, s);
          expect(actual, JSON.stringify(s)).toEqual(expected);
          if (actual !== 'done')
            expect(await eventCount(world), 'a refusal writes nothing').toBe(before);
          seen.add(typeof actual === 'string' ? actual : actual.rule);
        }
        const parents = await parentsOf(world, grids);
        expect(loopIn(parents)).toBeUndefined();
        expect(parents).toEqual(new Map(grids.map((g) => [g, model.parent.get(g) ?? null])));
      }),
      { numRuns: 120, examples: [[tour]] },
    );
    // The runs reached every outcome, so each comparison above was made for real.
    expect([...seen].sort()).toEqual([
      'done',
      'grid-structure.already-defined',
      'grid-structure.already-nested',
      'grid-structure.nested-in-itself',
      'grid-structure.nesting-loop',
      'grid-structure.not-defined',
      'grid-structure.not-nested',
      'grid-structure.parent-not-defined',
    ]);
  });
});
