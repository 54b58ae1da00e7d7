// Property-test harness shared by the four aggregates. A "recipe" turns the current state into
// a command, so random runs can name the parties, terms and wishes that actually exist.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertOwnEvents, parseCommand } from '../../eventsourcing/commandBoundary.js';
import {
  createCommandHandler,
  createEventRegistry,
  createLedger,
  gridledgerEvents,
  isRuleViolation,
  isValidationError,
  streamIdOf,
  type AggregateType,
  type DecideContext,
  type DomainCommand,
  type DomainEvent,
} from '@gridledger/core';
import { testContext } from '@gridledger/core/testing';
import { createMemoryEventStore } from '../../eventsourcing/__fixtures__/memoryStore.js';

export type Recipe<S> = (state: S) => unknown;

export interface PropertySubject<C extends DomainCommand, E extends DomainEvent, S> {
  readonly aggregate: AggregateType<C, E, S>;
  /** Every broken invariant of a state, in words; empty when the state is valid. */
  readonly invariant: (state: S) => string[];
  readonly id: string;
  /**
   * Hand-written runs that together reach every event type. They are the first examples of the
   * random properties, so coverage holds by construction instead of by luck (a random run that
   * never reaches a rare event made CI fail about once in fourteen runs).
   */
  readonly tours: readonly (readonly Recipe<S>[])[];
}

export interface Run<E, S> {
  readonly state: S;
  readonly events: E[];
  readonly accepted: number;
  readonly rejected: number;
}

const registry = createEventRegistry(gridledgerEvents);

/** Runs recipes through the command boundary and `decide`, checking each step. */
export function runRecipes<C extends DomainCommand, E extends DomainEvent, S>(
  subject: PropertySubject<C, E, S>,
  recipes: readonly Recipe<S>[],
  context: DecideContext = testContext(),
): Run<E, S> {
  const { aggregate, invariant } = subject;
  let state = aggregate.initialState();
  const events: E[] = [];
  let accepted = 0;
  for (const recipe of recipes) {
    const command = recipe(state);
    let decided: readonly E[];
    try {
      const parsed = parseCommand(aggregate, command);
      decided = aggregate.decide(parsed, state, context);
      assertOwnEvents(aggregate, parsed, decided);
    } catch (error) {
      // A refusal is always one of the typed errors, never a crash.
      if (!isRuleViolation(error) && !isValidationError(error)) throw error;
      continue;
    }
    expect(decided.length).toBeGreaterThan(0);
    for (const event of decided) {
      registry.validate(event);
      state = aggregate.evolve(state, event);
      events.push(event);
    }
    accepted += 1;
    expect(invariant(state), `after ${JSON.stringify(command)}`).toEqual([]);
  }
  return { state, events, accepted, rejected: recipes.length - accepted };
}

/** Folds events as a reader would get them back from a store: via JSON, from the start. */
export function refold<C extends DomainCommand, E extends DomainEvent, S>(
  aggregate: AggregateType<C, E, S>,
  events: readonly E[],
): S {
  const stored = JSON.parse(JSON.stringify(events)) as E[];
  return stored.reduce((state, event) => aggregate.evolve(state, event), aggregate.initialState());
}

/**
 * Runs recipes through the real command handler over a memory store, and checks that a refused
 * command leaves the store exactly as it was.
 */
export async function runThroughHandler<C extends DomainCommand, E extends DomainEvent, S>(
  subject: PropertySubject<C, E, S>,
  recipes: readonly Recipe<S>[],
): Promise<{ state: S; accepted: number }> {
  const store = createMemoryEventStore();
  const ledger = createLedger({ store, registry });
  const handle = createCommandHandler(ledger, subject.aggregate);
  const actor = { id: 'officer-jiang', role: 'community-police-officer' };
  const streamId = streamIdOf(subject.aggregate, subject.id);
  let state = subject.aggregate.initialState();
  let accepted = 0;
  for (const recipe of recipes) {
    const before = await countAll(store);
    try {
      const result = await handle(subject.id, recipe(state), { actor });
      state = result.state;
      accepted += 1;
    } catch (error) {
      if (!isRuleViolation(error) && !isValidationError(error)) throw error;
      expect(await countAll(store), `refused ${String(error)} wrote nothing`).toBe(before);
    }
  }
  const loaded = await ledger.load(subject.aggregate, subject.id);
  expect(loaded.state).toEqual(state);
  if (accepted > 0) expect(loaded.streamVersion).toBeGreaterThanOrEqual(accepted - 1);
  expect(streamId.startsWith(subject.aggregate.streamPrefix)).toBe(true);
  return { state, accepted };
}

async function countAll(store: ReturnType<typeof createMemoryEventStore>): Promise<number> {
  let n = 0;
  for await (const _ of store.readAll()) n += 1;
  return n;
}

/**
 * The three properties every aggregate must have, as one vitest suite: any sequence of commands,
 * accepted or rejected, leaves a valid state (and the runs reach every event type, or they prove
 * little); folding the events `decide` returned reproduces the state; rejected commands write
 * nothing to a store.
 */
export function describeDeciderProperties<C extends DomainCommand, E extends DomainEvent, S>(
  subject: PropertySubject<C, E, S>,
  recipe: fc.Arbitrary<Recipe<S>>,
  lengths: { readonly run: number; readonly throughHandler: number },
): void {
  const { aggregate } = subject;
  const runs = fc.array(recipe, { maxLength: lengths.run, size: 'max' });
  const examples = subject.tours.map((tour): [Recipe<S>[]] => [[...tour]]);

  describe(`${aggregate.name} properties`, () => {
    it('the tours reach every event type', () => {
      const seen = new Set<string>();
      for (const tour of subject.tours)
        for (const event of runRecipes(subject, tour).events) seen.add(event.type);
      expect([...seen].sort()).toEqual(aggregate.events.map((d) => d.type).sort());
    });

    it('any sequence of commands, accepted or rejected, leaves a valid state', () => {
      fc.assert(
        fc.property(runs, (recipes) => {
          runRecipes(subject, recipes);
        }),
        { numRuns: 150, examples },
      );
    });

    it('folding the events decide returned reproduces the state', () => {
      fc.assert(
        fc.property(runs, (recipes) => {
          const run = runRecipes(subject, recipes);
          expect(refold(aggregate, run.events)).toEqual(run.state);
        }),
        { numRuns: 100, examples },
      );
    });

    it('rejected commands write nothing to the store', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(recipe, { maxLength: lengths.throughHandler }),
          async (recipes) => {
            await runThroughHandler(subject, recipes);
          },
        ),
        { numRuns: 25, examples },
      );
    });
  });
}
