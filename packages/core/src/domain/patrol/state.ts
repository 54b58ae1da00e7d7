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
  readonly hazardsFound: number;
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
  hazardsFound: 0,
  incidents: 0,
  durationMinutes: null,
});

/** The smallest patrol the team sends out: nobody patrols alone. */
export const MIN_PATROL_MEMBERS = 2;
