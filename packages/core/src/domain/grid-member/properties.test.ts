import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GridMember, GridMemberRole, type GridMemberState } from '@gridledger/core';
import {
  refold,
  runRecipes,
  runThroughHandler,
  type PropertySubject,
  type Recipe,
} from '../__fixtures__/deciderProperties.js';

const grid = fc.constantFrom('g-1', 'g-2');
const role = fc.constantFrom(...GridMemberRole.options);
const recipe: fc.Arbitrary<Recipe<GridMemberState>> = fc.oneof(
  fc.subarray(GridMemberRole.options, { minLength: 1, maxLength: 3 }).map((roles) => () => ({
    type: 'enrolGridMember',
    data: { memberId: 'm-1', community: 'xuzhai', name: 'Li', roles },
  })),
  grid.map((g) => () => ({ type: 'assignToGrid', data: { grid: g } })),
  grid.map((g) => () => ({ type: 'reassignToGrid', data: { grid: g } })),
  fc.constant(() => ({ type: 'joinPatrolTeam', data: {} })),
  fc.constant(() => ({ type: 'leavePatrolTeam', data: {} })),
  role.map((r) => () => ({ type: 'addRole', data: { role: r } })),
  role.map((r) => () => ({ type: 'dropRole', data: { role: r } })),
  fc.constant(() => ({ type: 'retireGridMember', data: {} })),
);

function invariant(s: GridMemberState): string[] {
  const broken: string[] = [];
  const check = (ok: boolean, rule: string) => {
    if (!ok) broken.push(rule);
  };
  check((s.status === 'unenrolled') === (s.memberId === null), 'enrolled iff it has an id');
  check(s.status === 'unenrolled' || s.roles.length > 0, 'a member keeps at least one role');
  check(new Set(s.roles).size === s.roles.length, 'roles are held once');
  check(s.status !== 'retired' || (s.assignment === null && !s.inPatrolTeam), 'retired is free');
  check(
    s.assignment?.capacity !== 'owner' || s.roles.includes('party-member'),
    'an owner is a party member',
  );
  return broken;
}

const subject: PropertySubject<never, never, GridMemberState> = {
  aggregate: GridMember as never,
  invariant,
  id: 'm-1',
};
const runs = fc.array(recipe, { maxLength: 30, size: 'max' });

describe('GridMember properties', () => {
  it('any sequence of commands, accepted or rejected, leaves a valid state', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(runs, (recipes) => {
        for (const e of runRecipes(subject, recipes).events as { type: string }[]) seen.add(e.type);
      }),
      { numRuns: 150 },
    );
    expect([...seen].sort()).toEqual(GridMember.events.map((d) => d.type).sort());
  });

  it('folding the events decide returned reproduces the state', () => {
    fc.assert(
      fc.property(runs, (recipes) => {
        const run = runRecipes(subject, recipes);
        expect(refold(GridMember, run.events)).toEqual(run.state);
      }),
      { numRuns: 100 },
    );
  });

  it('rejected commands write nothing to the store', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(recipe, { maxLength: 15 }), async (recipes) => {
        await runThroughHandler(subject, recipes);
      }),
      { numRuns: 25 },
    );
  });
});
