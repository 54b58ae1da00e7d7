// How a store takes part in the contract: a factory that opens a fresh, empty store for each
// test, the options a store may tune, and small helpers the contract files share.
import type { EventStore, StoredEvent } from '@gridledger/core';

/** One fresh, empty store, and how to clean up after it. */
export interface StoreUnderTest {
  readonly store: EventStore;
  /** Releases whatever the factory made (files, connections, streams). Called after every test. */
  dispose(): Promise<void>;
  /**
   * For durable stores: closes `store`, opens it again on the same data and returns the new
   * instance (which `dispose` must then release). When given, the durability checks run.
   */
  reopen?(): Promise<EventStore>;
}

/** Opens a fresh, empty store. Called once per test and once per property run. */
export type StoreFactory = () => Promise<StoreUnderTest>;

/** What a store may tune. Defaults suit an in-process store; every store gets the same checks. */
export interface ContractOptions {
  /** Runs per fast-check property (default 50). A remote store may lower it. */
  readonly propertyRuns?: number;
  /** Concurrent writers on one stream (default 20). */
  readonly writers?: number;
  /** Rounds those writers race for (default 10). */
  readonly rounds?: number;
  /** fast-check seed, to replay a failure reported by an earlier run. */
  readonly seed?: number;
}

export interface ResolvedOptions {
  readonly propertyRuns: number;
  readonly writers: number;
  readonly rounds: number;
  readonly seed: number | undefined;
}

export function resolveOptions(options: ContractOptions = {}): ResolvedOptions {
  return {
    propertyRuns: options.propertyRuns ?? 50,
    writers: options.writers ?? 20,
    rounds: options.rounds ?? 10,
    seed: options.seed,
  };
}

/** fast-check parameters from the resolved options. */
export function propertyParameters(options: ResolvedOptions): { numRuns: number; seed?: number } {
  return options.seed === undefined
    ? { numRuns: options.propertyRuns }
    : { numRuns: options.propertyRuns, seed: options.seed };
}

/** Opens a store, runs `body` against it and always disposes it. */
export async function withStore<T>(
  factory: StoreFactory,
  body: (store: EventStore, underTest: StoreUnderTest) => Promise<T>,
): Promise<T> {
  const underTest = await factory();
  try {
    return await body(underTest.store, underTest);
  } finally {
    await underTest.dispose();
  }
}

/**
 * Reads everything an async iterable yields. Takes a function so that a store may throw either
 * when the read is requested or when it is iterated: both count as the read failing. Throws past
 * `max` events, so a store that yields without end fails the test instead of hanging it (a loop
 * of resolved promises would starve the test runner's own timeout).
 */
export async function collect(
  read: () => AsyncIterable<StoredEvent>,
  max = 100_000,
): Promise<StoredEvent[]> {
  const events: StoredEvent[] = [];
  for await (const event of read()) {
    if (events.length === max) throw new Error(`the read yielded more than ${max} events`);
    events.push(event);
  }
  return events;
}

/** Resolves with whatever `promise` rejects with; fails the test if it fulfils. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the operation to be rejected, but it succeeded');
}
