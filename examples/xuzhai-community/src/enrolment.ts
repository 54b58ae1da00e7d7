// The morning of 1 June: the community office enrols everyone who serves, gives each of the 81
// party members their red micro-grid (through the grid-ownership lock), posts the grid workers
// and forms the patrol team.
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
    });
  });
}
