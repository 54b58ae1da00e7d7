// Carrying out a planned patrol shift: scheduled in the afternoon by its leader, started at 19:00
// by the members who turned out, observations, hazards and incidents logged on the route, then
// completed — or called off for the weather. A dispute met on the way is reported by the app.
// A hazard an earlier shift found is looked at again when the route comes round (第一时间回访): the
// look is a follow-up on the shift that found it (followUpPatrolHazard), and once the hazard is
// gone its removal is recorded there too; one still there on the second look is handed over to the
// body responsible for it (handOverPatrolHazard).
import type { PatrolCommand } from '@gridledger/core';
import type { Member } from './cast.js';
import type { PlannedDispute } from './disputePlan.js';
import { mediate } from './mediation.js';
import type { HazardCheck, PlannedPatrol } from './patrolPlan.js';
import { MINUTE, isoInShanghai, shortDay, shanghai, timeOnDay } from './time.js';
import { firstEventId, recordedOf, type World } from './world.js';

const OBSERVATIONS = [
  'All quiet at the market; stalls packed away',
  'Building gates locked; lights working',
  'Courtyard lights out on the east lane; reported to the property office',
  'Groups of residents enjoying the cool air; nothing to report',
];
type Happening =
  | { readonly at: number; readonly incident: PlannedPatrol['incidents'][number] }
  | { readonly at: number; readonly dispute: PlannedDispute }
  | { readonly at: number; readonly check: HazardCheck };

export function carryOutPatrol(
  world: World,
  patrol: PlannedPatrol,
  disputes: readonly PlannedDispute[],
) {
  const random = world.randomFor('patrols');
  const { leader } = patrol;
  const patrolId = world.newId();

  world.process(timeOnDay(patrol.day, 16 * 60), async (until) => {
    const data = {
      patrolId,
      community: world.cast.community,
      route: patrol.route,
      grids: [...patrol.grids],
      members: patrol.members.map((m) => m.id),
      scheduledFor: isoInShanghai(patrol.startAt),
    };
    const scheduled = await world.patrol(patrolId, { type: 'schedulePatrol', data }, leader);
    const correlationId = firstEventId(scheduled);
    let cause = correlationId;
    const record = async (command: PatrolCommand, by: Member = leader) => {
      const handled = await world.patrol(patrolId, command, by, {
        correlationId,
        causationId: cause,
      });
      return firstEventId(handled);
    };
    if (patrol.cancelled !== undefined) {
      await until(timeOnDay(patrol.day, 18 * 60));
      await record({ type: 'cancelPatrol', data: { reason: patrol.cancelled } });
      return;
    }
    await until(patrol.startAt);
    const turnedOut = patrol.members.filter((m) => m !== patrol.absent).map((m) => m.id);
    cause = await record({ type: 'startPatrol', data: { members: turnedOut } });

    const happenings: Happening[] = [
      ...patrol.incidents.map((incident) => ({ at: incident.at, incident })),
      ...disputes.map((dispute) => ({ at: dispute.reportAt, dispute })),
      ...patrol.checks.map((check) => ({
        at: patrol.startAt + random.int(5, patrol.minutes - 10) * MINUTE,
        check,
      })),
    ].sort((a, b) => a.at - b.at);
    const observations = random.int(1, 2);
    for (let i = 0; i < observations; i++) {
      happenings.push({
        at: patrol.startAt + random.int(5, patrol.minutes - 10) * MINUTE,
        incident: {
          at: 0,
          grid: random.pick(patrol.grids),
          kind: 'observation',
          description: random.pick(OBSERVATIONS),
        },
      });
    }
    happenings.sort((a, b) => a.at - b.at);

    for (const happening of happenings) {
      await until(happening.at);
      const by = random.pick(patrol.members.filter((m) => m !== patrol.absent));
      if ('dispute' in happening) {
        const { dispute } = happening;
        const parties = dispute.parties.map(({ name, role }) => ({ name, role }));
        const { description, category, kind } = dispute.script;
        const incidentId = await record(
          {
            type: 'reportPatrolIncident',
            data: { grid: dispute.grid, kind, description, isDispute: true, parties, category },
          },
          by,
        );
        world.onReported.set(incidentId, (disputeId) => mediate(world, dispute, disputeId));
      } else if ('check' in happening) {
        await checkHazard(happening.check, by);
      } else if (happening.incident.kind === 'observation') {
        const { grid, description: note } = happening.incident;
        await record({ type: 'logObservation', data: { grid, note } }, by);
      } else {
        const { grid, kind, description } = happening.incident;
        await record(
          { type: 'reportPatrolIncident', data: { grid, kind, description, isDispute: false } },
          by,
        );
      }
    }
    if (patrol.hazard !== undefined) {
      const { grid, description } = patrol.hazard;
      const found = await world.patrol(
        patrolId,
        { type: 'reportPatrolHazard', data: { grid, description } },
        leader,
        { correlationId, causationId: cause },
      );
      cause = firstEventId(found);
      const { hazardId } = recordedOf(found, 'PatrolHazardFound').data;
      world.patrolHazards.set(patrol.day, { patrolId, hazardId, correlationId });
    }
    await until(patrol.startAt + patrol.minutes * MINUTE);
    await record({ type: 'completePatrol', data: { durationMinutes: patrol.minutes } });

    async function checkHazard(check: HazardCheck, by: Member) {
      const found = world.patrolHazards.get(check.foundOn);
      if (found === undefined)
        throw new Error(`no hazard was found on the shift of ${check.foundOn}`);
      const { hazardId } = found;
      const onFinding = async (command: PatrolCommand, causationId: string) =>
        firstEventId(
          await world.patrol(found.patrolId, command, by, {
            correlationId: found.correlationId,
            causationId,
          }),
        );
      const still =
        check.handOverTo === undefined
          ? 'still there; told the property office again'
          : `still there; passed to the ${check.handOverTo}`;
      const note = `${check.description}, looked at again on the shift of ${shortDay(patrol.startAt)}: ${check.gone ? 'gone' : still}`;
      const looked = await onFinding(
        {
          type: 'followUpPatrolHazard',
          data: { hazardId, followedUpBy: [by.id], note, stillThere: !check.gone },
        },
        cause,
      );
      if (check.gone) {
        const removed = `Found gone on the shift of ${shortDay(patrol.startAt)}`;
        await onFinding(
          { type: 'recordPatrolHazardRemoved', data: { hazardId, note: removed } },
          looked,
        );
      } else if (check.handOverTo !== undefined) {
        const when = shortDay(shanghai(check.foundOn));
        const handedOver = `Still there since ${when}: theirs to remove`;
        await onFinding(
          {
            type: 'handOverPatrolHazard',
            data: { hazardId, to: check.handOverTo, note: handedOver },
          },
          looked,
        );
      }
    }
  });
}
