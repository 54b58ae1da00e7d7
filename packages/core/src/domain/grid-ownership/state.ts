// Who holds a grid's lock, folded from its ownership stream.

export interface GridOwnershipClaim {
  readonly memberId: string;
  readonly memberVersion: number;
}

export interface GridOwnershipState {
  readonly grid: string | null;
  readonly owner: GridOwnershipClaim | null;
}

export const initialGridOwnershipState = (): GridOwnershipState => ({ grid: null, owner: null });
