// Checks an append before anything is sent: the stream id, the expected version and every event
// (a ULID id, a type, a schema version, the metadata auditors rely on, JSON data). A bad batch is
// one ValidationError listing every problem; nothing reaches the server.
import {
  ValidationError,
  type EventToAppend,
  type ExpectedVersion,
  type ValidationIssue,
  describeValue,
} from '@gridledger/core';
import { isUlid } from './ids.js';
import { jsonShapeIssue } from './jsonShape.js';

const isNonEmptyString = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

/** A value as it appears in an error message (the kernel's wording, shared by every store). */
export const show = describeValue;

/** Stream ids: non-empty, and outside EventStoreDB's `$` namespace of system streams. */
export function streamIdIssue(streamId: unknown): ValidationIssue | undefined {
  if (!isNonEmptyString(streamId))
    return { path: 'streamId', message: 'must be a non-empty string' };
  if (streamId.startsWith('$')) {
    return {
      path: 'streamId',
      message: `'${streamId}' starts with '$', which EventStoreDB reserves for system streams`,
    };
  }
  return undefined;
}

export function checkStreamId(streamId: unknown, subject: string): asserts streamId is string {
  const issue = streamIdIssue(streamId);
  if (issue) throw new ValidationError(subject, [issue]);
}

/** The store's namespace: a plain prefix, outside the `$` system namespace. */
export function checkNamespace(namespace: unknown): string {
  if (namespace === undefined) return '';
  if (typeof namespace !== 'string' || namespace.startsWith('$')) {
    throw new ValidationError('EventStoreDB store options', [
      {
        path: 'namespace',
        message: `must be a string not starting with '$'; got ${show(namespace)}`,
      },
    ]);
  }
  return namespace;
}

export function checkExpectedVersion(expected: unknown, subject: string): ExpectedVersion {
  if (
    expected === 'no-stream' ||
    expected === 'stream-exists' ||
    expected === 'any' ||
    (typeof expected === 'number' && Number.isSafeInteger(expected) && expected >= 0)
  ) {
    return expected;
  }
  throw new ValidationError(subject, [
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
    for (const key of ['id', 'role'] as const) {
      if (!isNonEmptyString(actor[key])) {
        issues.push({ path: `${at}.metadata.actor.${key}`, message: 'must be a non-empty string' });
      }
    }
  }
  for (const key of ['occurredAt', 'recordedAt', 'correlationId', 'hash'] as const) {
    if (typeof m[key] !== 'string') {
      issues.push({ path: `${at}.metadata.${key}`, message: 'must be a string' });
    }
  }
  if (m['prevHash'] !== null && typeof m['prevHash'] !== 'string') {
    issues.push({ path: `${at}.metadata.prevHash`, message: 'must be a string or null' });
  }
  if (m['causationId'] !== undefined && typeof m['causationId'] !== 'string') {
    issues.push({ path: `${at}.metadata.causationId`, message: 'must be a string when present' });
  }
  const shape = jsonShapeIssue(metadata, `${at}.metadata`);
  return shape ? [...issues, shape] : issues;
}

function eventIssues(event: unknown, at: string): ValidationIssue[] {
  if (typeof event !== 'object' || event === null)
    return [{ path: at, message: 'must be an event object' }];
  const e = event as Record<string, unknown>;
  const issues: ValidationIssue[] = [];
  const id = e['id'];
  if (typeof id !== 'string' || !isUlid(id)) {
    issues.push({
      path: `${at}.id`,
      message: `must be a ULID (26 Crockford base-32 characters), which maps to the UUID EventStoreDB requires; got ${show(id)}`,
    });
  }
  const type = e['type'];
  if (!isNonEmptyString(type))
    issues.push({ path: `${at}.type`, message: 'must be a non-empty string' });
  else if (type.startsWith('$')) {
    issues.push({
      path: `${at}.type`,
      message: `'${type}' starts with '$', which EventStoreDB reserves for system events`,
    });
  }
  const version = e['schemaVersion'];
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1) {
    issues.push({ path: `${at}.schemaVersion`, message: 'must be an integer >= 1' });
  }
  const data = jsonShapeIssue(e['data'], `${at}.data`);
  if (data) issues.push(data);
  return [...issues, ...metadataIssues(e['metadata'], at)];
}

/** Validates a whole batch; throws one ValidationError naming every bad field. */
export function checkBatch(streamId: string, events: unknown): readonly EventToAppend[] {
  const subject = `append to '${streamId}'`;
  if (!Array.isArray(events)) {
    throw new ValidationError(subject, [{ path: 'events', message: 'must be an array' }]);
  }
  if (events.length === 0) {
    throw new ValidationError(subject, [
      { path: 'events', message: 'must contain at least one event (empty batch)' },
    ]);
  }
  const issues = events.flatMap((event, i) => eventIssues(event, `events.${i}`));
  if (issues.length > 0) throw new ValidationError(subject, issues);
  return events as readonly EventToAppend[];
}
