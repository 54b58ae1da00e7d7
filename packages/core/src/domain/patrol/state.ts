// What matters about a patrol shift for the next step, folded from its events.

export type PatrolStatus = 'unscheduled' | 'scheduled' | 'under-way' | 'completed' | 'cancelled';

export interface PatrolState {
  readonly status: PatrolStatus;
  readonly patrolId: string | null;
  readonly community: string | null;
  readonly grids: readonly string[];
  /** Scheduled members until it starts, then those who turned out. */
  readonly members: readonly string[];
  readonly observations: number;
  /** Hazards found on the shift, and whether each has since been removed. */
  readonly hazards: readonly { readonly hazardId: string; readonly removed: boolean }[];
  readonly incidents: number;
  readonly durationMinutes: number | null;
}

export const initialPatrolState = (): PatrolState => ({
  status: 'unscheduled',
  patrolId: null,
  community: null,
  grids: [],
  members: [],
  observations: 0,
  hazards: [],
  incidents: 0,
  durationMinutes: null,
});

/** The smallest patrol the team sends out: nobody patrols alone. */
export const MIN_PATROL_MEMBERS = 2;
