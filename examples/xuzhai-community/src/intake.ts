// A dispute brought to the community office directly — in person or by telephone — and recorded
// by the member of staff who takes it (an evening call, after the office has closed, by the
// community police officer on duty); then mediated like any other.
import type { PlannedDispute } from './disputePlan.js';
import { mediate } from './mediation.js';
import { inWorkingHours } from './time.js';
import type { World } from './world.js';

export function takeInDispute(world: World, plan: PlannedDispute): void {
  const { cast } = world;
  world.at(plan.reportAt, async () => {
    const disputeId = world.newId();
    const parties = plan.parties.map((party, i) => ({ partyId: `p-${i + 1}`, ...party }));
    const first = parties[0];
    if (first === undefined) throw new Error(`planned dispute ${plan.n} has no parties`);
    const open = inWorkingHours(plan.reportAt) === plan.reportAt;
    const staff = open
      ? world.randomFor('intake').pick([cast.staff[1], cast.staff[2]])
      : cast.jiang;
    await world.dispute(
      disputeId,
      {
        type: 'reportDispute',
        data: {
          disputeId,
          community: cast.community,
          grid: plan.grid,
          category: plan.script.category,
          source: plan.source,
          parties,
          description: plan.script.description,
          reportedBy: { name: first.name, role: first.role, partyId: first.partyId },
        },
      },
      staff,
    );
    mediate(world, plan, disputeId);
  });
}
