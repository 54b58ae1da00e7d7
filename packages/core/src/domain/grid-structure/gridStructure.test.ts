import fc from 'fast-check';
import { describe, it } from 'vitest';
import { z } from 'zod';
import { GridStructure, GridStructureCommand, type GridStructureEvent } from '@gridledger/core';
import { given } from '@gridledger/core/testing';
import {
  describeDeciderProperties,
  type PropertySubject,
  type Recipe,
} from '../__fixtures__/deciderProperties.js';

type State = ReturnType<typeof GridStructure.initialState>;
const defined: GridStructureEvent = {
  type: 'GridDefined',
  data: { grid: 'xuzhai-07', community: 'xuzhai', kind: 'micro-grid', name: 'Red micro-grid 7' },
};
const inGridA: GridStructureEvent = { type: 'GridNested', data: { parentGrid: 'xuzhai-a' } };

// Nesting is not one of GridStructure's commands (it goes through nestGridInStructure, which
// checks the other grids' streams), but its decider still decides it on the grid's own stream:
// these tests give it the command through a schema that admits it.
const nestGrid = z.strictObject({
  type: z.literal('nestGrid'),
  data: z.strictObject({ parentGrid: z.string(), reason: z.string().optional() }),
});
const Deciding: typeof GridStructure = {
  ...GridStructure,
  commandSchema: z.union([
    GridStructureCommand,
    nestGrid,
  ]) as unknown as typeof GridStructureCommand,
};

describe('grids nested in larger grids (警格+网格)', () => {
  it('never takes nestGrid as a command: that goes through nestGridInStructure', () => {
    given(GridStructure, [defined])
      .when({ type: 'nestGrid', data: { parentGrid: 'xuzhai-a' } })
      .thenThrows({ code: 'VALIDATION_FAILED', path: 'type' });
  });

  it('given a defined micro-grid, when it is nested in a community grid, then it lies inside it', () => {
    given(Deciding, [defined])
      .when({ type: 'nestGrid', data: { parentGrid: 'xuzhai-a' } })
      .then([inGridA])
      .thenState({
        grid: 'xuzhai-07',
        community: 'xuzhai',
        kind: 'micro-grid',
        parentGrid: 'xuzhai-a',
      });
  });

  it('given a grid inside one larger grid, when moved to another, then the event names the one it left', () => {
    given(Deciding, [defined, inGridA])
      .when({ type: 'nestGrid', data: { parentGrid: 'xuzhai-b', reason: 'Boundaries redrawn' } })
      .then([
        {
          type: 'GridNested',
          data: { parentGrid: 'xuzhai-b', fromParent: 'xuzhai-a', reason: 'Boundaries redrawn' },
        },
      ]);
    given(GridStructure, [defined, inGridA])
      .when({ type: 'unnestGrid', data: {} })
      .then([{ type: 'GridUnnested', data: { fromParent: 'xuzhai-a' } }]);
  });

  it('refuses a grid inside itself, nesting it where it already lies, and an undefined grid', () => {
    given(Deciding, [defined])
      .when({ type: 'nestGrid', data: { parentGrid: 'xuzhai-07' } })
      .thenThrows({
        rule: 'grid-structure.nested-in-itself',
        message: /cannot lie inside itself/,
      });
    given(Deciding, [defined, inGridA])
      .when({ type: 'nestGrid', data: { parentGrid: 'xuzhai-a' } })
      .thenThrows({ rule: 'grid-structure.already-nested', details: { parentGrid: 'xuzhai-a' } });
    given(Deciding)
      .when({ type: 'nestGrid', data: { parentGrid: 'xuzhai-a' } })
      .thenThrows({ rule: 'grid-structure.not-defined' });
    given(GridStructure, [defined])
      .when({ type: 'unnestGrid', data: {} })
      .thenThrows({ rule: 'grid-structure.not-nested' });
    given(GridStructure, [defined])
      .when({ type: 'defineGrid', data: defined.data })
      .thenThrows({ rule: 'grid-structure.already-defined' });
  });

  it('names the kind of grid it does not know', () => {
    given(GridStructure)
      .when({ type: 'defineGrid', data: { ...defined.data, kind: 'block' } })
      .thenThrows({ code: 'VALIDATION_FAILED', path: 'data.kind' });
  });
});

const parent = fc.constantFrom('g-1', 'g-a', 'g-b');
const recipe: fc.Arbitrary<Recipe<State>> = fc.oneof(
  fc.constantFrom('micro-grid', 'grid', 'police-grid', 'block').map((kind) => () => ({
    type: 'defineGrid',
    data: { grid: 'g-1', community: 'xuzhai', kind, name: 'Grid 1' },
  })),
  parent.map((p) => () => ({ type: 'nestGrid', data: { parentGrid: p } })),
  fc.constant(() => ({ type: 'unnestGrid', data: {} })),
);

function invariant(s: State): string[] {
  const broken: string[] = [];
  if ((s.grid === null) !== (s.kind === null)) broken.push('a defined grid has a kind');
  if (s.grid === null && s.parentGrid !== null) broken.push('only a defined grid is nested');
  if (s.parentGrid !== null && s.parentGrid === s.grid) broken.push('no grid lies inside itself');
  return broken;
}

const subject: PropertySubject<never, never, State> = {
  aggregate: Deciding as never,
  invariant,
  id: 'g-1',
  tours: [
    [
      () => ({
        type: 'defineGrid',
        data: { grid: 'g-1', community: 'xuzhai', kind: 'micro-grid', name: 'Grid 1' },
      }),
      () => ({ type: 'nestGrid', data: { parentGrid: 'g-a' } }),
      () => ({ type: 'nestGrid', data: { parentGrid: 'g-b' } }),
      () => ({ type: 'unnestGrid', data: {} }),
    ],
  ],
};
describeDeciderProperties(subject, recipe, { run: 20, throughHandler: 10 });
