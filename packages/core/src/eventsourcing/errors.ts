// The error vocabulary. Each error has a literal `code` and an `isX` guard that checks the code
// and a registry-wide brand (not `instanceof`), so guards work across duplicate package copies.
import type { ExpectedVersion } from './envelope.js';

const BRAND = Symbol.for('gridledger.error');

export type GridledgerErrorCode =
  | 'VALIDATION_FAILED'
  | 'RULE_VIOLATION'
  | 'CONCURRENCY_CONFLICT'
  | 'STREAM_NOT_FOUND'
  | 'STREAM_DELETED'
  | 'CORRUPTED_EVENT'
  | 'SIGNATURE_INVALID'
  | 'STORE_UNAVAILABLE'
  | 'ACCESS_DENIED';

export abstract class GridledgerError extends Error {
  abstract readonly code: GridledgerErrorCode;
  readonly [BRAND] = true;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

function hasCode<C extends GridledgerErrorCode>(error: unknown, code: C): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as Record<symbol, unknown>)[BRAND] === true &&
    (error as { code?: unknown }).code === code
  );
}

/** True for any Gridledger error, from any copy of this package. */
export function isGridledgerError(error: unknown): error is GridledgerError {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as Record<symbol, unknown>)[BRAND] === true
  );
}

/** One thing wrong with an input: where (a dotted path) and what rule it broke. */
export interface ValidationIssue {
  readonly path: string;
  readonly message: string;
}

/** Input (a command, an event, an option) did not match its schema. Nothing was written. */
export class ValidationError extends GridledgerError {
  readonly code = 'VALIDATION_FAILED' as const;
  /** What was being validated, e.g. `command ReportDispute` or `event DisputeReported`. */
  readonly subject: string;
  readonly issues: readonly ValidationIssue[];
  constructor(subject: string, issues: readonly ValidationIssue[], options?: { cause?: unknown }) {
    const detail = issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ');
    super(`Invalid ${subject}: ${detail}`, options);
    this.subject = subject;
    this.issues = issues;
  }
}
export const isValidationError = (e: unknown): e is ValidationError =>
  hasCode(e, 'VALIDATION_FAILED');

/** A command was well-formed but broke a domain rule. `rule` is a stable identifier. */
export class RuleViolationError extends GridledgerError {
  readonly code = 'RULE_VIOLATION' as const;
  readonly rule: string;
  readonly details: Readonly<Record<string, unknown>>;
  constructor(
    rule: string,
    message: string,
    details: Readonly<Record<string, unknown>> = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.rule = rule;
    this.details = details;
  }
}
export const isRuleViolation = (e: unknown): e is RuleViolationError =>
  hasCode(e, 'RULE_VIOLATION');

/** The stream was not at the expected version when the append arrived. Nothing was written. */
export class ConcurrencyConflictError extends GridledgerError {
  readonly code = 'CONCURRENCY_CONFLICT' as const;
  readonly streamId: string;
  readonly expected: ExpectedVersion;
  /** The stream's actual last version, or `no-stream` when it does not exist. */
  readonly actual: number | 'no-stream';
  constructor(
    streamId: string,
    expected: ExpectedVersion,
    actual: number | 'no-stream',
    options?: { cause?: unknown },
  ) {
    super(
      `Concurrency conflict on stream '${streamId}': expected ${String(expected)}, actual ${String(actual)}`,
      options,
    );
    this.streamId = streamId;
    this.expected = expected;
    this.actual = actual;
  }
}
export const isConcurrencyConflict = (e: unknown): e is ConcurrencyConflictError =>
  hasCode(e, 'CONCURRENCY_CONFLICT');

export class StreamNotFoundError extends GridledgerError {
  readonly code = 'STREAM_NOT_FOUND' as const;
  readonly streamId: string;
  constructor(streamId: string, options?: { cause?: unknown }) {
    super(`Stream '${streamId}' was not found`, options);
    this.streamId = streamId;
  }
}
export const isStreamNotFound = (e: unknown): e is StreamNotFoundError =>
  hasCode(e, 'STREAM_NOT_FOUND');

