import fc from 'fast-check';

import { MIN_PATROL_MEMBERS, Patrol, type PatrolState } from '@gridledger/core';
import {
  describeDeciderProperties,
  type PropertySubject,
  type Recipe,
} from '../__fixtures__/deciderProperties.js';

const grid = fc.constantFrom('g-1', 'g-2', 'g-9');
const members = fc.subarray(['m-1', 'm-2', 'm-3']);
const schedule = (m: readonly string[]) => ({
  type: 'schedulePatrol',
  data: {
    patrolId: 'pt-1',
    community: 'xuzhai',
    route: 'Market loop',
    grids: ['g-1', 'g-2'],
    members: m,
    scheduledFor: '2026-08-01T19:00:00Z',
  },
});
/** One of the hazards found so far (or an id naming none, when none was). */
const hazardAt = (s: PatrolState, i: number) =>
  s.hazards[i % Math.max(s.hazards.length, 1)]?.hazardId ?? 'hz-none';
const recipe: fc.Arbitrary<Recipe<PatrolState>> = fc.oneof(
  members.map((m) => () => schedule(m)),
  fc.option(members, { nil: undefined }).map((m) => () => ({
    type: 'startPatrol',
    data: m === undefined ? {} : { members: m },
  })),
  grid.map((g) => () => ({ type: 'logObservation', data: { grid: g, note: 'Quiet' } })),
  grid.map((g) => () => ({ type: 'reportPatrolHazard', data: { grid: g, description: 'Wire' } })),
  fc.record({ g: grid, isDispute: fc.boolean() }).map(({ g, isDispute }) => () => ({
    type: 'reportPatrolIncident',
    data: { grid: g, kind: 'quarrel', description: 'Shouting', isDispute },
  })),
  fc.integer({ min: -5, max: 200 }).map((durationMinutes) => () => ({
    type: 'completePatrol',
    data: { durationMinutes },
  })),
  fc.nat().map((i) => (s: PatrolState) => ({
    type: 'recordPatrolHazardRemoved',
    data: { hazardId: hazardAt(s, i) },
  })),
  fc
    .record({ i: fc.nat(), by: members, stillThere: fc.boolean() })
    .map(({ i, by, stillThere }) => (s: PatrolState) => ({
      type: 'followUpPatrolHazard',
      data: { hazardId: hazardAt(s, i), followedUpBy: by, note: 'Looked again', stillThere },
    })),
  fc
    .record({ i: fc.nat(), to: fc.constantFrom('property office', 'gas company') })
    .map(({ i, to }) => (s: PatrolState) => ({
      type: 'handOverPatrolHazard',
      data: { hazardId: hazardAt(s, i), to },
    })),
  fc.constant(() => ({ type: 'cancelPatrol', data: { reason: 'Rain' } })),
);

function invariant(s: PatrolState): string[] {
  const broken: string[] = [];
  const check = (ok: boolean, rule: string) => {
    if (!ok) broken.push(rule);
  };
  const logged = s.observations + s.hazards.length + s.incidents;
  check((s.status === 'unscheduled') === (s.patrolId === null), 'scheduled iff it has an id');
  check(s.status === 'unscheduled' || s.members.length >= MIN_PATROL_MEMBERS, 'never alone');
  check(logged === 0 || s.status === 'under-way' || s.status === 'completed', 'logs while out');
  check(s.status !== 'cancelled' || logged === 0, 'a cancelled patrol logged nothing');
  check((s.status === 'completed') === (s.durationMinutes !== null), 'duration on completion');
  const ids = s.hazards.map((h) => h.hazardId);
  check(new Set(ids).size === ids.length, 'hazard ids are unique');
  check(
    s.hazards.every((h) => !(h.removed && h.handedOverTo !== null)),
    'a hazard is removed or handed over, not both',
  );
  return broken;
}

const subject: PropertySubject<never, never, PatrolState> = {
  aggregate: Patrol as never,
  invariant,
  id: 'pt-1',
  tours: [
    [
      () => schedule(['m-1', 'm-2', 'm-3']),
      () => ({ type: 'startPatrol', data: {} }),
      () => ({ type: 'logObservation', data: { grid: 'g-1', note: 'Quiet' } }),
      () => ({ type: 'reportPatrolHazard', data: { grid: 'g-2', description: 'Wire' } }),
      (s) => ({
        type: 'followUpPatrolHazard',
        data: {
          hazardId: s.hazards[0]?.hazardId,
          followedUpBy: ['m-2'],
          note: 'Gone',
          stillThere: false,
        },
      }),
      (s) => ({ type: 'recordPatrolHazardRemoved', data: { hazardId: s.hazards[0]?.hazardId } }),
      // A second hazard, still there on a look after the shift, handed over to the body responsible.
      () => ({
        type: 'reportPatrolHazard',
        data: { grid: 'g-1', description: 'Fire door blocked' },
      }),
      () => ({
        type: 'reportPatrolIncident',
        data: { grid: 'g-1', kind: 'quarrel', description: 'Shouting', isDispute: true },
      }),
      () => ({ type: 'completePatrol', data: { durationMinutes: 90 } }),
      (s) => ({
        type: 'followUpPatrolHazard',
        data: {
          hazardId: s.hazards[1]?.hazardId,
          followedUpBy: ['m-3'],
          note: 'Still blocked',
          stillThere: true,
        },
      }),
      (s) => ({
        type: 'handOverPatrolHazard',
        data: { hazardId: s.hazards[1]?.hazardId, to: 'property office' },
      }),
    ],
    [() => schedule(['m-1', 'm-2']), () => ({ type: 'cancelPatrol', data: { reason: 'Rain' } })],
  ],
};

describeDeciderProperties(subject, recipe, { run: 30, throughHandler: 15 });
