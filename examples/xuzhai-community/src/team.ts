// The team line of the report, counted from the events at the end of the season (not printed from
// the generator): grids with an owner, members enrolled and not retired, the patrol team, and the
// households on the register.
import type { Ledger } from '@gridledger/core';

export interface Team {
  /** Grids owned by a member at the end (a 红色微网格 each). */
  readonly grids: number;
  readonly members: number;
  readonly patrolTeam: number;
}

export async function teamFromEvents(ledger: Ledger): Promise<Team> {
  const members = new Set<string>();
  const patrol = new Set<string>();
  /** The grid each member owns, by member stream. */
  const owns = new Map<string, string>();
  for await (const event of ledger.readAll()) {
    const { streamId, type } = event;
    const data = event.data as { grid?: string; capacity?: string };
    switch (type) {
      case 'GridMemberEnrolled':
        members.add(streamId);
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
  return { grids: new Set(owns.values()).size, members: members.size, patrolTeam: patrol.size };
}
