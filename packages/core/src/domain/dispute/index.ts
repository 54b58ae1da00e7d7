// The Dispute aggregate: one conflict between residents, from report to follow-up visit.
import type { AggregateType } from '../../eventsourcing/aggregate.js';
import { DisputeCommand } from './commands.js';
import { decideDispute } from './decide.js';
import { disputeEvents, type DisputeEvent } from './events.js';
import { evolveDispute } from './evolve.js';
import { initialDisputeState, type DisputeState } from './state.js';

export const Dispute: AggregateType<
  DisputeCommand,
  DisputeEvent,
  DisputeState,
  typeof disputeEvents
> = {
  name: 'Dispute',
  streamPrefix: 'dispute-',
  idField: 'disputeId',
  commandSchema: DisputeCommand,
  events: disputeEvents,
  initialState: initialDisputeState,
  decide: decideDispute,
  evolve: evolveDispute,
};

export * from './vocabulary.js';
export * from './events.js';
export { DisputeCommand, type DisputeCommandOf } from './commands.js';
export type { AgreementTermState, DisputeState, DisputeStatus } from './state.js';
