// The team lines of the report, counted from the events at the end of the season (not printed
// from the generator): grids with an owner, members enrolled and not retired, the patrol team,
// the positions held at the end, and how the grids are nested (警格+网格).
import type { Ledger } from '@gridledger/core';

export interface Team {
  /** Grids owned by a member at the end (a 红色微网格 each). */
  readonly grids: number;
  readonly members: number;
  readonly patrolTeam: number;
  /** Positions held at the end, by whom: `Jiang Lin: deputy-party-secretary, …`. */
  readonly positions: readonly string[];
  /** Grids defined, by kind, and how many micro-grids lie (through their grid) in a police grid. */
  readonly structure: {
    readonly microGrids: number;
    readonly grids: number;
    readonly policeGrids: number;
    readonly microGridsInPoliceGrids: number;
  };
}

export async function teamFromEvents(ledger: Ledger): Promise<Team> {
  const members = new Set<string>();
  const patrol = new Set<string>();
  /** The grid each member owns, by member stream. */
  const owns = new Map<string, string>();
  const names = new Map<string, string>();
  /** Positions held, by member stream: `position of organisation`. */
  const held = new Map<string, Set<string>>();
  const kinds = new Map<string, string>();
  const parents = new Map<string, string>();
  for await (const event of ledger.readAll()) {
    const { streamId, type } = event;
    const data = event.data as {
      grid?: string;
      capacity?: string;
      name?: string;
      kind?: string;
      parentGrid?: string;
      position?: string;
      organisation?: string;
    };
    const position = `${data.position ?? '?'}, ${data.organisation ?? '?'}`;
    switch (type) {
      case 'GridDefined':
        kinds.set(data.grid ?? '', data.kind ?? '');
        break;
      case 'GridNested':
        parents.set(streamId, data.parentGrid ?? '');
        break;
      case 'GridUnnested':
        parents.delete(streamId);
        break;
      case 'GridMemberAppointed': {
        const set = held.get(streamId) ?? new Set<string>();
        held.set(streamId, set.add(position));
        break;
      }
      case 'GridMemberPositionEnded':
        held.get(streamId)?.delete(position);
        break;
      case 'GridMemberEnrolled':
        members.add(streamId);
        names.set(streamId, data.name ?? streamId);
        break;
      case 'GridMemberRetired':
        members.delete(streamId);
        patrol.delete(streamId);
        owns.delete(streamId);
        break;
      case 'PatrolTeamJoined':
        patrol.add(streamId);
        break;
      case 'PatrolTeamLeft':
        patrol.delete(streamId);
        break;
      case 'GridMemberAssigned':
      case 'GridMemberReassigned':
        if (data.capacity === 'owner' && data.grid !== undefined) owns.set(streamId, data.grid);
        else owns.delete(streamId);
        break;
    }
  }
  const ofKind = (kind: string) => [...kinds].filter(([, k]) => k === kind).map(([g]) => g);
  const parentOf = (grid: string) => parents.get(`grid-structure-${grid}`);
  const inPoliceGrid = ofKind('micro-grid').filter((micro) => {
    const grid = parentOf(micro);
    const beat = grid === undefined ? undefined : parentOf(grid);
    return beat !== undefined && kinds.get(beat) === 'police-grid';
  });
  return {
    grids: new Set(owns.values()).size,
    members: members.size,
    patrolTeam: patrol.size,
    positions: [...held].flatMap(([stream, set]) =>
      [...set].map((p) => `${names.get(stream) ?? stream}: ${p}`),
    ),
    structure: {
      microGrids: ofKind('micro-grid').length,
      grids: ofKind('grid').length,
      policeGrids: ofKind('police-grid').length,
      microGridsInPoliceGrids: inPoliceGrid.length,
    },
  };
}
