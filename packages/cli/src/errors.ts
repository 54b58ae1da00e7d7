// Errors the command line reports to a person: a message and an exit code, no stack trace.
import { isGridledgerError } from '@gridledger/core';

export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** A problem with how the command was called (unknown option, malformed time, missing file). */
export class UsageError extends Error {
  readonly exitCode = EXIT.usage;
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** What went wrong, in one or two lines a person can act on. */
export function describeError(error: unknown): { message: string; exitCode: number } {
  if (error instanceof UsageError) return { message: error.message, exitCode: error.exitCode };
  if (isGridledgerError(error)) {
    return { message: `${error.code}: ${error.message}`, exitCode: EXIT.failed };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { message: `unexpected error: ${message}`, exitCode: EXIT.failed };
}
