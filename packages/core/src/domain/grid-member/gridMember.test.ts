import { describe, it } from 'vitest';
import { GridMember, type GridMemberEvent } from '@gridledger/core';
import { given } from '@gridledger/core/testing';

const enrolled: GridMemberEvent = {
  type: 'GridMemberEnrolled',
  data: {
    memberId: 'm-li',
    community: 'xuzhai',
    name: 'Li Min',
    roles: ['grid-worker', 'volunteer'],
  },
};
const serving: GridMemberEvent = {
  type: 'GridMemberAssigned',
  data: { grid: 'xuzhai-07', capacity: 'serving' },
};
const inTeam: GridMemberEvent = { type: 'PatrolTeamJoined', data: {} };
const retired: GridMemberEvent = {
  type: 'GridMemberRetired',
  data: { released: { grid: 'xuzhai-07', capacity: 'serving' }, leftPatrolTeam: false },
};

describe('enrolGridMember', () => {
  it('enrols a person with their roles', () => {
    given(GridMember)
      .when({ type: 'enrolGridMember', data: enrolled.data })
      .then([enrolled])
      .thenState({
        status: 'active',
        memberId: 'm-li',
        community: 'xuzhai',
        name: 'Li Min',
        roles: ['grid-worker', 'volunteer'],
        assignment: null,
        inPatrolTeam: false,
        positions: [],
      });
  });

  it('needs at least one known role, each once', () => {
    const data = { memberId: 'm-1', community: 'xuzhai', name: 'Wu' };
    given(GridMember)
      .when({ type: 'enrolGridMember', data: { ...data, roles: [] } })
      .thenThrows({ path: 'data.roles' });
    given(GridMember)
      .when({ type: 'enrolGridMember', data: { ...data, roles: ['sheriff'] } })
      .thenThrows({ path: 'data.roles.0' });
    given(GridMember)
      .when({ type: 'enrolGridMember', data: { ...data, roles: ['volunteer', 'volunteer'] } })
      .thenThrows({ path: 'data.roles', message: /must not repeat/ });
  });

  it('enrols once, and needs enrolment for anything else', () => {
    given(GridMember, [enrolled])
      .when({ type: 'enrolGridMember', data: enrolled.data })
      .thenThrows({ rule: 'grid-member.already-enrolled' });
    given(GridMember)
      .when({ type: 'joinPatrolTeam', data: {} })
      .thenThrows({ rule: 'grid-member.not-enrolled' });
  });
});

describe('assignToGrid and reassignToGrid', () => {
  it('assigns a member to serve a grid', () => {
    given(GridMember, [enrolled])
      .when({ type: 'assignToGrid', data: { grid: 'xuzhai-07' } })
      .then([serving]);
  });

  it('cannot assign a retired member', () => {
    given(GridMember, [enrolled, serving, retired])
      .when({ type: 'assignToGrid', data: { grid: 'xuzhai-08' } })
      .thenThrows({
        rule: 'grid-member.retired',
        message: 'A retired grid member cannot be assigned to a grid: Li Min (m-li) has retired',
      });
    given(GridMember, [enrolled, serving, retired])
      .when({ type: 'reassignToGrid', data: { grid: 'xuzhai-08' } })
      .thenThrows({ rule: 'grid-member.retired' });
  });

  it('assigns once; moving is a reassignment', () => {
    given(GridMember, [enrolled, serving])
      .when({ type: 'assignToGrid', data: { grid: 'xuzhai-08' } })
      .thenThrows({ rule: 'grid-member.already-assigned', message: /reassign them/ });
    given(GridMember, [enrolled, serving])
      .when({ type: 'reassignToGrid', data: { grid: 'xuzhai-08', reason: 'Moved house' } })
      .then([
        {
          type: 'GridMemberReassigned',
          data: {
            fromGrid: 'xuzhai-07',
            fromCapacity: 'serving',
            grid: 'xuzhai-08',
            reason: 'Moved house',
            capacity: 'serving',
          },
        },
      ]);
  });

  it('cannot reassign a member who serves no grid, or to the grid they serve', () => {
    given(GridMember, [enrolled])
      .when({ type: 'reassignToGrid', data: { grid: 'xuzhai-08' } })
      .thenThrows({ rule: 'grid-member.not-assigned' });
    given(GridMember, [enrolled, serving])
      .when({ type: 'reassignToGrid', data: { grid: 'xuzhai-07' } })
      .thenThrows({ rule: 'grid-member.already-assigned' });
  });

  it('cannot make anyone an owner through its commands: that goes through the grid lock', () => {
    given(GridMember, [enrolled])
      .when({ type: 'assignToGrid', data: { grid: 'xuzhai-07', capacity: 'owner' } })
      .thenThrows({ code: 'VALIDATION_FAILED', path: 'data', message: /capacity/ });
    given(GridMember, [enrolled])
      .when({ type: 'takeGridOwnership', data: { grid: 'xuzhai-07' } })
      .thenThrows({ code: 'VALIDATION_FAILED', path: 'type' });
  });
});

