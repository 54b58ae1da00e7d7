// Tidies a grid's lock after its owner retired or moved on through their own record. Never
// needed for correctness (a stale claim is replaced by the next assignment), but it lets the lock
// stream say plainly that the grid has no owner.
import { streamIdOf } from '../../eventsourcing/aggregate.js';
import { RuleViolationError } from '../../eventsourcing/errors.js';
import type { Ledger } from '../../eventsourcing/ledger.js';
import { parseOrThrow } from '../../eventsourcing/validation.js';
import { z } from 'zod';
import { GridId } from '../shared/schemas.js';
import { processAppend, type ProcessContext } from '../shared/process.js';
import { decideGridOwnership } from './decide.js';
import { GridOwnership } from './index.js';
import { claimStanding } from './staleness.js';

const Request = z.strictObject({ grid: GridId });

export interface ReleaseStaleResult {
  readonly grid: string;
  /** The member whose stale claim was released; `undefined` when the grid had no claim. */
  readonly releasedMemberId: string | undefined;
}

export async function releaseStaleGridOwnership(
  ledger: Ledger,
  request: { readonly grid: string },
  context: ProcessContext,
): Promise<ReleaseStaleResult> {
  const { grid } = parseOrThrow(Request, request, 'releaseStaleGridOwnership');
  const lock = await ledger.load(GridOwnership, grid);
  const holder = lock.state.owner;
  if (holder === null) return { grid, releasedMemberId: undefined };
  const standing = await claimStanding(ledger, grid, holder);
  if (standing.stands) {
    throw new RuleViolationError(
      'grid.owner-still-serving',
      standing.why === 'owner'
        ? `Grid ${grid} is owned by ${holder.memberId}, whose record still shows them owning it: reassign or retire them first`
        : `Grid ${grid} was just claimed by ${holder.memberId} and their assignment may still be landing; run assignGridOwner for them again to complete it`,
      { grid, owner: holder.memberId, why: standing.why },
    );
  }
  const release = { grid, memberId: holder.memberId, reason: standing.reason };
  const events = decideGridOwnership({ type: 'releaseGridOwnership', data: release }, lock.state);
  const append = processAppend(ledger, context);
  // A conflict means someone else changed the lock meanwhile: the caller may simply re-run.
  await append(streamIdOf(GridOwnership, grid), events, lock.streamVersion ?? 'no-stream');
  return { grid, releasedMemberId: holder.memberId };
}
