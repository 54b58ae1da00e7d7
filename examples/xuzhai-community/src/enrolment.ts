// The morning of 1 June: the community office enrols everyone who serves, gives each of the 81
// party members their red micro-grid (through the grid-ownership lock), posts the grid workers
// and forms the patrol team. The positions the article names are recorded as the members'
// history: Zhao Baoxing directs the Taihao Road police station, and since the summer campaign
// (夏季行动) the station's community officer Jiang Lin is also deputy party secretary of the
// community; a member of staff chairs the dispute mediation committee.
import { assignGridOwner } from '@gridledger/core';
import { actorOf } from './cast.js';
import { SEASON, shanghai } from './time.js';
import type { World } from './world.js';

const STEP_MS = 20_000;

export function planEnrolment(world: World): void {
  const { cast } = world;
  const office = cast.staff[0];
  const start = shanghai(SEASON.first, '08:30');
  const owners = new Set(cast.owners.map((m) => m.id));
  cast.everyone.forEach((member, i) => {
    world.at(start + i * STEP_MS, async () => {
      const { id, name, roles } = member;
      await world.member(
        id,
        {
          type: 'enrolGridMember',
          data: { memberId: id, community: cast.community, name, roles: [...roles] },
        },
        office,
      );
      if (member.grid !== undefined && owners.has(id)) {
        await assignGridOwner(
          world.ledger,
          { memberId: id, grid: member.grid },
          { actor: actorOf(office), now: world.now() },
        );
      } else if (member.grid !== undefined) {
        await world.member(id, { type: 'assignToGrid', data: { grid: member.grid } }, office);
      }
      if (member.patrolTeam) await world.member(id, { type: 'joinPatrolTeam', data: {} }, office);
      for (const appointment of POSITIONS.filter((p) => p.member === id)) {
        const { position, organisation, note } = appointment;
        const data = { position, organisation, ...(note === undefined ? {} : { note }) };
        await world.member(id, { type: 'appointToPosition', data }, office);
      }
    });
  });
}

interface Appointment {
  readonly member: string;
  readonly position: string;
  readonly organisation: string;
  readonly note?: string;
}

/** The positions held through the season, from the article. */
export const POSITIONS: readonly Appointment[] = [
  {
    member: 'm-zhao-baoxing',
    position: 'station-director',
    organisation: 'Taihao Road police station, Economic Development Zone branch of the city police',
    note: 'Director (所长) of the station',
  },
  {
    member: 'm-jiang-lin',
    position: 'deputy-party-secretary',
    organisation: 'Xuzhai community party branch',
    note: 'The station’s community police officer, seconded for the summer campaign (夏季行动)',
  },
  {
    member: 'm-staff-01',
    position: 'chair',
    organisation: 'Xuzhai dispute mediation committee',
  },
];
