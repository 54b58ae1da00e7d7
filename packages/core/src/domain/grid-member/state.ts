// What matters about a grid member for the next step, folded from their events.
import type { GridCapacity, GridMemberRole, MemberPosition } from './events.js';

export type GridMemberStatus = 'unenrolled' | 'active' | 'retired';

export interface GridMemberState {
  readonly status: GridMemberStatus;
  readonly memberId: string | null;
  readonly community: string | null;
  readonly name: string | null;
  readonly roles: readonly GridMemberRole[];
  /** The grid they serve now, and whether they own it; `null` when unassigned. */
  readonly assignment: { readonly grid: string; readonly capacity: GridCapacity } | null;
  readonly inPatrolTeam: boolean;
  /** The positions they hold now, in the order they were appointed. */
  readonly positions: readonly MemberPosition[];
}

export const initialGridMemberState = (): GridMemberState => ({
  status: 'unenrolled',
  memberId: null,
  community: null,
  name: null,
  roles: [],
  assignment: null,
  inPatrolTeam: false,
  positions: [],
});

/** True when the member holds `position` in `organisation` now. */
export const holdsPosition = (state: GridMemberState, { position, organisation }: MemberPosition) =>
  state.positions.some((p) => p.position === position && p.organisation === organisation);

/** True when the member owns `grid` (as its owning party member). */
export const ownsGrid = (state: GridMemberState, grid: string): boolean =>
  state.assignment?.grid === grid && state.assignment.capacity === 'owner';
