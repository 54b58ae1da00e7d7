// The checks of an append every store makes, in one place: the stream id, the options and the
// expected version, each event's envelope, and its data and metadata as storable JSON. A bad
// append is one ValidationError listing every problem, thrown before anything is written.
import type { Actor, EventToAppend, ExpectedVersion } from '../envelope.js';
import { ValidationError, type ValidationIssue } from '../errors.js';
import { checkExpectedVersion } from './expectedVersion.js';
import {
  envelopeIssues,
  isWellFormedEnvelope,
  isWellFormedMetadata,
  metadataIssues,
} from './envelope.js';
import { frozenJsonCopy, frozenMetadataCopy, JsonShapeError, jsonShapeIssue } from './jsonShape.js';
import { describeValue, streamIdIssue } from './readOptions.js';
import { isSealed } from './sealed.js';

/** A store's own rules on top of the common ones, and how it wants the events handed back. */
export interface AppendRules {
  /** A store-specific rule on stream ids (e.g. a reserved prefix): what is wrong, or undefined. */
  readonly streamId?: (streamId: string) => string | undefined;
  /**
   * A store-specific rule on each event (e.g. an id format), run once the common checks passed:
   * its issues, with paths relative to the event (`id`, `type`, `metadata.actor`).
   */
  readonly event?: (event: EventToAppend) => readonly ValidationIssue[];
  /**
   * Hand back data and metadata as deeply frozen copies (for stores that keep the objects they are
   * given, like the memory store), made in the same walk that checks them.
   */
  readonly copy?: boolean;
  /** With `copy`: the one object to keep for an actor seen before (saves a copy per event). */
  readonly shareActor?: (actor: Actor) => Actor;
}

/** An append that passed every check. */
export interface CheckedAppend {
  readonly streamId: string;
  /** The events, with frozen copies of data and metadata when `copy` was asked for. */
  readonly events: readonly EventToAppend[];
  readonly expectedVersion: ExpectedVersion;
}

/**
 * Checks `append(streamId, events, options)` as every store must, whatever the caller's types
 * said (callers may be plain JavaScript): throws one ValidationError naming every bad field, with
 * paths like `events.2.data.parties.0`. Stores compare the expected version to their stream with
 * `assertExpectedVersion` afterwards.
 */
export function checkAppend(
  streamId: unknown,
  events: unknown,
  options: unknown,
  rules: AppendRules = {},
): CheckedAppend {
  const issues: ValidationIssue[] = [];
  const idIssue = streamIdIssue(streamId);
  if (idIssue !== undefined) issues.push(idIssue);
  else {
    const own = rules.streamId?.(streamId as string);
    if (own !== undefined) issues.push({ path: 'streamId', message: own });
  }
  const subject = idIssue === undefined ? `append to '${streamId as string}'` : 'append';

  let expectedVersion: ExpectedVersion = 'any';
  if (typeof options !== 'object' || options === null) {
    issues.push({
      path: 'options',
      message: `must be an object with expectedVersion; got ${describeValue(options)}`,
    });
  } else {
    try {
      expectedVersion = checkExpectedVersion(
        (options as { expectedVersion?: unknown }).expectedVersion,
        subject,
      );
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      issues.push(...error.issues);
    }
  }

  const accepted: EventToAppend[] = [];
  if (!Array.isArray(events)) {
    issues.push({ path: 'events', message: `must be an array; got ${describeValue(events)}` });
  } else if (events.length === 0) {
    issues.push({ path: 'events', message: 'must contain at least one event (empty batch)' });
  } else {
    for (let i = 0; i < events.length; i++) {
      const event = acceptEvent(events[i], `events.${i}`, rules, issues);
      if (event !== undefined) accepted.push(event);
    }
  }
  if (issues.length > 0) throw new ValidationError(subject, issues);
  return { streamId: streamId as string, events: accepted, expectedVersion };
}

/** The event as the store should keep it, or undefined after adding its issues to `issues`. */
function acceptEvent(
  value: unknown,
  at: string,
  rules: AppendRules,
  issues: ValidationIssue[],
): EventToAppend | undefined {
  // Checked, deeply frozen and copied by the ledger that sealed it: only the store's own rule is
  // left to run (its actor may be shared with other events already: that is what sharing is for).
  if (isSealed(value)) {
    const before = issues.length;
    for (const issue of rules.event?.(value) ?? []) {
      issues.push({ path: issue.path === '' ? at : `${at}.${issue.path}`, message: issue.message });
    }
    return issues.length > before ? undefined : value;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    issues.push({ path: at, message: 'must be an event object' });
    return undefined;
  }
  const event = value as Record<string, unknown>;
  if (!isWellFormedEnvelope(event) || !isWellFormedMetadata(event['metadata'])) {
    const found = [...envelopeIssues(event, at), ...metadataIssues(event['metadata'], at)];
    if (found.length > 0) {
      issues.push(...found);
      return undefined;
    }
  }
  const candidate = event as unknown as EventToAppend;
  let data: unknown = candidate.data;
  let metadata: unknown = candidate.metadata;
  const before = issues.length;
  if (rules.copy === true) {
    try {
      data = frozenJsonCopy(candidate.data, `${at}.data`);
    } catch (error) {
      if (!(error instanceof JsonShapeError)) throw error;
      issues.push(error.issue);
    }
    try {
      metadata =
        rules.shareActor === undefined
          ? frozenJsonCopy(candidate.metadata, `${at}.metadata`)
          : frozenMetadataCopy(candidate.metadata, `${at}.metadata`, rules.shareActor);
    } catch (error) {
      if (!(error instanceof JsonShapeError)) throw error;
      issues.push(error.issue);
    }
  } else {
    const dataIssue = jsonShapeIssue(candidate.data, `${at}.data`);
    if (dataIssue !== undefined) issues.push(dataIssue);
    const metadataIssue = jsonShapeIssue(candidate.metadata, `${at}.metadata`);
    if (metadataIssue !== undefined) issues.push(metadataIssue);
  }
  for (const issue of rules.event?.(candidate) ?? []) {
    issues.push({ path: issue.path === '' ? at : `${at}.${issue.path}`, message: issue.message });
  }
  if (issues.length > before) return undefined;
  if (data === candidate.data && metadata === candidate.metadata) return candidate;
  const { id, type, schemaVersion } = candidate;
  return { id, type, schemaVersion, data, metadata: metadata as EventToAppend['metadata'] };
}
