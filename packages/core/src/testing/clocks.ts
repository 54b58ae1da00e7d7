// Test clocks: time that only moves when a test says so.
import type { Clock } from '../eventsourcing/ids.js';

function parse(iso: string, what: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new TypeError(`${what}: '${iso}' is not an ISO 8601 date-time`);
  return ms;
}

/** Always the same instant (a fresh Date each call, so callers cannot move it). */
export function fixedClock(iso: string): Clock {
  const ms = parse(iso, 'fixedClock');
  return () => new Date(ms);
}

export interface SteppingClock extends Clock {
  /** The instant the next call will return, without advancing. */
  peek(): Date;
  /** Moves the clock forward by `ms` without a call. */
  advance(ms: number): void;
}

/** Returns `start` on the first call and `stepMs` later on each call after. */
export function steppingClock(start: string, stepMs = 1000): SteppingClock {
  let next = parse(start, 'steppingClock');
  const clock = () => {
    const now = new Date(next);
    next += stepMs;
    return now;
  };
  return Object.assign(clock, {
    peek: () => new Date(next),
    advance: (ms: number) => {
      next += ms;
    },
  });
}
