// What matters about a grid member for the next step, folded from their events.
import type { GridCapacity, GridMemberRole } from './events.js';

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
}

export const initialGridMemberState = (): GridMemberState => ({
  status: 'unenrolled',
  memberId: null,
  community: null,
  name: null,
  roles: [],
  assignment: null,
  inPatrolTeam: false,
});

/** True when the member owns `grid` (as its owning party member). */
export const ownsGrid = (state: GridMemberState, grid: string): boolean =>
  state.assignment?.grid === grid && state.assignment.capacity === 'owner';
