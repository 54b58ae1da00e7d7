import { describe, it } from 'vitest';
import { Patrol, type PatrolEvent } from '@gridledger/core';
import { given } from '@gridledger/core/testing';

const scheduled: PatrolEvent = {
  type: 'PatrolScheduled',
  data: {
    patrolId: 'pt-1',
    community: 'xuzhai',
    route: 'Taihao Rd → market → east gate',
    grids: ['xuzhai-07', 'xuzhai-08'],
    members: ['m-li', 'm-wu', 'm-veteran-zhang'],
    scheduledFor: '2026-08-01T19:00:00+08:00',
  },
};
const started: PatrolEvent = {
  type: 'PatrolStarted',
  data: { members: ['m-li', 'm-wu', 'm-veteran-zhang'] },
};
const completed: PatrolEvent = { type: 'PatrolCompleted', data: { durationMinutes: 90 } };
const cancelled: PatrolEvent = { type: 'PatrolCancelled', data: { reason: 'Typhoon warning' } };
const underWay = [scheduled, started];

describe('schedulePatrol', () => {
  it('schedules a route over grids with its members', () => {
    given(Patrol)
      .when({ type: 'schedulePatrol', data: scheduled.data })
      .then([scheduled])
      .thenState({
        ...Patrol.initialState(),
        status: 'scheduled',
        patrolId: 'pt-1',
        community: 'xuzhai',
        grids: ['xuzhai-07', 'xuzhai-08'],
        members: ['m-li', 'm-wu', 'm-veteran-zhang'],
      });
  });

  it('needs at least two members', () => {
    given(Patrol)
      .when({ type: 'schedulePatrol', data: { ...scheduled.data, members: ['m-li'] } })
      .thenThrows({
        rule: 'patrol.too-few-members',
        message: 'A patrol needs at least 2 members; only one was named',
      });
  });

  it('needs a grid, and distinct members', () => {
    given(Patrol)
      .when({ type: 'schedulePatrol', data: { ...scheduled.data, grids: [] } })
      .thenThrows({ path: 'data.grids' });
    given(Patrol)
      .when({ type: 'schedulePatrol', data: { ...scheduled.data, members: ['m-li', 'm-li'] } })
      .thenThrows({ path: 'data.members', message: /must not repeat/ });
  });

  it('is scheduled once, and must be scheduled before anything else', () => {
    given(Patrol, [scheduled])
      .when({ type: 'schedulePatrol', data: scheduled.data })
      .thenThrows({ rule: 'patrol.already-scheduled' });
    given(Patrol)
      .when({ type: 'startPatrol', data: {} })
      .thenThrows({ rule: 'patrol.not-scheduled' });
  });
});

describe('startPatrol', () => {
  it('starts with those who turned out, by default those scheduled', () => {
    given(Patrol, [scheduled]).when({ type: 'startPatrol', data: {} }).then([started]);
    given(Patrol, [scheduled])
      .when({ type: 'startPatrol', data: { members: ['m-li', 'm-zhou'] } })
      .then([{ type: 'PatrolStarted', data: { members: ['m-li', 'm-zhou'] } }]);
  });

  it('does not start with fewer than two', () => {
    given(Patrol, [scheduled])
      .when({ type: 'startPatrol', data: { members: ['m-li'] } })
      .thenThrows({ rule: 'patrol.too-few-members' });
  });

  it('starts once, and not after cancelling', () => {
    given(Patrol, underWay)
      .when({ type: 'startPatrol', data: {} })
      .thenThrows({ rule: 'patrol.already-started' });
    given(Patrol, [scheduled, cancelled])
      .when({ type: 'startPatrol', data: {} })
      .thenThrows({ rule: 'patrol.cancelled', message: 'A cancelled patrol cannot start' });
  });
});

