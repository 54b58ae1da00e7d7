// Where time and ids come from. Both are injectable so tests and replays are deterministic and
// deciders never read a clock or a random source themselves.
import { randomFillSync } from 'node:crypto';
import { monotonicFactory, type PRNG } from 'ulid';

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
  const next = monotonicFactory(pooledRandom());
  return (at) => next((at ?? clock()).getTime());
}

/**
 * Cryptographic randomness drawn from a pooled buffer: ulid's default source asks the OS for
 * every character, which cost more than the rest of an append. A byte / 256 picks each of the
 * 32 ULID characters with equal probability (256 is a multiple of 32), so nothing is biased.
 */
function pooledRandom(): PRNG {
  const pool = new Uint8Array(4096);
  let next = pool.length;
  return () => {
    if (next === pool.length) {
      randomFillSync(pool);
      next = 0;
    }
    return (pool[next++] as number) / 256;
  };
}
