// A projection is data: a name, a version, an initial state and one handler per event type it
// reads. The runner owns everything else (reading, checkpoints, saving, rebuilding).
import { ValidationError, type DomainEvent, type RecordedEvent } from '@gridledger/core';

/**
 * Folds one event into the read-model state and returns the next state.
 *
 * Handlers are pure: the result depends only on `state` and `event` — no clock, no randomness,
 * no I/O. The runner hands each handler a private working copy that nobody else can see until it
 * is saved, so a handler may update `state` in place and return it (how large read models stay
 * fast) or return a fresh object; the runner always continues with the returned value.
 */
export type ProjectionHandler<S, E extends DomainEvent> = (state: S, event: RecordedEvent<E>) => S;

/** One handler for every event type in `E` (the events this projection reads). */
export type ProjectionHandlers<S, E extends DomainEvent> = {
  readonly [T in E['type']]: ProjectionHandler<S, Extract<E, { readonly type: T }>>;
};

export interface Projection<S, E extends DomainEvent = DomainEvent> {
  /** Stable name, also the key its read model is saved under, e.g. `resolution-rate`. */
  readonly name: string;
  /** Bump it whenever the handlers or the state's shape change: the model is then rebuilt. */
  readonly version: number;
  readonly description: string;
  /** The event types it reads (the keys of `handlers`). */
  readonly eventTypes: readonly E['type'][];
  /** A fresh state (JSON data only: plain objects, arrays, strings, finite numbers, booleans). */
  initialState(): S;
  readonly handlers: ProjectionHandlers<S, E>;
}

/**
 * Any projection, whatever events it reads: what the runner and lists like `allReadModels` hold.
 * Every `Projection<S, E>` is an `AnyProjection<S>`.
 */
export interface AnyProjection<S = unknown> {
  readonly name: string;
  readonly version: number;
  readonly description: string;
  readonly eventTypes: readonly string[];
  initialState(): S;
  readonly handlers: { readonly [type: string]: (state: never, event: never) => unknown };
}

/** The events of union `E` whose type is one of `T`. */
export type EventsOfType<E extends DomainEvent, T extends E['type']> = Extract<
  E,
  { readonly type: T }
>;

const NAME = /^[A-Za-z0-9][A-Za-z0-9._:()/+-]*$/;

/** Checks a projection's shape and derives its event types from its handlers. */
export function defineProjection<S, E extends DomainEvent>(definition: {
  readonly name: string;
  readonly version: number;
  readonly description?: string;
  readonly initialState: () => S;
  readonly handlers: ProjectionHandlers<S, E>;
}): Projection<S, E> {
  const subject = `projection '${definition.name}'`;
  if (!NAME.test(definition.name)) {
    throw new ValidationError(subject, [
      {
        path: 'name',
        message:
          'must start with a letter or digit and use only letters, digits and . _ : ( ) / + - ' +
          '(@ and # are reserved for read-model keys)',
      },
    ]);
  }
  if (!Number.isInteger(definition.version) || definition.version < 1) {
    throw new ValidationError(subject, [
      { path: 'version', message: `must be a whole number ≥ 1, got ${String(definition.version)}` },
    ]);
  }
  const eventTypes = Object.keys(definition.handlers) as E['type'][];
  if (eventTypes.length === 0) {
    throw new ValidationError(subject, [
      { path: 'handlers', message: 'a projection must handle at least one event type' },
    ]);
  }
  for (const type of eventTypes) {
    if (typeof (definition.handlers as Record<string, unknown>)[type] !== 'function') {
      throw new ValidationError(subject, [
        { path: `handlers.${type}`, message: 'must be a function (state, event) => state' },
      ]);
    }
  }
  return {
    name: definition.name,
    version: definition.version,
    description: definition.description ?? '',
    eventTypes,
    initialState: definition.initialState,
    handlers: definition.handlers,
  };
}

/** The key the live read model is saved under. */
export const liveKeyOf = (projection: { readonly name: string }): string => projection.name;

/** The key a rebuild writes into until it is complete and promoted. */
export const rebuildKeyOf = (projection: { readonly name: string; readonly version: number }) =>
  `${projection.name}@v${projection.version}#rebuild`;
