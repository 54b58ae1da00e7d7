// Checks what a caller hands to `append` (stream id, expected version, envelopes) before anything
// is written, and copies each event's data and metadata into frozen JSON.
import {
  ValidationError,
  type EventMetadata,
  type EventToAppend,
  type ExpectedVersion,
  type ValidationIssue,
} from '@gridledger/core';
import { describeValue as show } from '@gridledger/core';
import type { ActorPool } from './actorPool.js';
import { JsonShapeError, frozenJsonCopy, frozenMetadataCopy } from './frozenJson.js';

/** An event ready to be stored: envelope checked, data and metadata frozen copies. */
export interface AcceptedEvent {
  readonly id: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: unknown;
  readonly metadata: EventMetadata;
}

const isNonEmptyString = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

export function checkStreamId(streamId: unknown, subject: string): asserts streamId is string {
  if (!isNonEmptyString(streamId)) {
    throw new ValidationError(subject, [
      { path: 'streamId', message: 'must be a non-empty string' },
    ]);
  }
}

export function checkExpectedVersion(streamId: string, expected: unknown): ExpectedVersion {
  if (
    expected === 'no-stream' ||
    expected === 'stream-exists' ||
    expected === 'any' ||
    (typeof expected === 'number' && Number.isSafeInteger(expected) && expected >= 0)
  ) {
    return expected;
  }
  throw new ValidationError(`append to '${streamId}'`, [
    {
      path: 'expectedVersion',
      message: `must be a version >= 0, 'no-stream', 'stream-exists' or 'any'; got ${show(expected)}`,
    },
  ]);
}

function metadataIssues(metadata: unknown, at: string): ValidationIssue[] {
  if (typeof metadata !== 'object' || metadata === null) {
    return [{ path: `${at}.metadata`, message: 'must be an object' }];
  }
  const m = metadata as Record<string, unknown>;
  const issues: ValidationIssue[] = [];
  const actor = m['actor'] as Record<string, unknown> | null | undefined;
  if (typeof actor !== 'object' || actor === null) {
    issues.push({ path: `${at}.metadata.actor`, message: 'is required (who recorded this)' });
  } else {
    if (!isNonEmptyString(actor['id'])) {
      issues.push({ path: `${at}.metadata.actor.id`, message: 'must be a non-empty string' });
    }
    if (!isNonEmptyString(actor['role'])) {
      issues.push({ path: `${at}.metadata.actor.role`, message: 'must be a non-empty string' });
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
  return issues;
}

/** The usual well-formed envelope, checked without building any issue list. */
function isWellFormed(event: unknown): boolean {
  if (typeof event !== 'object' || event === null) return false;
  const { id, type, schemaVersion: v, metadata } = event as Record<string, unknown>;
  if (!isNonEmptyString(id) || !isNonEmptyString(type)) return false;
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 1) return false;
  if (typeof metadata !== 'object' || metadata === null) return false;
  const m = metadata as Record<string, unknown>;
  const actor = m['actor'] as Record<string, unknown> | null | undefined;
  return (
    typeof actor === 'object' &&
    actor !== null &&
    isNonEmptyString(actor['id']) &&
    isNonEmptyString(actor['role']) &&
    typeof m['occurredAt'] === 'string' &&
    typeof m['recordedAt'] === 'string' &&
    typeof m['correlationId'] === 'string' &&
    typeof m['hash'] === 'string' &&
    (m['prevHash'] === null || typeof m['prevHash'] === 'string') &&
    (!('causationId' in m) || typeof m['causationId'] === 'string')
  );
}

function envelopeIssues(event: unknown, at: string): ValidationIssue[] {
  if (typeof event !== 'object' || event === null) {
    return [{ path: at, message: 'must be an event object' }];
  }
  const e = event as Record<string, unknown>;
  const issues: ValidationIssue[] = [];
  if (!isNonEmptyString(e['id']))
    issues.push({ path: `${at}.id`, message: 'must be a non-empty string' });
  if (!isNonEmptyString(e['type'])) {
    issues.push({ path: `${at}.type`, message: 'must be a non-empty string' });
  }
  const v = e['schemaVersion'];
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 1) {
    issues.push({ path: `${at}.schemaVersion`, message: 'must be an integer >= 1' });
  }
  return issues.concat(metadataIssues(e['metadata'], at));
}

/**
 * Validates a whole batch and returns frozen copies, or throws one ValidationError listing what
 * was wrong (paths like `events.2.data.parties.0`). Nothing is written when it throws.
 */
export function acceptBatch(streamId: string, events: unknown, actors: ActorPool): AcceptedEvent[] {
  const subject = `append to '${streamId}'`;
  if (!Array.isArray(events)) {
    throw new ValidationError(subject, [{ path: 'events', message: 'must be an array' }]);
  }
  if (events.length === 0) {
    throw new ValidationError(subject, [
      { path: 'events', message: 'must contain at least one event (empty batch)' },
    ]);
  }
  const issues: ValidationIssue[] = [];
  const accepted: AcceptedEvent[] = [];
  for (let i = 0; i < events.length; i++) {
    const at = `events.${i}`;
    const found = isWellFormed(events[i]) ? [] : envelopeIssues(events[i], at);
    if (found.length > 0) {
      issues.push(...found);
      continue;
    }
    const event = events[i] as EventToAppend;
    try {
      accepted.push({
        id: event.id,
        type: event.type,
        schemaVersion: event.schemaVersion,
        data: frozenJsonCopy(event.data, `${at}.data`),
        metadata: frozenMetadataCopy(event.metadata, `${at}.metadata`, (actor) =>
          actors.intern(actor),
        ) as EventMetadata,
      });
    } catch (error) {
      if (!(error instanceof JsonShapeError)) throw error;
      issues.push(error.issue);
    }
  }
  if (issues.length > 0) throw new ValidationError(subject, issues);
  return accepted;
}
