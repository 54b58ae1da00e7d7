// Errors the command line reports to a person: a message and an exit code, no stack trace.
import { isGridledgerError, isValidationError, type ValidationError } from '@gridledger/core';
import { counted } from './words.js';

export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** A reason the command could not run, told as it is, with the exit code it ends with. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** A problem with how the command was called (unknown option, malformed time, missing file). */
export class UsageError extends CliError {
  constructor(message: string) {
    super(message, EXIT.usage);
    this.name = 'UsageError';
  }
}

/** Issues listed before the rest are only counted: enough to act on, never a wall of text. */
const SHOWN_ISSUES = 5;
/** A message longer than this (a screenful) is cut. */
const LONGEST_MESSAGE = 1000;

/** What went wrong, in a few lines a person can act on. */
export function describeError(error: unknown): { message: string; exitCode: number } {
  if (error instanceof CliError) return { message: error.message, exitCode: error.exitCode };
  if (isValidationError(error) && error.issues.length > 1) {
    return { message: cut(issueList(error)), exitCode: EXIT.failed };
  }
  if (isGridledgerError(error)) {
    return { message: cut(`${error.code}: ${error.message}`), exitCode: EXIT.failed };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { message: cut(`unexpected error: ${message}`), exitCode: EXIT.failed };
}

function issueList(error: ValidationError): string {
  const { issues } = error;
  const lines = issues
    .slice(0, SHOWN_ISSUES)
    .map((issue) => `    ${issue.path || '(root)'}: ${issue.message}`);
  if (issues.length > SHOWN_ISSUES)
    lines.push(`    … and ${counted(issues.length - SHOWN_ISSUES, 'more', 'more')}`);
  return [
    `${error.code}: invalid ${error.subject} (${counted(issues.length, 'issue')}):`,
    ...lines,
  ].join('\n');
}

function cut(message: string): string {
  if (message.length <= LONGEST_MESSAGE) return message;
  const rest = message.length - LONGEST_MESSAGE;
  return `${message.slice(0, LONGEST_MESSAGE)}… (${counted(rest, 'more character')})`;
}
