import fc from 'fast-check';

import { GridMember, GridMemberRole, type GridMemberState } from '@gridledger/core';
import {
  describeDeciderProperties,
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
  fc.constantFrom('deputy-party-secretary', 'director', 'Not A Slug').map((position) => () => ({
    type: 'appointToPosition',
    data: { position, organisation: 'Xuzhai community party committee' },
  })),
  fc.constantFrom('deputy-party-secretary', 'director').map((position) => () => ({
    type: 'endPosition',
    data: { position, organisation: 'Xuzhai community party committee' },
  })),
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
  check(s.status !== 'retired' || s.positions.length === 0, 'a retired member holds no position');
  check(
    new Set(s.positions.map((p) => `${p.position}@${p.organisation}`)).size === s.positions.length,
    'a position is held once at a time',
  );
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
  tours: [
    [
      {
        type: 'enrolGridMember',
        data: {
          memberId: 'm-1',
          community: 'xuzhai',
          name: 'Li',
          roles: ['party-member', 'volunteer'],
        },
      },
      { type: 'assignToGrid', data: { grid: 'g-1' } },
      { type: 'reassignToGrid', data: { grid: 'g-2' } },
      { type: 'joinPatrolTeam', data: {} },
      { type: 'leavePatrolTeam', data: {} },
      { type: 'addRole', data: { role: 'grid-worker' } },
      { type: 'dropRole', data: { role: 'volunteer' } },
      {
        type: 'appointToPosition',
        data: { position: 'deputy-party-secretary', organisation: 'Xuzhai party committee' },
      },
      {
        type: 'endPosition',
        data: { position: 'deputy-party-secretary', organisation: 'Xuzhai party committee' },
      },
      {
        type: 'appointToPosition',
        data: { position: 'director', organisation: 'Taihao Road police station' },
      },
      { type: 'retireGridMember', data: {} },
    ].map((command) => () => command),
  ],
};

describeDeciderProperties(subject, recipe, { run: 30, throughHandler: 15 });
