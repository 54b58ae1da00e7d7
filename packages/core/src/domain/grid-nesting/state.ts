// The nestings that may still be landing, folded from the nesting lock.

export interface GridNestingClaim {
  readonly grid: string;
  readonly parentGrid: string;
  /** The version of the grid's stream the nesting will be appended at. */
  readonly gridVersion: number;
}

export interface GridNestingState {
  /** Claims not yet found settled, oldest first. */
  readonly claims: readonly GridNestingClaim[];
}

export const initialGridNestingState = (): GridNestingState => ({ claims: [] });
