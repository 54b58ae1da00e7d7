// Checks a caller's expected version against the version a stream was actually read at.
import type { ExpectedVersion } from './envelope.js';
import { ConcurrencyConflictError } from './errors.js';

/**
 * Throws `ConcurrencyConflictError` unless a stream whose last version is `actual` (`undefined`
 * when it does not exist) satisfies `expected`.
 */
export function assertExpectedVersion(
  streamId: string,
  expected: ExpectedVersion,
  actual: number | undefined,
): void {
  if (!satisfies(expected, actual)) {
    throw new ConcurrencyConflictError(streamId, expected, actual ?? 'no-stream');
  }
}

function satisfies(expected: ExpectedVersion, actual: number | undefined): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'no-stream':
      return actual === undefined;
    case 'stream-exists':
      return actual !== undefined;
    default:
      return actual === expected;
  }
}
