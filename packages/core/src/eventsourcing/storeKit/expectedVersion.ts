// Expected versions, in one place for the ledger, the command handler and every store: what a
// caller may write, whether a stream satisfies it, and the conflict error that says both.
import type { ExpectedVersion } from '../envelope.js';
import { ConcurrencyConflictError, ValidationError } from '../errors.js';
import { describeValue } from './readOptions.js';

/** `value` as an expected version, or a ValidationError about `subject` naming `expectedVersion`. */
export function checkExpectedVersion(value: unknown, subject: string): ExpectedVersion {
  if (value === 'any' || value === 'no-stream' || value === 'stream-exists') return value;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value;
  throw new ValidationError(subject, [
    {
      path: 'expectedVersion',
      message: `must be a version ≥ 0, 'no-stream', 'stream-exists' or 'any'; got ${describeValue(value)}`,
    },
  ]);
}

/** Whether a stream whose last version is `actual` (`undefined`: no stream) satisfies `expected`. */
export function satisfiesExpectedVersion(
  expected: ExpectedVersion,
  actual: number | undefined,
): boolean {
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

/**
 * Throws `ConcurrencyConflictError` (with what was expected and what was found) unless a stream
 * whose last version is `actual` (`undefined` when it does not exist) satisfies `expected`.
 */
export function assertExpectedVersion(
  streamId: string,
  expected: ExpectedVersion,
  actual: number | undefined,
): void {
  if (!satisfiesExpectedVersion(expected, actual)) {
    throw new ConcurrencyConflictError(streamId, expected, actual ?? 'no-stream');
  }
}
