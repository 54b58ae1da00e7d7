// Where time and ids come from. Both are injectable so tests and replays are deterministic and
// deciders never read a clock or a random source themselves.
import { monotonicFactory } from 'ulid';

/** A source of the current time. The ledger stamps `recordedAt` from it. */
export type Clock = () => Date;

/** The machine's clock. */
export const systemClock: Clock = () => new Date();

/** Makes a ULID; its time part is `at` when given, else the factory's clock. */
export type UlidFactory = (at?: Date) => string;

/**
 * A factory of monotonic ULIDs whose time part comes from `clock`: ids made by one factory sort
 * in the order they were made, even within one millisecond or when the clock steps backwards.
 */
export function createUlidFactory(clock: Clock = systemClock): UlidFactory {
  const next = monotonicFactory();
  return (at) => next((at ?? clock()).getTime());
}