describe('the patrol team', () => {
  it('joins and leaves it', () => {
    given(GridMember, [enrolled]).when({ type: 'joinPatrolTeam', data: {} }).then([inTeam]);
    given(GridMember, [enrolled, inTeam])
      .when({ type: 'leavePatrolTeam', data: { reason: 'Night shifts' } })
      .then([{ type: 'PatrolTeamLeft', data: { reason: 'Night shifts' } }]);
  });

  it('joins once, leaves only if in it, and never after retiring', () => {
    given(GridMember, [enrolled, inTeam])
      .when({ type: 'joinPatrolTeam', data: {} })
      .thenThrows({ rule: 'grid-member.already-in-patrol-team' });
    given(GridMember, [enrolled])
      .when({ type: 'leavePatrolTeam', data: {} })
      .thenThrows({ rule: 'grid-member.not-in-patrol-team' });
    given(GridMember, [enrolled, retired])
      .when({ type: 'joinPatrolTeam', data: {} })
      .thenThrows({ rule: 'grid-member.retired', message: /cannot join the patrol team/ });
  });
});

describe('roles', () => {
  it('adds and drops a role', () => {
    given(GridMember, [enrolled])
      .when({ type: 'addRole', data: { role: 'security-guard' } })
      .then([{ type: 'GridMemberRoleAdded', data: { role: 'security-guard' } }]);
    given(GridMember, [enrolled])
      .when({ type: 'dropRole', data: { role: 'volunteer' } })
      .then([{ type: 'GridMemberRoleDropped', data: { role: 'volunteer' } }])
      .thenState({ ...given(GridMember, [enrolled]).state, roles: ['grid-worker'] });
  });

  it('refuses a role held twice, a role not held, and dropping the last one', () => {
    given(GridMember, [enrolled])
      .when({ type: 'addRole', data: { role: 'volunteer' } })
      .thenThrows({ rule: 'grid-member.role-held' });
    given(GridMember, [enrolled])
      .when({ type: 'dropRole', data: { role: 'retired-cadre' } })
      .thenThrows({ rule: 'grid-member.role-not-held' });
    given(GridMember, [enrolled, { type: 'GridMemberRoleDropped', data: { role: 'volunteer' } }])
      .when({ type: 'dropRole', data: { role: 'grid-worker' } })
      .thenThrows({ rule: 'grid-member.last-role', message: /retire them instead/ });
  });

  it('keeps a grid owner a party member', () => {
    const owner: GridMemberEvent[] = [
      {
        ...enrolled,
        data: { ...enrolled.data, roles: ['party-member', 'grid-worker'] },
      },
      { type: 'GridMemberAssigned', data: { grid: 'xuzhai-07', capacity: 'owner' } },
    ];
    given(GridMember, owner)
      .when({ type: 'dropRole', data: { role: 'party-member' } })
      .thenThrows({
        rule: 'grid-member.owner-must-be-party-member',
        details: { grid: 'xuzhai-07' },
      });
  });
});

