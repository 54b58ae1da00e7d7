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
  /** Hazards found on the shift, and whether each has since been removed or handed over. */
  readonly hazards: readonly PatrolHazard[];
  readonly incidents: number;
  readonly durationMinutes: number | null;
}

/** A hazard found on the shift: open until removed or handed over to the body responsible. */
export interface PatrolHazard {
  readonly hazardId: string;
  readonly removed: boolean;
  /** The body it was handed over to, once it was: it is then theirs to remove. */
  readonly handedOverTo: string | null;
  /** How many times it was looked at again. */
  readonly followUps: number;
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
