// Nests a grid in a larger one, checked across the grids' streams: the larger grid must have been
// defined, and must not be the grid itself nor lie, through any chain of grids, inside it. The
// nesting lock (`grid-nesting-all`) is claimed with the version read before the grid's own stream
// is written, so of two offices nesting at once (A in B, B in A) the second to claim re-reads,
// counts the first one's nesting, landed or still landing, and gets `grid-structure.nesting-loop`.
import { z } from 'zod';
import { streamIdOf } from '../../eventsourcing/aggregate.js';
import type { ExpectedVersion } from '../../eventsourcing/envelope.js';
import { isConcurrencyConflict } from '../../eventsourcing/errors.js';
import type { Ledger } from '../../eventsourcing/ledger.js';
import type { LoadedAggregate } from '../../eventsourcing/ledgerLoad.js';
import { parseOrThrow } from '../../eventsourcing/validation.js';
import { decideGridNesting } from '../grid-nesting/decide.js';
import { GridNesting } from '../grid-nesting/index.js';
import { GridId, Text } from '../shared/schemas.js';
import {
  processAppend,
  type ProcessAppend,
  type ProcessContext,
  type ProcessOptions,
} from '../shared/process.js';
import { decideGridStructure, structureViolation } from './decide.js';
import { GridStructure } from './index.js';
import type { GridStructureState } from './state.js';

/** The id of the one nesting lock stream, `grid-nesting-all`. */
const LOCK_ID = 'all';

const NestGridRequest = z.strictObject({
  grid: GridId,
  parentGrid: GridId,
  reason: Text.optional(),
});
export type NestGridRequest = z.infer<typeof NestGridRequest>;

export interface NestGridResult {
  readonly grid: string;
  readonly parentGrid: string;
  /** The larger grid it lay in before and left, if any. */
  readonly fromParent: string | undefined;
}

/**
 * Nests `grid` in `parentGrid`. Refuses, with a `RuleViolationError`:
 * `grid-structure.not-defined` (the grid), `grid-structure.nested-in-itself`,
 * `grid-structure.already-nested`, `grid-structure.parent-not-defined` and
 * `grid-structure.nesting-loop` (the larger grid lies inside the grid; `details.chain` names the
 * grids from `parentGrid` up to `grid`). After `maxRetries` concurrency conflicts in a row the
 * last `ConcurrencyConflictError` is thrown.
 */
export async function nestGridInStructure(
  ledger: Ledger,
  request: NestGridRequest,
  context: ProcessContext,
  options: ProcessOptions = {},
): Promise<NestGridResult> {
  const parsed = parseOrThrow(NestGridRequest, request, 'nestGridInStructure');
  const append = processAppend(ledger, context);
  const maxRetries = options.maxRetries ?? 5;
  for (let attempt = 0; ; attempt++) {
    try {
      return await attemptNest(ledger, append, parsed);
    } catch (error) {
      if (!isConcurrencyConflict(error) || attempt >= maxRetries) throw error;
    }
  }
}

type Loaded = LoadedAggregate<GridStructureState>;

/** Each grid's stream loaded once per attempt, so every check sees the same reading of it. */
function structureReader(ledger: Ledger): (grid: string) => Promise<Loaded> {
  const loaded = new Map<string, Promise<Loaded>>();
  return (grid) => {
    let pending = loaded.get(grid);
    if (pending === undefined) {
      pending = ledger.load(GridStructure, grid);
      loaded.set(grid, pending);
    }
    return pending;
  };
}

