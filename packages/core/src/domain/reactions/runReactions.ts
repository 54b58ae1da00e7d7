// Running reactions against a ledger. Each step is appended only if its target stream does not
// exist yet (`no-stream`), so running the same events again — a replay, a restarted
// subscription — finds the work done and writes nothing.
import { streamIdOf, type AggregateType } from '../../eventsourcing/aggregate.js';
import { createCommandHandler } from '../../eventsourcing/commandHandler.js';
import type { DomainCommand } from '../../eventsourcing/decider.js';
import type { Actor, DomainEvent, Position, RecordedEvent } from '../../eventsourcing/envelope.js';
import {
  isConcurrencyConflict,
  isRuleViolation,
  isValidationError,
  type RuleViolationError,
  type ValidationError,
} from '../../eventsourcing/errors.js';
import type { Ledger } from '../../eventsourcing/ledger.js';
import type { Reaction } from './reaction.js';

export type ReactionOutcome = { readonly reaction: string; readonly causationId: string } & (
  | { readonly kind: 'issued'; readonly streamId: string; readonly events: RecordedEvent[] }
  | { readonly kind: 'already-done'; readonly streamId: string }
  | { readonly kind: 'skipped'; readonly reason: string }
  /** The target refused the command; nothing was written. */
  | { readonly kind: 'refused'; readonly error: RuleViolationError | ValidationError }
);

export interface ReactionRunOptions {
  /** Recorded as the actor of what reactions write. Default: the `system` actor below. */
  readonly actor?: Actor;
}

export const reactionsActor: Actor = { id: 'gridledger-reactions', role: 'system' };

/** Runs one reaction on one recorded event. */
export async function runReaction(
  ledger: Ledger,
  reaction: Reaction,
  event: RecordedEvent,
  options: ReactionRunOptions = {},
): Promise<ReactionOutcome> {
  const about = { reaction: reaction.name, causationId: event.id };
  if (!reaction.eventTypes.includes(event.type)) {
    return { ...about, kind: 'skipped', reason: `it does not react to ${event.type}` };
  }
  if (!event.streamId.startsWith(reaction.source.streamPrefix)) {
    return {
      ...about,
      kind: 'skipped',
      reason: `${event.streamId} is not a ${reaction.source.name}`,
    };
  }
  const decision = reaction.react(event, await stateAt(ledger, reaction.source, event));
  if (decision.kind === 'skip') return { ...about, kind: 'skipped', reason: decision.reason };
  const streamId = streamIdOf(decision.target, decision.id);
  try {
    const handled = await createCommandHandler(ledger, decision.target)(
      decision.id,
      decision.command,
      {
        actor: options.actor ?? reactionsActor,
        now: event.metadata.occurredAt,
        correlationId: event.metadata.correlationId,
        causationId: event.id,
        expectedVersion: 'no-stream',
      },
    );
    return { ...about, kind: 'issued', streamId, events: handled.events };
  } catch (error) {
    if (isConcurrencyConflict(error) && error.streamId === streamId) {
      return { ...about, kind: 'already-done', streamId };
    }
    if (isRuleViolation(error) || isValidationError(error))
      return { ...about, kind: 'refused', error };
    throw error;
  }
}

/** The source aggregate's state just after `event`: later events must not change the decision. */
async function stateAt<S>(
  ledger: Ledger,
  source: AggregateType<DomainCommand, DomainEvent, S>,
  event: RecordedEvent,
): Promise<S> {
  let state = source.initialState();
  const upTo = { limit: event.streamVersion + 1 };
  for await (const earlier of ledger.readStream(event.streamId, upTo)) {
    state = source.evolve(state, earlier);
  }
  return state;
}

/** Every event type any of `reactions` listens to: the filter for a subscription. */
export const reactionEventTypes = (reactions: readonly Reaction[]): string[] => [
  ...new Set(reactions.flatMap((r) => r.eventTypes)),
];

export interface ReactToOptions extends ReactionRunOptions {
  /** Called with every outcome, in order. */
  readonly onOutcome?: (outcome: ReactionOutcome) => void;
}

/**
 * Runs `reactions` over `events` — `ledger.readAll(...)` for a catch-up pass, or
 * `ledger.subscribe(...)` to follow live — and returns how many events it saw and the position of
 * the last, to resume after.
 */
export async function reactTo(
  ledger: Ledger,
  reactions: readonly Reaction[],
  events: AsyncIterable<RecordedEvent>,
  options: ReactToOptions = {},
): Promise<{ readonly eventsSeen: number; readonly lastPosition: Position | undefined }> {
  let eventsSeen = 0;
  let lastPosition: Position | undefined;
  for await (const event of events) {
    for (const reaction of reactions) {
      if (!reaction.eventTypes.includes(event.type)) continue;
      const outcome = await runReaction(ledger, reaction, event, options);
      options.onOutcome?.(outcome);
    }
    eventsSeen += 1;
    lastPosition = event.position;
  }
  return { eventsSeen, lastPosition };
}