describe('what a patrol logs', () => {
  const observation = { grid: 'xuzhai-07', note: 'Market gate unlocked after hours' };

  it('logs observations, hazards and incidents in its own grids', () => {
    given(Patrol, underWay)
      .when({ type: 'logObservation', data: observation }, { newId: () => 'ob-1' })
      .then([{ type: 'PatrolObservationLogged', data: { observationId: 'ob-1', ...observation } }]);
    given(Patrol, underWay)
      .when(
        { type: 'reportPatrolHazard', data: { grid: 'xuzhai-08', description: 'Exposed wiring' } },
        { newId: () => 'hz-1' },
      )
      .then([
        {
          type: 'PatrolHazardFound',
          data: { hazardId: 'hz-1', grid: 'xuzhai-08', description: 'Exposed wiring' },
        },
      ]);
  });

  it('records a hazard removed, even after the shift, once', () => {
    const found: PatrolEvent = {
      type: 'PatrolHazardFound',
      data: { hazardId: 'hz-1', grid: 'xuzhai-08', description: 'Exposed wiring' },
    };
    const removal = {
      type: 'recordPatrolHazardRemoved',
      data: { hazardId: 'hz-1', note: 'Rewired' },
    };
    given(Patrol, [...underWay, found, completed])
      .when(removal)
      .then([{ type: 'PatrolHazardRemoved', data: { hazardId: 'hz-1', note: 'Rewired' } }]);
    given(Patrol, [...underWay, found, { type: 'PatrolHazardRemoved', data: { hazardId: 'hz-1' } }])
      .when(removal)
      .thenThrows({ rule: 'patrol.hazard-already-removed' });
    given(Patrol, underWay)
      .when(removal)
      .thenThrows({ rule: 'patrol.unknown-hazard', details: { hazardId: 'hz-1' } });
  });

  describe('following up a hazard until it is removed or handed over', () => {
    const found: PatrolEvent = {
      type: 'PatrolHazardFound',
      data: { hazardId: 'hz-1', grid: 'xuzhai-08', description: 'Exposed wiring' },
    };
    const look = {
      hazardId: 'hz-1',
      followedUpBy: ['m-zhou'],
      note: 'Still exposed; the property office told again',
      stillThere: true,
    };
    const followUp = { type: 'followUpPatrolHazard', data: look };
    const handOver = {
      type: 'handOverPatrolHazard',
      data: { hazardId: 'hz-1', to: 'property office', note: 'Their wiring' },
    };
    const removal = { type: 'recordPatrolHazardRemoved', data: { hazardId: 'hz-1' } };
    const followedUp: PatrolEvent = { type: 'PatrolHazardFollowedUp', data: look };
    const handedOver: PatrolEvent = { type: 'PatrolHazardHandedOver', data: handOver.data };
    const removed: PatrolEvent = { type: 'PatrolHazardRemoved', data: { hazardId: 'hz-1' } };

    it('follows a hazard up, on the shift or after it, as often as needed', () => {
      given(Patrol, [...underWay, found])
        .when(followUp)
        .then([followedUp]);
      given(Patrol, [...underWay, found, completed, followedUp])
        .when(followUp)
        .then([followedUp])
        .thenState({
          ...given(Patrol, [...underWay, found, completed]).state,
          hazards: [{ hazardId: 'hz-1', removed: false, handedOverTo: null, followUps: 2 }],
        });
      const gone = { ...look, note: 'Gone: the wiring was boxed in', stillThere: false };
      given(Patrol, [...underWay, found, completed])
        .when({ type: 'followUpPatrolHazard', data: gone })
        .then([{ type: 'PatrolHazardFollowedUp', data: gone }]);
    });

    it('says who looked: at least one member, none named twice', () => {
      given(Patrol, [...underWay, found])
        .when({ type: 'followUpPatrolHazard', data: { ...look, followedUpBy: [] } })
        .thenThrows({ path: 'data.followedUpBy' });
      given(Patrol, [...underWay, found])
        .when({ type: 'followUpPatrolHazard', data: { ...look, followedUpBy: ['m-li', 'm-li'] } })
        .thenThrows({ path: 'data.followedUpBy', message: /must not repeat/ });
      const { stillThere: _, ...withoutAnswer } = look;
      given(Patrol, [...underWay, found])
        .when({ type: 'followUpPatrolHazard', data: withoutAnswer })
        .thenThrows({ path: 'data.stillThere' });
    });

    it('hands a hazard over to the body responsible, after which it is theirs', () => {
      given(Patrol, [...underWay, found, completed, followedUp])
        .when(handOver)
        .then([handedOver])
        .thenState({
          ...given(Patrol, [...underWay, found, completed]).state,
          hazards: [
            { hazardId: 'hz-1', removed: false, handedOverTo: 'property office', followUps: 1 },
          ],
        });
      for (const command of [followUp, handOver, removal]) {
        given(Patrol, [...underWay, found, completed, handedOver])
          .when(command)
          .thenThrows({
            rule: 'patrol.hazard-handed-over',
            message: "Hazard 'hz-1' was handed over to property office; it is theirs to remove",
            details: { hazardId: 'hz-1', to: 'property office' },
          });
      }
    });

    it('neither follows up nor hands over a removed hazard', () => {
      for (const command of [followUp, handOver]) {
        given(Patrol, [...underWay, found, removed])
          .when(command)
          .thenThrows({ rule: 'patrol.hazard-already-removed', details: { hazardId: 'hz-1' } });
      }
    });

    it('refuses a hazard the patrol did not find', () => {
      for (const command of [followUp, handOver]) {
        given(Patrol, [...underWay, found])
          .when({ ...command, data: { ...command.data, hazardId: 'hz-9' } })
          .thenThrows({
            rule: 'patrol.unknown-hazard',
            message: "Patrol 'pt-1' found no hazard 'hz-9'",
            details: { hazardId: 'hz-9' },
          });
      }
    });

    it('follows up and hands over only on a patrol that went out', () => {
      given(Patrol, [scheduled]).when(followUp).thenThrows({ rule: 'patrol.not-started' });
      given(Patrol, [scheduled, cancelled]).when(handOver).thenThrows({
        rule: 'patrol.cancelled',
        message: 'A cancelled patrol cannot hand over a hazard',
      });
      given(Patrol).when(followUp).thenThrows({ rule: 'patrol.not-scheduled' });
    });

    it('names whom it was handed to', () => {
      given(Patrol, [...underWay, found])
        .when({ type: 'handOverPatrolHazard', data: { hazardId: 'hz-1', to: '' } })
        .thenThrows({ path: 'data.to' });
    });
  });

  it('reports an incident, saying whether it is a dispute and who is in it', () => {
    const quarrel = {
      grid: 'xuzhai-07',
      kind: 'quarrel',
      description: 'Two stall-holders arguing over a pitch',
      isDispute: true,
      parties: [{ name: 'Ma', role: 'stall-holder' }],
      category: 'property' as const,
    };
    given(Patrol, underWay)
      .when({ type: 'reportPatrolIncident', data: quarrel }, { newId: () => 'in-1' })
      .then([
        {
          type: 'PatrolIncidentReported',
          data: { incidentId: 'in-1', ...quarrel, isDispute: true },
        },
      ]);
    const theft = {
      grid: 'xuzhai-07',
      kind: 'theft',
      description: 'Bicycle taken',
      isDispute: false,
    };
    given(Patrol, underWay)
      .when({ type: 'reportPatrolIncident', data: theft }, { newId: () => 'in-2' })
      .then([
        {
          type: 'PatrolIncidentReported',
          data: { incidentId: 'in-2', ...theft, isDispute: false },
        },
      ]);
    given(Patrol, underWay)
      .when({ type: 'reportPatrolIncident', data: { ...theft, parties: [] } })
      .thenThrows({ path: 'data.isDispute', message: /describe a dispute/ });
  });

  it('logs nothing for a grid off its route', () => {
    given(Patrol, underWay)
      .when({ type: 'logObservation', data: { ...observation, grid: 'xuzhai-30' } })
      .thenThrows({ rule: 'patrol.grid-not-on-route', details: { grid: 'xuzhai-30' } });
  });

  it('logs nothing before it starts or after it is completed', () => {
    given(Patrol, [scheduled])
      .when({ type: 'logObservation', data: observation })
      .thenThrows({ rule: 'patrol.not-started' });
    given(Patrol, [...underWay, completed])
      .when({ type: 'logObservation', data: observation })
      .thenThrows({
        rule: 'patrol.completed',
        message: 'A completed patrol cannot log observations',
      });
    given(Patrol, [...underWay, completed])
      .when({ type: 'reportPatrolHazard', data: { grid: 'xuzhai-07', description: 'x' } })
      .thenThrows({ rule: 'patrol.completed' });
  });
});