async function attemptNest(
  ledger: Ledger,
  append: ProcessAppend,
  { grid, parentGrid, reason }: NestGridRequest,
): Promise<NestGridResult> {
  // The lock is read first: every nesting that could land before ours is among its claims.
  const lock = await ledger.load(GridNesting, LOCK_ID);
  const read = structureReader(ledger);
  const own = await read(grid);
  // The grid's own rules first: defined, not inside itself, not already there.
  const command = {
    type: 'nestGrid' as const,
    data: { parentGrid, ...(reason === undefined ? {} : { reason }) },
  };
  const events = decideGridStructure(command, own.state);
  const gridVersion = own.streamVersion ?? 0;

  // A claimed nesting whose grid's stream is still at the claimed version may yet land; once the
  // stream has moved on, it landed or never will, and the stream says which.
  const landing = new Map<string, string[]>();
  const settled = new Set<string>();
  for (const claim of lock.state.claims) {
    const { streamVersion } = await read(claim.grid);
    if (streamVersion === claim.gridVersion) {
      landing.set(claim.grid, [...(landing.get(claim.grid) ?? []), claim.parentGrid]);
    } else {
      settled.add(claim.grid);
    }
  }
  for (const g of landing.keys()) settled.delete(g);

  const parent = await read(parentGrid);
  if (parent.state.grid === null) {
    throw structureViolation(
      'parent-not-defined',
      `Grid '${grid}' cannot lie inside grid '${parentGrid}': no grid has been defined under that id`,
      { grid, parentGrid },
    );
  }
  const loop = await chainUpTo(read, landing, parentGrid, grid);
  if (loop !== undefined) throw nestingLoop(grid, parentGrid, loop);

  const claim = decideGridNesting(
    {
      type: 'claimGridNesting',
      data: {
        grid,
        parentGrid,
        gridVersion,
        ...(settled.size > 0 ? { settled: [...settled] } : {}),
      },
    },
    lock.state,
  );
  await append(streamIdOf(GridNesting, LOCK_ID), claim, versionOf(lock.streamVersion));
  // A conflict here (the grid moved meanwhile) re-runs the attempt; the claim just made is then
  // settled, because the grid's stream has moved past it.
  await append(streamIdOf(GridStructure, grid), events, gridVersion);
  return { grid, parentGrid, fromParent: own.state.parentGrid ?? undefined };
}

const versionOf = (version: number | undefined): ExpectedVersion => version ?? 'no-stream';

interface Chain {
  /** From the larger grid up to the grid being nested. */
  readonly grids: readonly string[];
  /** Grids whose link in the chain is a nesting still landing rather than one recorded. */
  readonly landing: readonly string[];
}

/**
 * A chain of grids from `from` up to `target`, each lying (or about to lie) inside the next, or
 * `undefined` when there is none. Recorded links are followed before landing ones.
 */
async function chainUpTo(
  read: (grid: string) => Promise<Loaded>,
  landing: ReadonlyMap<string, readonly string[]>,
  from: string,
  target: string,
): Promise<Chain | undefined> {
  const seen = new Set<string>();
  const walk = async (at: string, chain: Chain): Promise<Chain | undefined> => {
    if (at === target) return chain;
    if (seen.has(at)) return undefined;
    seen.add(at);
    const recorded = (await read(at)).state.parentGrid;
    const links = [
      ...(recorded === null ? [] : [{ to: recorded, landing: false }]),
      ...(landing.get(at) ?? [])
        .filter((to) => to !== recorded)
        .map((to) => ({ to, landing: true })),
    ];
    for (const link of links) {
      const found = await walk(link.to, {
        grids: [...chain.grids, link.to],
        landing: link.landing ? [...chain.landing, at] : chain.landing,
      });
      if (found !== undefined) return found;
    }
    return undefined;
  };
  return walk(from, { grids: [from], landing: [] });
}

function nestingLoop(grid: string, parentGrid: string, chain: Chain) {
  const still =
    chain.landing.length === 0
      ? ''
      : `; the nesting of ${chain.landing.map((g) => `'${g}'`).join(', ')} is still landing`;
  return structureViolation(
    'nesting-loop',
    `Grid '${grid}' cannot lie inside grid '${parentGrid}', which lies inside it: ${chain.grids.join(' in ')}${still}`,
    { grid, parentGrid, chain: chain.grids, landing: chain.landing },
  );
}
