// A small seeded random source (mulberry32) and the shared vocabulary of generated histories,
// so a failing property test or a benchmark can be replayed exactly from its seed.

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max]. */
  int(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** `count` distinct items (or all of them when there are fewer). */
  some<T>(items: readonly T[], count: number): T[];
}

export function seeded(seed: number): Random {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)] as T;
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick,
    some<T>(items: readonly T[], count: number): T[] {
      const copy = [...items];
      const out: T[] = [];
      while (out.length < count && copy.length > 0) {
        out.push(copy.splice(int(0, copy.length - 1), 1)[0] as T);
      }
      return out;
    },
  };
}

/** One generated fact: which stream, what, and when it happened (ms since the epoch). */
export interface GeneratedEvent {
  readonly streamId: string;
  readonly type: string;
  readonly data: unknown;
  readonly at: number;
}

/** Where generated activity happens and who does it. */
export interface Neighbourhood {
  readonly communities: readonly string[];
  /** Grids of each community. */
  readonly grids: Readonly<Record<string, readonly string[]>>;
  /** Members of each community. */
  readonly members: Readonly<Record<string, readonly string[]>>;
  /** Household ids of each grid. */
  readonly households: Readonly<Record<string, readonly string[]>>;
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