/** The stream was deleted (soft) or tombstoned (hard) in a store that supports deletion. */
export class StreamDeletedError extends GridledgerError {
  readonly code = 'STREAM_DELETED' as const;
  readonly streamId: string;
  readonly tombstoned: boolean;
  constructor(streamId: string, tombstoned: boolean, options?: { cause?: unknown }) {
    super(`Stream '${streamId}' was ${tombstoned ? 'tombstoned' : 'deleted'}`, options);
    this.streamId = streamId;
    this.tombstoned = tombstoned;
  }
}
export const isStreamDeleted = (e: unknown): e is StreamDeletedError =>
  hasCode(e, 'STREAM_DELETED');

/** Why a stored event cannot be trusted or read. */
export type CorruptionReason =
  | 'hash-mismatch'
  | 'chain-broken'
  | 'unknown-event-type'
  | 'unknown-schema-version'
  | 'schema-mismatch'
  | 'unreadable'
  /** The log no longer holds what a signed checkpoint of it covers. */
  | 'checkpoint-mismatch';

/** A stored event is unreadable, fails its schema, or does not match its hash chain. */
export class CorruptedEventError extends GridledgerError {
  readonly code = 'CORRUPTED_EVENT' as const;
  readonly streamId: string;
  readonly streamVersion: number;
  readonly reason: CorruptionReason;
  constructor(
    streamId: string,
    streamVersion: number,
    reason: CorruptionReason,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`Event ${streamVersion} of stream '${streamId}' (${reason}): ${message}`, options);
    this.streamId = streamId;
    this.streamVersion = streamVersion;
    this.reason = reason;
  }
}
export const isCorruptedEvent = (e: unknown): e is CorruptedEventError =>
  hasCode(e, 'CORRUPTED_EVENT');

/**
 * Why a signed statement (a checkpoint of the log) cannot be trusted:
 * - `wrong-key`: it carries no signature by the key it was checked with;
 * - `bad-signature`: it carries one, but that signature does not verify over its text;
 * - `altered`: its signature verifies, but what it vouches for (the checkpoint's leaves) does not
 *   match what was signed.
 */
export type SignatureFailure = 'wrong-key' | 'bad-signature' | 'altered';

/** A signature does not verify, or vouches for something else. Nothing it says can be trusted. */
export class SignatureError extends GridledgerError {
  readonly code = 'SIGNATURE_INVALID' as const;
  /** What was checked, e.g. `checkpoint ./2025-08.checkpoint`. */
  readonly subject: string;
  readonly reason: SignatureFailure;
  constructor(
    subject: string,
    reason: SignatureFailure,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`Untrusted ${subject} (${reason}): ${message}`, options);
    this.subject = subject;
    this.reason = reason;
  }
}
export const isSignatureError = (e: unknown): e is SignatureError =>
  hasCode(e, 'SIGNATURE_INVALID');

/** The store could not be reached or refused to serve (connection, deadline, lock, not leader). */
export class StoreUnavailableError extends GridledgerError {
  readonly code = 'STORE_UNAVAILABLE' as const;
  readonly store: string;
  constructor(store: string, message: string, options?: { cause?: unknown }) {
    super(`Store '${store}' unavailable: ${message}`, options);
    this.store = store;
  }
}
export const isStoreUnavailable = (e: unknown): e is StoreUnavailableError =>
  hasCode(e, 'STORE_UNAVAILABLE');

/**
 * The store refused the caller's credentials for this operation (e.g. an EventStoreDB access
 * control list). Unlike StoreUnavailableError it is not transient: retrying will not help until
 * the store's permissions change.
 */
export class AccessDeniedError extends GridledgerError {
  readonly code = 'ACCESS_DENIED' as const;
  readonly store: string;
  /** What was refused, e.g. `append to 'dispute-1'`. */
  readonly operation: string;
  constructor(store: string, operation: string, options?: { cause?: unknown }) {
    super(`Store '${store}' denied access: ${operation}`, options);
    this.store = store;
    this.operation = operation;
  }
}
export const isAccessDenied = (e: unknown): e is AccessDeniedError => hasCode(e, 'ACCESS_DENIED');
