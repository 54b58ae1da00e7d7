// How the grids fit together (警格+网格), recorded on the first morning through the GridStructure
// aggregate (each nesting through nestGridInStructure): the 81 red micro-grids, each inside one of
// nine community grids (the nine micro-grids a patrol route walks), and each community grid inside
// one of the police station's three beats (警格), the same beats the station records its cases on.
import { nestGridInStructure } from '@gridledger/core';
import { actorOf, type Cast } from './cast.js';
import { policeGridOf } from './station.js';
import { SEASON, shanghai } from './time.js';
import type { World } from './world.js';

export const MICRO_GRIDS_PER_GRID = 9;

/** The community grid (网格) a red micro-grid lies in: `xuzhai-g1` holds xuzhai-01 to -09. */
export const communityGridOf = (cast: Cast, microGrid: string): string =>
  `${cast.community}-g${1 + Math.floor(cast.grids.indexOf(microGrid) / MICRO_GRIDS_PER_GRID)}`;

const STEP_MS = 3_000;

export function planGridStructure(world: World): void {
  const { cast } = world;
  const office = cast.staff[0];
  const { zhao, jiang } = cast;
  let at = shanghai(SEASON.first, '09:20');
  const next = () => (at += STEP_MS);
  const community = cast.community;

  const beats = [...new Set(cast.grids.map((g) => policeGridOf(cast, g)))];
  const grids = [...new Set(cast.grids.map((g) => communityGridOf(cast, g)))];
  for (const beat of beats) {
    world.at(next(), async () => {
      const n = beat.slice(beat.lastIndexOf('-') + 1);
      const name = `Taihao Road police station, beat ${n} (警格)`;
      await world.structure(
        beat,
        { type: 'defineGrid', data: { grid: beat, community, kind: 'police-grid', name } },
        zhao,
      );
    });
  }
  for (const grid of grids) {
    const inside = cast.grids.filter((g) => communityGridOf(cast, g) === grid);
    const beat = policeGridOf(cast, inside[0] ?? grid);
    world.at(next(), async () => {
      const name = `Xuzhai grid ${grid.slice(grid.lastIndexOf('g') + 1)} (网格), micro-grids ${inside[0]?.slice(-2) ?? '?'}–${inside.at(-1)?.slice(-2) ?? '?'}`;
      await world.structure(
        grid,
        { type: 'defineGrid', data: { grid, community, kind: 'grid', name } },
        office,
      );
      // The community officer lays the community's grids over the station's beats; nesting is
      // checked across the grids' streams (the beat defined, no loop), so it is a process.
      await nestGridInStructure(
        world.ledger,
        { grid, parentGrid: beat, reason: 'Police grid + community grid' },
        { actor: actorOf(jiang), now: world.now() },
      );
    });
  }
  for (const micro of cast.grids) {
    world.at(next(), async () => {
      const name = `Red micro-grid ${micro.slice(-2)} (红色微网格)`;
      await world.structure(
        micro,
        { type: 'defineGrid', data: { grid: micro, community, kind: 'micro-grid', name } },
        office,
      );
      await nestGridInStructure(
        world.ledger,
        { grid: micro, parentGrid: communityGridOf(cast, micro) },
        { actor: actorOf(office), now: world.now() },
      );
    });
  }
}