describe('completePatrol and cancelPatrol', () => {
  it('completes a patrol under way with its duration', () => {
    given(Patrol, underWay)
      .when({ type: 'completePatrol', data: { durationMinutes: 90 } })
      .then([completed])
      .thenState({ ...given(Patrol, underWay).state, status: 'completed', durationMinutes: 90 });
  });

  it('needs a whole, positive duration within a day', () => {
    for (const durationMinutes of [0, 12.5, 24 * 60 + 1]) {
      given(Patrol, underWay)
        .when({ type: 'completePatrol', data: { durationMinutes } })
        .thenThrows({ path: 'data.durationMinutes' });
    }
  });

  it('completes only a patrol under way, once', () => {
    given(Patrol, [scheduled])
      .when({ type: 'completePatrol', data: { durationMinutes: 60 } })
      .thenThrows({ rule: 'patrol.not-started' });
    given(Patrol, [...underWay, completed])
      .when({ type: 'completePatrol', data: { durationMinutes: 60 } })
      .thenThrows({ rule: 'patrol.completed' });
  });

  it('cancels a patrol before it starts, not after', () => {
    given(Patrol, [scheduled])
      .when({ type: 'cancelPatrol', data: { reason: 'Typhoon warning' } })
      .then([cancelled]);
    given(Patrol, underWay)
      .when({ type: 'cancelPatrol', data: { reason: 'x' } })
      .thenThrows({ rule: 'patrol.already-started', message: /under way: it cannot be cancelled/ });
  });
});
