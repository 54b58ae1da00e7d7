// Checks an append before it reaches SQLite and serialises its events, so a bad input fails
// with one ValidationError naming every wrong field, before any lock is taken or row written.
import {
  ValidationError,
  type EventToAppend,
  type ExpectedVersion,
  type ValidationIssue,
} from '@gridledger/core';
import { jsonIssue } from './jsonShape.js';

/** One event ready for the insert statement. */
export interface EventRow {
  readonly id: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: string;
  readonly metadata: string;
}

const isNonEmptyString = (value: unknown): value is string =>
  typeof value === 'string' && value.length > 0;

function show(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

function checkExpectedVersion(value: unknown, issues: ValidationIssue[]): void {
  if (value === 'no-stream' || value === 'stream-exists' || value === 'any') return;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return;
  issues.push({
    path: 'expectedVersion',
    message: `must be a version ≥ 0, 'no-stream', 'stream-exists' or 'any', got ${typeof value === 'object' ? 'an object' : show(value)}`,
  });
}

/** The envelope fields every reader relies on: who, when, correlation and the hash chain. */
function checkMetadata(metadata: unknown, at: string, issues: ValidationIssue[]): void {
  if (typeof metadata !== 'object' || metadata === null) {
    issues.push({ path: `${at}.metadata`, message: 'must be an object' });
    return;
  }
  const m = metadata as Record<string, unknown>;
  const actor = m['actor'];
  if (typeof actor !== 'object' || actor === null) {
    issues.push({ path: `${at}.metadata.actor`, message: 'is required (who recorded this)' });
  } else {
    for (const field of ['id', 'role'] as const) {
      if (!isNonEmptyString((actor as Record<string, unknown>)[field])) {
        issues.push({
          path: `${at}.metadata.actor.${field}`,
          message: 'must be a non-empty string',
        });
      }
    }
  }
  for (const field of ['occurredAt', 'recordedAt', 'correlationId', 'hash'] as const) {
    if (typeof m[field] !== 'string') {
      issues.push({ path: `${at}.metadata.${field}`, message: 'must be a string' });
    }
  }
  if (m['prevHash'] !== null && typeof m['prevHash'] !== 'string') {
    issues.push({ path: `${at}.metadata.prevHash`, message: 'must be a string or null' });
  }
  if ('causationId' in m && typeof m['causationId'] !== 'string') {
    issues.push({ path: `${at}.metadata.causationId`, message: 'must be a string when present' });
  }
}

function checkEvent(event: unknown, at: string, issues: ValidationIssue[]): event is EventToAppend {
  if (typeof event !== 'object' || event === null) {
    issues.push({ path: at, message: 'must be an event object' });
    return false;
  }
  const before = issues.length;
  const e = event as Record<string, unknown>;
  if (!isNonEmptyString(e['id']))
    issues.push({ path: `${at}.id`, message: 'must be a non-empty string' });
  if (!isNonEmptyString(e['type'])) {
    issues.push({ path: `${at}.type`, message: 'must be a non-empty string' });
  }
  const version = e['schemaVersion'];
  if (!(typeof version === 'number' && Number.isSafeInteger(version) && version >= 1)) {
    issues.push({ path: `${at}.schemaVersion`, message: 'must be a whole number ≥ 1' });
  }
  checkMetadata(e['metadata'], at, issues);
  for (const field of ['data', 'metadata'] as const) {
    const issue = jsonIssue(e[field], `${at}.${field}`);
    if (issue !== undefined) issues.push(issue);
  }
  return issues.length === before;
}

/** Validates the whole append and returns its rows, or throws one ValidationError. */
export function prepareAppend(
  streamId: string,
  events: readonly EventToAppend[],
  expectedVersion: ExpectedVersion,
): EventRow[] {
  // Typed parameters, but callers may be plain JavaScript: everything is checked at run time.
  const issues: ValidationIssue[] = [];
  if (!isNonEmptyString(streamId)) {
    issues.push({ path: 'streamId', message: 'must be a non-empty string' });
  }
  checkExpectedVersion(expectedVersion, issues);
  const rows: EventRow[] = [];
  if (!Array.isArray(events)) {
    issues.push({ path: 'events', message: 'must be an array' });
  } else if (events.length === 0) {
    issues.push({ path: 'events', message: 'must contain at least one event (empty batch)' });
  } else {
    for (let i = 0; i < events.length; i++) {
      const event: unknown = events[i];
      if (!checkEvent(event, `events.${i}`, issues)) continue;
      rows.push({
        id: event.id,
        type: event.type,
        schemaVersion: event.schemaVersion,
        data: JSON.stringify(event.data),
        metadata: JSON.stringify(event.metadata),
      });
    }
  }
  if (issues.length > 0) {
    const subject = isNonEmptyString(streamId) ? `append to '${streamId}'` : 'append';
    throw new ValidationError(subject, issues);
  }
  return rows;
}
