// Matching a thrown error against what a test expects: its code, rule, field, subject, message.
import { AssertionError, deepStrictEqual } from 'node:assert/strict';
import type { GridledgerErrorCode } from '../eventsourcing/errors.js';

/** Every given field must match; leave out what the test does not care about. */
export interface ExpectedError {
  readonly code?: GridledgerErrorCode;
  /** A RuleViolationError's rule, e.g. `dispute.not-classified`. */
  readonly rule?: string;
  /** A ValidationError must have an issue at this path, e.g. `data.parties`. */
  readonly path?: string;
  readonly subject?: string | RegExp;
  /** Substring of, or pattern for, the message. */
  readonly message?: string | RegExp;
  /** Each given entry must equal the error's `details` entry. */
  readonly details?: Readonly<Record<string, unknown>>;
}

/** Returns why `error` does not match `expected`, or `undefined` when it does. */
export function mismatchOf(error: unknown, expected: ExpectedError): string | undefined {
  const e = (typeof error === 'object' && error !== null ? error : {}) as Record<string, unknown>;
  if (expected.code !== undefined && e.code !== expected.code) {
    return `code is ${String(e.code)}, expected ${expected.code}`;
  }
  if (expected.rule !== undefined && e.rule !== expected.rule) {
    return `rule is ${String(e.rule)}, expected ${expected.rule}`;
  }
  if (expected.path !== undefined) {
    const paths = Array.isArray(e.issues)
      ? (e.issues as { path?: unknown }[]).map((issue) => String(issue.path))
      : [];
    if (!paths.includes(expected.path)) {
      return `no issue at path '${expected.path}' (issues at: ${paths.join(', ') || 'none'})`;
    }
  }
  if (expected.subject !== undefined && !matches(e.subject, expected.subject)) {
    return `subject is ${String(e.subject)}, expected ${String(expected.subject)}`;
  }
  if (expected.message !== undefined && !matches(e.message, expected.message)) {
    return `message is '${String(e.message)}', expected ${String(expected.message)}`;
  }
  for (const [key, value] of Object.entries(expected.details ?? {})) {
    const actual = (e.details as Record<string, unknown> | undefined)?.[key];
    try {
      deepStrictEqual(actual, value);
    } catch (mismatch) {
      if (mismatch instanceof AssertionError) {
        return `details.${key} is ${JSON.stringify(actual)}, expected ${JSON.stringify(value)}`;
      }
      throw mismatch;
    }
  }
  return undefined;
}

function matches(actual: unknown, expected: string | RegExp): boolean {
  if (typeof actual !== 'string') return false;
  return typeof expected === 'string' ? actual.includes(expected) : expected.test(actual);
}

/** One line about an error for assertion messages. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return `a non-error value: ${String(error)}`;
  const { code, rule } = error as { code?: unknown; rule?: unknown };
  const tags = [code, rule].filter((tag) => typeof tag === 'string').join(' ');
  return `${error.name}${tags ? ` (${tags})` : ''}: ${error.message}`;
}
