// Makes a party member the owner of a red micro-grid. The grid's lock stream is claimed first,
// with the version read, so of two offices assigning at once only one claim lands; the other
// retries, finds the grid owned and gets `grid.already-owned`.
import { streamIdOf } from '../../eventsourcing/aggregate.js';
import type { ExpectedVersion } from '../../eventsourcing/envelope.js';
import { isConcurrencyConflict } from '../../eventsourcing/errors.js';
import type { Ledger } from '../../eventsourcing/ledger.js';
import { parseOrThrow } from '../../eventsourcing/validation.js';
import { z } from 'zod';
import { decideGridMember } from '../grid-member/decide.js';
import { GridMember } from '../grid-member/index.js';
import { ownsGrid } from '../grid-member/state.js';
import { GridId, MemberId } from '../shared/schemas.js';
import {
  processAppend,
  type ProcessAppend,
  type ProcessContext,
  type ProcessOptions,
} from '../shared/process.js';
import { decideGridOwnership } from './decide.js';
import { GridOwnership } from './index.js';
import { claimStanding } from './staleness.js';

const AssignGridOwnerRequest = z.strictObject({ memberId: MemberId, grid: GridId });
export type AssignGridOwnerRequest = z.infer<typeof AssignGridOwnerRequest>;

export interface AssignGridOwnerResult {
  readonly grid: string;
  readonly memberId: string;
  /** False when the member already owned the grid: nothing was written. */
  readonly changed: boolean;
  /** The grid the member owned before and gave up, if any. */
  readonly releasedGrid: string | undefined;
}

export async function assignGridOwner(
  ledger: Ledger,
  request: AssignGridOwnerRequest,
  context: ProcessContext,
  options: ProcessOptions = {},
): Promise<AssignGridOwnerResult> {
  const { memberId, grid } = parseOrThrow(AssignGridOwnerRequest, request, 'assignGridOwner');
  const append = processAppend(ledger, context);
  const maxRetries = options.maxRetries ?? 5;
  for (let attempt = 0; ; attempt++) {
    try {
      return await attemptAssign(ledger, append, memberId, grid);
    } catch (error) {
      if (!isConcurrencyConflict(error) || attempt >= maxRetries) throw error;
    }
  }
}

async function attemptAssign(
  ledger: Ledger,
  append: ProcessAppend,
  memberId: string,
  grid: string,
): Promise<AssignGridOwnerResult> {
  const member = await ledger.load(GridMember, memberId);
  const lock = await ledger.load(GridOwnership, grid);
  const alreadyOwner = ownsGrid(member.state, grid);
  if (alreadyOwner && lock.state.owner?.memberId === memberId) {
    return { grid, memberId, changed: false, releasedGrid: undefined };
  }
  // Throws the member's own rules first: not enrolled, retired, not a party member.
  const memberEvents = alreadyOwner
    ? []
    : decideGridMember({ type: 'takeGridOwnership', data: { grid } }, member.state);
  const memberVersion = member.streamVersion ?? 0;

  const holder = lock.state.owner;
  const standing =
    holder === null || holder.memberId === memberId
      ? undefined
      : await claimStanding(ledger, grid, holder);
  const replacing =
    holder !== null && standing?.stands === false
      ? { replacing: { memberId: holder.memberId, reason: standing.reason } }
      : {};
  const lockEvents = decideGridOwnership(
    { type: 'claimGridOwnership', data: { grid, memberId, memberVersion, ...replacing } },
    lock.state,
  );
  const lockStream = streamIdOf(GridOwnership, grid);
  await append(lockStream, lockEvents, versionOf(lock.streamVersion));

  if (memberEvents.length > 0) {
    try {
      await append(streamIdOf(GridMember, memberId), memberEvents, memberVersion);
    } catch (error) {
      // Best effort: the append's own error is the one to report. A claim left behind stops
      // standing once the member's record moves on, and re-running this completes it.
      await undoClaim(ledger, append, grid, memberId, memberVersion).catch(() => undefined);
      throw error;
    }
  }
  const previous = member.state.assignment;
  const releasedGrid =
    previous?.capacity === 'owner' && previous.grid !== grid ? previous.grid : undefined;
  if (releasedGrid !== undefined) await releaseOwn(ledger, append, releasedGrid, memberId);
  return { grid, memberId, changed: true, releasedGrid };
}

const versionOf = (version: number | undefined): ExpectedVersion => version ?? 'no-stream';

/** The member's record refused the assignment: take back the claim, if it is still ours. */
async function undoClaim(
  ledger: Ledger,
  append: ProcessAppend,
  grid: string,
  memberId: string,
  memberVersion: number,
): Promise<void> {
  const lock = await ledger.load(GridOwnership, grid);
  const owner = lock.state.owner;
  if (owner?.memberId !== memberId || owner.memberVersion !== memberVersion) return;
  const release = { grid, memberId, reason: 'assignment-aborted' as const };
  const events = decideGridOwnership({ type: 'releaseGridOwnership', data: release }, lock.state);
  // Losing this race is harmless: the claim is stale once the member's record has moved on.
  await append(streamIdOf(GridOwnership, grid), events, versionOf(lock.streamVersion)).catch(
    (error: unknown) => {
      if (!isConcurrencyConflict(error)) throw error;
    },
  );
}

/** The member gave up `grid` for another one: release its lock if they still hold it. */
async function releaseOwn(
  ledger: Ledger,
  append: ProcessAppend,
  grid: string,
  memberId: string,
): Promise<void> {
  const lock = await ledger.load(GridOwnership, grid);
  if (lock.state.owner?.memberId !== memberId) return;
  const release = { grid, memberId, reason: 'reassigned' as const };
  const events = decideGridOwnership({ type: 'releaseGridOwnership', data: release }, lock.state);
  await append(streamIdOf(GridOwnership, grid), events, versionOf(lock.streamVersion)).catch(
    (error: unknown) => {
      // Someone claimed it meanwhile, which they could only do because our claim was stale.
      if (!isConcurrencyConflict(error)) throw error;
    },
  );
}