describe('retireGridMember', () => {
  it('retires a member, naming the grid and the patrol-team place they give up', () => {
    given(GridMember, [enrolled, serving, inTeam])
      .when({ type: 'retireGridMember', data: { reason: 'Moved away' } })
      .then([
        {
          type: 'GridMemberRetired',
          data: {
            reason: 'Moved away',
            released: { grid: 'xuzhai-07', capacity: 'serving' },
            leftPatrolTeam: true,
          },
        },
      ])
      .thenState({
        ...given(GridMember, [enrolled]).state,
        status: 'retired',
        assignment: null,
        inPatrolTeam: false,
      });
  });

  it('retires once', () => {
    given(GridMember, [enrolled, retired])
      .when({ type: 'retireGridMember', data: {} })
      .thenThrows({ rule: 'grid-member.retired' });
  });
});

describe('positions as history', () => {
  const deputy = {
    position: 'deputy-party-secretary',
    organisation: 'Xuzhai community party committee',
  };
  const director = { position: 'director', organisation: 'Taihao Road police station' };
  const appointed: GridMemberEvent = { type: 'GridMemberAppointed', data: deputy };
  const active = {
    status: 'active' as const,
    memberId: 'm-li',
    community: 'xuzhai',
    name: 'Li Min',
    roles: ['grid-worker' as const, 'volunteer' as const],
    assignment: null,
    inPatrolTeam: false,
  };

  it('given an enrolled officer, when appointed deputy party secretary, then the appointment is a fact and the position is held', () => {
    given(GridMember, [enrolled])
      .when({ type: 'appointToPosition', data: deputy })
      .then([appointed])
      .thenState({ ...active, positions: [deputy] });
  });

  it('holds several positions at once, each once, and ends the one named', () => {
    given(GridMember, [enrolled, appointed])
      .when({ type: 'appointToPosition', data: director })
      .then([{ type: 'GridMemberAppointed', data: director }]);
    given(GridMember, [enrolled, appointed])
      .when({ type: 'appointToPosition', data: { ...deputy, note: 'again' } })
      .thenThrows({
        rule: 'grid-member.position-held',
        message:
          /already holds the position deputy-party-secretary in Xuzhai community party committee/,
        details: deputy,
      });
    given(GridMember, [enrolled, appointed, { type: 'GridMemberAppointed', data: director }])
      .when({ type: 'endPosition', data: { ...deputy, reason: 'Transferred' } })
      .then([{ type: 'GridMemberPositionEnded', data: { ...deputy, reason: 'Transferred' } }])
      .thenState({ ...active, positions: [director] });
  });

  it('refuses to end a position not held, and to appoint a member not enrolled or retired', () => {
    given(GridMember, [enrolled])
      .when({ type: 'endPosition', data: director })
      .thenThrows({ rule: 'grid-member.position-not-held', details: director });
    given(GridMember, [enrolled, appointed, { type: 'GridMemberPositionEnded', data: deputy }])
      .when({ type: 'endPosition', data: deputy })
      .thenThrows({ rule: 'grid-member.position-not-held' });
    given(GridMember)
      .when({ type: 'appointToPosition', data: deputy })
      .thenThrows({ rule: 'grid-member.not-enrolled' });
    given(GridMember, [enrolled, retired])
      .when({ type: 'appointToPosition', data: deputy })
      .thenThrows({ rule: 'grid-member.retired' });
  });

  it('given a member holding two positions, when they retire, then each position ends before the retirement', () => {
    given(GridMember, [
      enrolled,
      serving,
      appointed,
      { type: 'GridMemberAppointed', data: director },
    ])
      .when({ type: 'retireGridMember', data: {} })
      .then([
        { type: 'GridMemberPositionEnded', data: { ...deputy, reason: 'Retired' } },
        { type: 'GridMemberPositionEnded', data: { ...director, reason: 'Retired' } },
        {
          type: 'GridMemberRetired',
          data: { released: { grid: 'xuzhai-07', capacity: 'serving' }, leftPatrolTeam: false },
        },
      ])
      .thenState({ ...active, status: 'retired', positions: [] });
  });
});
