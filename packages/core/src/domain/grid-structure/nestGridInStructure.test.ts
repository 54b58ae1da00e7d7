import { describe, expect, it } from 'vitest';
import { GridNesting, GridStructure, nestGridInStructure, streamIdOf } from '@gridledger/core';
import { streamOf } from '../__fixtures__/world.js';
import {
  createStructureWorld,
  defineGrid,
  parentsOf,
  refusal,
  type StructureWorld,
} from './__fixtures__/structure.js';

const lockStream = streamIdOf(GridNesting, 'all');
const nest = (world: StructureWorld, grid: string, parentGrid: string, reason?: string) =>
  nestGridInStructure(
    world.ledger,
    { grid, parentGrid, ...(reason === undefined ? {} : { reason }) },
    world,
  );

async function worldWith(...grids: string[]): Promise<StructureWorld> {
  const world = createStructureWorld();
  for (const grid of grids) await defineGrid(world, grid);
  return world;
}

describe('nestGridInStructure', () => {
  it('given two defined grids, when one is nested in the other, then it lies inside it and the lock holds the claim', async () => {
    const world = await worldWith('micro-7', 'grid-a');
    const result = await nest(world, 'micro-7', 'grid-a', 'Boundaries drawn');
    expect(result).toEqual({ grid: 'micro-7', parentGrid: 'grid-a', fromParent: undefined });
    const events = await streamOf(world, streamIdOf(GridStructure, 'micro-7'));
    expect(events.map((e) => [e.type, e.data])).toEqual([
      ['GridDefined', { grid: 'micro-7', community: 'xuzhai', kind: 'grid', name: 'Grid micro-7' }],
      ['GridNested', { parentGrid: 'grid-a', reason: 'Boundaries drawn' }],
    ]);
    expect(events[1]?.metadata.actor).toEqual(world.actor);
    const lock = await streamOf(world, lockStream);
    expect(lock.map((e) => e.data)).toEqual([
      { grid: 'micro-7', parentGrid: 'grid-a', gridVersion: 0 },
    ]);
  });

  it('given a grid inside one larger grid, when moved to another, then it names the one it left and the lock drops the settled claim', async () => {
    const world = await worldWith('micro-7', 'grid-a', 'grid-b');
    await nest(world, 'micro-7', 'grid-a');
    const moved = await nest(world, 'micro-7', 'grid-b');
    expect(moved.fromParent).toBe('grid-a');
    expect((await parentsOf(world, ['micro-7'])).get('micro-7')).toBe('grid-b');
    const lock = await world.ledger.load(GridNesting, 'all');
    expect(lock.state.claims).toEqual([{ grid: 'micro-7', parentGrid: 'grid-b', gridVersion: 1 }]);
    const claims = await streamOf(world, lockStream);
    expect(claims[1]?.data).toEqual({
      grid: 'micro-7',
      parentGrid: 'grid-b',
      gridVersion: 1,
      settled: ['micro-7'],
    });
  });

  it('refuses a larger grid that was never defined, writing nothing', async () => {
    const world = await worldWith('micro-7');
    const error = await refusal(nest(world, 'micro-7', 'grid-x'));
    expect(error.rule).toBe('grid-structure.parent-not-defined');
    expect(error.details).toEqual({ grid: 'micro-7', parentGrid: 'grid-x' });
    expect(error.message).toMatch(/no grid has been defined under that id/);
    await expect(streamOf(world, lockStream)).rejects.toThrow(/not found/);
  });

  it('refuses a grid that was never defined, and a grid inside itself', async () => {
    const world = await worldWith('grid-a');
    expect((await refusal(nest(world, 'micro-7', 'grid-a'))).rule).toBe(
      'grid-structure.not-defined',
    );
    const itself = await refusal(nest(world, 'grid-a', 'grid-a'));
    expect(itself.rule).toBe('grid-structure.nested-in-itself');
    expect(itself.message).toMatch(/cannot lie inside itself/);
  });

  it('refuses nesting a grid where it already lies', async () => {
    const world = await worldWith('micro-7', 'grid-a');
    await nest(world, 'micro-7', 'grid-a');
    const error = await refusal(nest(world, 'micro-7', 'grid-a'));
    expect(error.rule).toBe('grid-structure.already-nested');
    expect(error.details).toEqual({ grid: 'micro-7', parentGrid: 'grid-a' });
  });

  it('given A in B and B in C, when C is nested in A, then it refuses the loop and names the chain', async () => {
    const world = await worldWith('grid-a', 'grid-b', 'grid-c');
    await nest(world, 'grid-a', 'grid-b');
    await nest(world, 'grid-b', 'grid-c');
    const error = await refusal(nest(world, 'grid-c', 'grid-a'));
    expect(error.rule).toBe('grid-structure.nesting-loop');
    expect(error.details).toEqual({
      grid: 'grid-c',
      parentGrid: 'grid-a',
      chain: ['grid-a', 'grid-b', 'grid-c'],
      landing: [],
    });
    expect(error.message).toBe(
      "Grid 'grid-c' cannot lie inside grid 'grid-a', which lies inside it: grid-a in grid-b in grid-c",
    );
    // B in A is a loop of two; A moved under C is not a loop (C lies in nothing).
    expect((await refusal(nest(world, 'grid-b', 'grid-a'))).details).toMatchObject({
      chain: ['grid-a', 'grid-b'],
    });
    await nest(world, 'grid-a', 'grid-c');
    expect(await parentsOf(world, ['grid-a', 'grid-b', 'grid-c'])).toEqual(
      new Map([
        ['grid-a', 'grid-c'],
        ['grid-b', 'grid-c'],
        ['grid-c', null],
      ]),
    );
  });

  it('allows what was a loop once the chain is broken by unnesting', async () => {
    const world = await worldWith('grid-a', 'grid-b');
    await nest(world, 'grid-a', 'grid-b');
    await refusal(nest(world, 'grid-b', 'grid-a'));
    await world.grids('grid-a', { type: 'unnestGrid', data: {} }, world);
    const result = await nest(world, 'grid-b', 'grid-a');
    expect(result.parentGrid).toBe('grid-a');
  });

  it('counts a nesting still landing (claimed, not yet recorded), and a re-run completes it', async () => {
    const world = await worldWith('grid-a', 'grid-b', 'grid-c');
    // As if an office crashed between claiming the lock and recording A in B.
    await world.ledger.append(
      lockStream,
      [
        {
          type: 'GridNestingClaimed',
          data: { grid: 'grid-a', parentGrid: 'grid-b', gridVersion: 0 },
        },
      ],
      { expectedVersion: 'no-stream', actor: world.actor },
    );
    const error = await refusal(nest(world, 'grid-b', 'grid-a'));
    expect(error.rule).toBe('grid-structure.nesting-loop');
    expect(error.details).toMatchObject({ chain: ['grid-a', 'grid-b'], landing: ['grid-a'] });
    expect(error.message).toMatch(/the nesting of 'grid-a' is still landing/);
    // Nestings that do not go through it are not held up.
    await nest(world, 'grid-c', 'grid-b');
    await nest(world, 'grid-a', 'grid-b');
    expect((await parentsOf(world, ['grid-a'])).get('grid-a')).toBe('grid-b');
    // Once a grid's stream has moved on, the next claim settles its old ones.
    await world.grids('grid-a', { type: 'unnestGrid', data: {} }, world);
    await nest(world, 'grid-b', 'grid-a');
    const lock = await world.ledger.load(GridNesting, 'all');
    expect(lock.state.claims).toEqual([{ grid: 'grid-b', parentGrid: 'grid-a', gridVersion: 0 }]);
    const settled = (await streamOf(world, lockStream)).map(
      (e) => (e.data as { settled?: string[] }).settled,
    );
    expect(settled).toEqual([undefined, undefined, ['grid-c'], ['grid-a']]);
  });

  it('refuses a malformed request, naming the field', async () => {
    const world = await worldWith('grid-a');
    await expect(
      nestGridInStructure(world.ledger, { grid: 'grid a', parentGrid: 'grid-a' }, world),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'grid' }] });
  });

  it('is the only way to nest: the GridStructure handler refuses nestGrid', async () => {
    const world = await worldWith('grid-a', 'grid-b');
    await expect(
      world.grids('grid-a', { type: 'nestGrid', data: { parentGrid: 'grid-b' } }, world),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'type' }] });
  });
});
