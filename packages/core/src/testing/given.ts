// Given/when/then for deciders: given past events, when a command arrives, then these events
// (or this error, or this state). The command crosses the same boundary as in the command
// handler, and every event is checked against its schema, so tests exercise validation too.
import { AssertionError, deepStrictEqual } from 'node:assert/strict';
import type { AggregateType } from '../eventsourcing/aggregate.js';
import { assertOwnEvents, parseCommand } from '../eventsourcing/commandBoundary.js';
import type { DecideContext, DomainCommand } from '../eventsourcing/decider.js';
import type { DomainEvent } from '../eventsourcing/envelope.js';
import { createEventRegistry, type EventRegistry } from '../eventsourcing/registry.js';
import { describeError, mismatchOf, type ExpectedError } from './expectedError.js';
import { testContext } from './testContext.js';

export interface Given<E extends DomainEvent, S> {
  /** Runs the command against the state folded from the given events. */
  when(command: unknown, context?: Partial<DecideContext>): When<E, S>;
  /** The state folded from the given events. */
  readonly state: S;
}

export interface When<E extends DomainEvent, S> {
  /** Asserts decide produced exactly these events, in order (as they would be recorded). */
  then(expected: readonly E[]): { thenState(expected: S): void };
  /** Asserts decide (or the command boundary) threw an error matching `expected`. */
  thenThrows(expected: ExpectedError | ((error: unknown) => boolean)): void;
  /** Asserts the state after the given and the decided events. */
  thenState(expected: S): void;
}

const registries = new WeakMap<object, EventRegistry>();

function registryOf(aggregate: AggregateType<DomainCommand, DomainEvent, unknown>): EventRegistry {
  let registry = registries.get(aggregate);
  if (registry === undefined) {
    registry = createEventRegistry(aggregate.events);
    registries.set(aggregate, registry);
  }
  return registry;
}

export function given<C extends DomainCommand, E extends DomainEvent, S>(
  aggregate: AggregateType<C, E, S>,
  events: readonly NoInfer<E>[] = [],
): Given<E, S> {
  const registry = registryOf(aggregate);
  const fold = (state: S, list: readonly E[]): S =>
    list.reduce((current, event) => aggregate.evolve(current, registry.validate(event)), state);
  const state = fold(aggregate.initialState(), events);

  const when = (command: unknown, context: Partial<DecideContext> = {}): When<E, S> => {
    let decided: E[] | undefined;
    let thrown: { error: unknown } | undefined;
    try {
      const parsed = parseCommand(aggregate, command);
      const raw = aggregate.decide(parsed, state, { ...testContext(), ...context });
      assertOwnEvents(aggregate, parsed, raw);
      // As recorded: what the ledger would store after validating each event.
      decided = raw.map((event) => registry.validate(event));
    } catch (error) {
      thrown = { error };
    }

    const requireEvents = (expectation: string): E[] => {
      if (decided !== undefined) return decided;
      const message = `Expected ${expectation}, but the command threw ${describeError(thrown?.error)}`;
      throw new AssertionError({ message, actual: thrown?.error, expected: expectation });
    };

    const thenState = (expected: S): void => {
      const after = fold(state, requireEvents('a state'));
      deepStrictEqual(after, expected, 'The state after the command is not the expected state');
    };

    return {
      then(expected) {
        if (typeof expected === 'function') {
          throw new TypeError('given(…).when(…) is not a promise: call .then([...events]) on it');
        }
        const actual = requireEvents(`${expected.length} event(s)`).map(({ type, data }) => ({
          type,
          data,
        }));
        const wanted = expected.map(({ type, data }) => ({ type, data }));
        deepStrictEqual(actual, wanted, 'The command did not produce the expected events');
        return { thenState };
      },
      thenThrows(expected) {
        if (thrown === undefined) {
          const types = (decided ?? []).map((event) => event.type).join(', ');
          throw new AssertionError({
            message: `Expected the command to throw, but it produced ${decided?.length ?? 0} event(s)${types ? `: ${types}` : ''}`,
            actual: decided,
            expected,
          });
        }
        const why =
          typeof expected === 'function'
            ? expected(thrown.error)
              ? undefined
              : 'the predicate returned false'
            : mismatchOf(thrown.error, expected);
        if (why !== undefined) {
          throw new AssertionError({
            message: `The command threw ${describeError(thrown.error)}, but ${why}`,
            actual: thrown.error,
            expected,
          });
        }
      },
      thenState,
    };
  };

  return { when, state };
}
