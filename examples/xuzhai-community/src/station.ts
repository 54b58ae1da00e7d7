// The household register and the police station's cases, as they happen. Each grid's households
// are on the register from the first morning; now and then one moves out, or a new one moves in.
// Public-order cases happen at a rate that falls over the season as the patrols and the police
// room take hold (the article's 环比下降), mostly in the evening and at night, some just before
// midnight: the station records each on the community grid and the police grid (警格) it
// belongs to. Nothing here is a target count: the figures fall where the draws put them.
import type { Cast } from './cast.js';
import { DAY, MINUTE, SEASON, seasonDays, shanghai, timeOnDay } from './time.js';
import type { World } from './world.js';

/** Residents per household, as drawn for the register. */
const RESIDENTS = [1, 2, 2, 3, 3, 3, 4, 4, 5, 6];

/** Expected public-order cases per day, by month: falling as the co-governance takes hold. */
const DAILY_RATE: Readonly<Record<string, number>> = {
  '2026-06': 0.5,
  '2026-07': 0.38,
  '2026-08': 0.28,
};

const CASES: readonly { category: string; summary: string }[] = [
  { category: 'fight', summary: 'Two men came to blows outside a snack stall' },
  { category: 'theft', summary: 'An electric bike was stolen from the courtyard' },
  { category: 'noise', summary: 'A late party kept the block awake; the host was warned' },
  { category: 'disorderly-conduct', summary: 'A drunk man shouted and broke a flower pot' },
  { category: 'damage', summary: 'A car mirror was smashed in the lane behind the market' },
];

/** The police grid (警格) of a community grid: the station's three beats cover 27 grids each. */
export const policeGridOf = (cast: Cast, grid: string): string =>
  `taihao-beat-${1 + Math.floor(cast.grids.indexOf(grid) / 27)}`;

export function planRegister(world: World): void {
  const { cast } = world;
  const clerk = cast.staff[1] ?? cast.staff[0];
  const random = world.randomFor('register');
  const start = shanghai(SEASON.first, '08:00');
  cast.grids.forEach((grid, g) => {
    const households = cast.residents(grid).map((r) => r.household.householdId);
    const sizes = households.map(() => random.pick(RESIDENTS));
    world.at(start + g * 1000, async () => {
      for (const [i, householdId] of households.entries()) {
        await world.register(
          grid,
          {
            type: 'registerHousehold',
            data: { community: cast.community, grid, householdId, residents: sizes[i] ?? 1 },
          },
          clerk,
        );
      }
    });
    // Over the season about one household in thirty moves out; a new one moves in weeks later.
    for (const householdId of households) {
      if (!random.chance(1 / 30)) continue;
      const leaves =
        shanghai(SEASON.first) + random.int(3, 80) * DAY + random.int(9, 17) * 60 * MINUTE;
      const newcomer = `${householdId}-b`;
      const arrives = leaves + random.int(7, 30) * DAY;
      world.at(leaves, async () => {
        const reason = 'Moved away; the flat is empty';
        await world.register(
          grid,
          { type: 'deregisterHousehold', data: { householdId, reason } },
          clerk,
        );
      });
      if (arrives < SEASON.end) {
        const residents = random.pick(RESIDENTS);
        world.at(arrives, async () => {
          const data = { community: cast.community, grid, householdId: newcomer, residents };
          await world.register(grid, { type: 'registerHousehold', data }, clerk);
        });
      }
    }
  });
}

export function planPoliceCases(world: World): void {
  const { cast } = world;
  const random = world.randomFor('police-cases');
  let n = 0;
  for (const day of seasonDays()) {
    const rate = DAILY_RATE[day.slice(0, 7)] ?? 0;
    // Up to three chances a day, each with a third of the day's rate.
    for (let chance = 0; chance < 3; chance++) {
      if (!random.chance(rate / 3)) continue;
      n++;
      // Evenings and nights mostly (18:00–23:59), some in the day.
      const minute = random.chance(0.7)
        ? random.int(18 * 60, 24 * 60 - 1)
        : random.int(9 * 60, 18 * 60 - 1);
      const at = timeOnDay(day, minute);
      const grid = random.pick(cast.grids);
      const { category, summary } = random.pick(CASES);
      const caseId = `pc-${day.replaceAll('-', '')}-${n}`;
      const officer = random.chance(0.6) ? cast.jiang : cast.zhao;
      world.at(at, async () => {
        await world.policeCase(
          caseId,
          {
            type: 'recordPoliceCase',
            data: {
              caseId,
              kind: 'public-order',
              community: cast.community,
              grid,
              policeGrid: policeGridOf(cast, grid),
              category,
              summary,
            },
          },
          officer,
        );
      });
    }
  }
}
