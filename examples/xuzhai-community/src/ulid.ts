// Deterministic ULIDs: the time part from the simulated clock, the random part from the seeded
// source. The kernel's `createUlidFactory` draws its random part from the machine, so the demo
// makes its own ids to keep two runs of one seed byte-identical.
import type { Random } from './random.js';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const TIME_CHARS = 10;
const RANDOM_CHARS = 16;
const MAX_TIME = 2 ** 48 - 1;

/**
 * Monotonic, like the kernel's: ids made in one millisecond (or when the clock steps back) take
 * the previous random part plus one, so they sort in the order they were made.
 */
export function seededUlids(clock: () => number, random: Random): () => string {
  let lastTime = -1;
  let tail: number[] = [];
  return () => {
    let time = Math.floor(clock());
    if (!(Number.isSafeInteger(time) && time >= 0 && time <= MAX_TIME)) {
      throw new RangeError(`a ULID needs a time between 0 and 2^48 - 1 ms, got ${time}`);
    }
    if (time <= lastTime) {
      time = lastTime;
      increment(tail);
    } else {
      lastTime = time;
      tail = Array.from({ length: RANDOM_CHARS }, () => random.int(0, 31));
    }
    return encodeTime(time) + tail.map((digit) => CROCKFORD[digit]).join('');
  };
}

function encodeTime(time: number): string {
  let out = '';
  let rest = time;
  for (let i = 0; i < TIME_CHARS; i++) {
    out = CROCKFORD[rest % 32] + out;
    rest = Math.floor(rest / 32);
  }
  return out;
}

function increment(digits: number[]): void {
  for (let i = digits.length - 1; i >= 0; i--) {
    const digit = digits[i] as number;
    if (digit < 31) {
      digits[i] = digit + 1;
      return;
    }
    digits[i] = 0;
  }
  throw new RangeError('more than 2^80 ULIDs in one millisecond');
}
