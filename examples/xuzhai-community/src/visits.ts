// Carrying out a planned door-to-door visit: scheduled the evening before, conducted, with what
// the household asked for (micro-wishes 微心愿, micro-appeals 微诉求), any safety hazard and any
// dispute heard of, then closed; wishes, appeals and hazards are dealt with in the days after. A
// hazard not put right on the spot is looked at again (SafetyHazardFollowedUp) and then recorded
// removed, handed over to whoever can remove it (SafetyHazardHandedOver), or left noted as still
// there.
import type { Member } from './cast.js';
import { mediate } from './mediation.js';
import type { Random } from './random.js';
import {
  DAY,
  FIRST_MORNING,
  MINUTE,
  dayOf,
  inWorkingHours,
  isoInShanghai,
  timeOnDay,
} from './time.js';
import type { PlannedVisit } from './visitPlan.js';
import { firstEventId, recordedOf, type Links, type World } from './world.js';

const WISHES = [
  'Help fixing a dripping tap',
  'A lift to the hospital for a check-up',
  'Help applying for the old-age allowance',
  'Summer tutoring for a grandchild',
  'A ramp at the building entrance for a wheelchair',
  'Help setting up video calls with family far away',
];
const APPEALS = [
  'The street light at the gate is broken',
  'Rubbish is not collected on time',
  'Noise from the night market after 23:00',
  'The drains overflow in heavy rain',
  'Cars parked on the fire lane',
];
const HAZARDS = [
  'An electric bike charging in the stairwell',
  'A cracked gas hose in the kitchen',
  'The fire escape blocked with furniture',
  'Exposed wiring in the corridor',
];

/** Who a hazard the household cannot remove alone is handed over to. */
const HAZARD_BODIES: Readonly<Record<string, string>> = {
  'A cracked gas hose in the kitchen': 'City gas company',
  'Exposed wiring in the corridor': 'Property management office',
  'An electric bike charging in the stairwell': 'Property management office',
  'The fire escape blocked with furniture': 'Property management office',
};

export function carryOutVisit(world: World, visit: PlannedVisit): void {
  const random = world.randomFor('visits');
  const { cast } = world;
  const owner = visit.visitors[0] as Member;
  // The evening before, or first thing on the opening morning.
  const eveningBefore = timeOnDay(dayOf(visit.at - DAY), 17 * 60 + 30);
  const scheduleAt = Math.max(FIRST_MORNING - 30 * MINUTE, eveningBefore);

  world.process(Math.min(scheduleAt, visit.at), async (until) => {
    const visitId = world.newId();
    const scheduled = await world.visit(
      visitId,
      {
        type: 'scheduleVisit',
        data: {
          visitId,
          community: cast.community,
          grid: visit.grid,
          household: visit.household,
          purpose: 'routine',
          visitors: visit.visitors.map((m) => m.id),
          scheduledFor: isoInShanghai(visit.at),
        },
      },
      owner,
    );
    const correlationId = firstEventId(scheduled);
    await until(visit.at);
    const conducted = await world.visit(visitId, { type: 'conductVisit', data: {} }, owner, {
      correlationId,
      causationId: correlationId,
    });
    const links: Links = { correlationId, causationId: firstEventId(conducted) };
    const moment = () => until(world.clock.now() + random.int(5, 15) * MINUTE);

    if (random.chance(0.3)) {
      await moment();
      const description = random.pick(WISHES);
      const wish = await world.visit(
        visitId,
        { type: 'recordMicroWish', data: { description } },
        owner,
        links,
      );
      const { wishId } = recordedOf(wish, 'MicroWishRecorded').data;
      const helper = random.chance(0.5) ? owner : random.pick(cast.volunteers);
      // A party member claims the wish (认领): the grid's owner, or a veteran party member.
      const claimer = random.chance(0.6) ? owner : random.pick(cast.veterans);
      if (random.chance(0.7)) {
        await moment();
        await world.visit(
          visitId,
          { type: 'claimMicroWish', data: { wishId, claimedBy: claimer.id } },
          claimer,
          links,
        );
      }
      if (random.chance(0.85))
        later(world, random, 1, 14, async () => {
          await world.visit(visitId, { type: 'fulfilMicroWish', data: { wishId } }, helper, {
            correlationId,
          });
        });
    }
    if (random.chance(0.15)) {
      await moment();
      const description = random.pick(APPEALS);
      const appeal = await world.visit(
        visitId,
        { type: 'recordMicroAppeal', data: { description } },
        owner,
        links,
      );
      const { appealId } = recordedOf(appeal, 'MicroAppealRecorded').data;
      if (random.chance(0.7))
        later(world, random, 2, 20, async () => {
          await world.visit(
            visitId,
            { type: 'fulfilMicroAppeal', data: { appealId } },
            cast.staff[1],
            { correlationId },
          );
        });
    }
    if (random.chance(0.06)) {
      await moment();
      const description = random.pick(HAZARDS);
      const hazard = await world.visit(
        visitId,
        { type: 'reportSafetyHazard', data: { description } },
        owner,
        links,
      );
      const { hazardId } = recordedOf(hazard, 'SafetyHazardReported').data;
      if (random.chance(0.35)) {
        // Put right there and then with the household (第一时间平息).
        await moment();
        const note = 'Put right on the spot with the household';
        await world.visit(
          visitId,
          { type: 'recordHazardRemoved', data: { hazardId, note } },
          owner,
          links,
        );
      } else {
        // Looked at again in the days after (第一时间回访): gone, handed to whoever can remove
        // it, or still there.
        const fate = random.next();
        later(world, random, 1, 3, async () => {
          const outcome =
            fate < 0.55
              ? 'gone: the household has dealt with it'
              : fate < 0.9
                ? 'still there; the household cannot remove it alone'
                : 'still there; the owner will keep reminding the household';
          const followed = await world.visit(
            visitId,
            {
              type: 'followUpHazard',
              data: { hazardId, followedUpBy: [owner.id], note: `Went back to look: ${outcome}` },
            },
            owner,
            { correlationId },
          );
          const after = { correlationId, causationId: firstEventId(followed) };
          if (fate < 0.55) {
            await world.visit(
              visitId,
              { type: 'recordHazardRemoved', data: { hazardId } },
              owner,
              after,
            );
          } else if (fate < 0.9) {
            const to = HAZARD_BODIES[description] ?? 'Property management office';
            await world.visit(
              visitId,
              { type: 'handOverHazard', data: { hazardId, to } },
              owner,
              after,
            );
          }
        });
      }
    }
    const { spots } = visit;
    if (spots !== undefined) {
      await moment();
      const parties = spots.parties.map(({ name, role }) => ({ name, role }));
      const { description, category } = spots.script;
      const spotted = await world.visit(
        visitId,
        { type: 'noteDisputeSpotted', data: { description, parties, category } },
        owner,
        links,
      );
      world.onReported.set(firstEventId(spotted), (disputeId) => mediate(world, spots, disputeId));
    }
    await until(world.clock.now() + random.int(10, 30) * MINUTE);
    await world.visit(visitId, { type: 'closeVisit', data: {} }, owner, links);
  });
}

/** Runs `work` in working hours `min` to `max` days from now. */
function later(world: World, random: Random, min: number, max: number, work: () => Promise<void>) {
  const at = inWorkingHours(world.clock.now() + random.int(min * 24 * 60, max * 24 * 60) * MINUTE);
  world.process(at, work);
}
