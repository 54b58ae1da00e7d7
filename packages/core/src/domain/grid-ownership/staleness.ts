// When a grid's claim no longer stands: its holder retired, or their record moved on since the
// claim without making them the grid's owner. A claim whose holder's record has not moved may
// still be landing, so it stands: that is what keeps two concurrent assignments apart.
import type { Ledger } from '../../eventsourcing/ledger.js';
import { GridMember } from '../grid-member/index.js';
import { ownsGrid } from '../grid-member/state.js';
import type { OwnershipReleaseReason } from './events.js';
import type { GridOwnershipClaim } from './state.js';

export type ClaimStanding =
  | { readonly stands: true; readonly why: 'owner' | 'assignment-landing' }
  | { readonly stands: false; readonly reason: OwnershipReleaseReason };

export async function claimStanding(
  ledger: Ledger,
  grid: string,
  claim: GridOwnershipClaim,
): Promise<ClaimStanding> {
  const holder = await ledger.load(GridMember, claim.memberId);
  if (holder.state.status === 'retired') return { stands: false, reason: 'retired' };
  if (ownsGrid(holder.state, grid)) return { stands: true, why: 'owner' };
  if (holder.streamVersion === claim.memberVersion) {
    return { stands: true, why: 'assignment-landing' };
  }
  return { stands: false, reason: 'stale-claim' };
}
