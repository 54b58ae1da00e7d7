// The reactions that link the aggregates, and the means to run them.
import { reportDisputeFromPatrolIncident } from './disputeFromPatrol.js';
import { reportDisputeSpottedOnVisit } from './disputeFromVisit.js';
import { scheduleFollowUpVisit, type FollowUpVisitOptions } from './followUpVisit.js';
import type { Reaction } from './reaction.js';

export { reportDisputeSpottedOnVisit, reportDisputeFromPatrolIncident, scheduleFollowUpVisit };
export type { FollowUpVisitOptions };
export { reactionTargetId, type Reaction, type ReactionDecision } from './reaction.js';
export {
  reactTo,
  reactionEventTypes,
  reactionsActor,
  runReaction,
  type ReactToOptions,
  type ReactionOutcome,
  type ReactionRunOptions,
} from './runReactions.js';

/** The three reactions of co-governance, ready to run together. */
export const gridledgerReactions = (options: FollowUpVisitOptions = {}): Reaction[] => [
  reportDisputeSpottedOnVisit,
  reportDisputeFromPatrolIncident,
  scheduleFollowUpVisit(options),
];
