// The decider: the whole of an aggregate's behaviour as three pure functions.
import type { Actor, DomainEvent } from './envelope.js';

/** What `decide` may know about the world: time and ids come in here, never from a clock. */
export interface DecideContext {
  /** When the command takes effect (ISO 8601). Becomes the events' `occurredAt`. */
  readonly now: string;
  readonly actor: Actor;
  /** A source of fresh ids (ULIDs in production, deterministic in tests). */
  readonly newId: () => string;
}

export interface DomainCommand<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
}

export interface Decider<C extends DomainCommand, E extends DomainEvent, S> {
  initialState(): S;
  /** Pure: returns the events the command produces, or throws a typed error. */
  decide(command: C, state: S, context: DecideContext): readonly E[];
  /** Pure: folds one event into the state. */
  evolve(state: S, event: E): S;
}

export type CommandOf<D> = D extends Decider<infer C, DomainEvent, unknown> ? C : never;
export type EventOf<D> = D extends Decider<DomainCommand, infer E, unknown> ? E : never;
export type StateOf<D> = D extends Decider<DomainCommand, DomainEvent, infer S> ? S : never;
