// A reaction: when a recorded fact calls for a step on another aggregate (a spotted dispute is
// reported, a resolved one gets its follow-up visit). `react` is pure; running it is separate,
// idempotent, and keyed on the causing event so that replaying history never fires it twice.
import type { AggregateType } from '../../eventsourcing/aggregate.js';
import type { DomainCommand } from '../../eventsourcing/decider.js';
import type { DomainEvent, RecordedEvent } from '../../eventsourcing/envelope.js';

/** What a reaction decides about one event. */
export type ReactionDecision =
  | {
      readonly kind: 'issue';
      /** The aggregate the command goes to, and the id of the new instance. */
      readonly target: AggregateType<DomainCommand, DomainEvent, unknown>;
      /** Derived from the causing event, so a second run finds the stream already there. */
      readonly id: string;
      readonly command: DomainCommand;
    }
  | { readonly kind: 'skip'; readonly reason: string };

export interface Reaction<E extends DomainEvent = DomainEvent, S = unknown> {
  readonly name: string;
  /** The event types it reacts to. */
  readonly eventTypes: readonly E['type'][];
  /** The aggregate those events belong to; `react` gets its state as of the event. */
  readonly source: AggregateType<DomainCommand, DomainEvent, S>;
  react(event: RecordedEvent<E>, state: S): ReactionDecision;
}

/** The id of the instance a reaction creates from `event`: stable across replays. */
export const reactionTargetId = (prefix: string, event: { readonly id: string }): string =>
  `${prefix}-${event.id}`;
