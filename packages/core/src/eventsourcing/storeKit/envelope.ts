// The envelope fields every reader relies on (who, when, correlation, the hash chain), checked the
// same way when a store is handed an event and when it decodes one it kept.
import type { ValidationIssue } from '../errors.js';
import { identifierIssue } from './text.js';

const isNonEmptyString = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

/** The usual well-formed metadata, checked without building any issue list. */
export function isWellFormedMetadata(metadata: unknown): boolean {
  if (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata)) return false;
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
    (m['causationId'] === undefined || typeof m['causationId'] === 'string')
  );
}

/** What is wrong with an event's metadata, each issue's path under `at` (e.g. `events.0`). */
export function metadataIssues(metadata: unknown, at: string): ValidationIssue[] {
  if (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata)) {
    return [{ path: `${at}.metadata`, message: 'must be an object' }];
  }
  const m = metadata as Record<string, unknown>;
  const issues: ValidationIssue[] = [];
  const actor = m['actor'] as Record<string, unknown> | null | undefined;
  if (typeof actor !== 'object' || actor === null) {
    issues.push({ path: `${at}.metadata.actor`, message: 'is required (who recorded this)' });
  } else {
    for (const field of ['id', 'role'] as const) {
      if (!isNonEmptyString(actor[field])) {
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
  if (m['causationId'] !== undefined && typeof m['causationId'] !== 'string') {
    issues.push({ path: `${at}.metadata.causationId`, message: 'must be a string when present' });
  }
  return issues;
}

/** The usual well-formed envelope fields (id, type, schemaVersion), checked without issue lists. */
export function isWellFormedEnvelope(event: Record<string, unknown>): boolean {
  const { id, type, schemaVersion: v } = event;
  return (
    isNonEmptyString(id) &&
    isNonEmptyString(type) &&
    identifierIssue(id) === undefined &&
    identifierIssue(type) === undefined &&
    typeof v === 'number' &&
    Number.isSafeInteger(v) &&
    v >= 1
  );
}

/** What is wrong with an event's id, type and schema version, each path under `at`. */
export function envelopeIssues(event: Record<string, unknown>, at: string): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const field of ['id', 'type'] as const) {
    const value = event[field];
    const issue = isNonEmptyString(value) ? identifierIssue(value) : 'must be a non-empty string';
    if (issue !== undefined) issues.push({ path: `${at}.${field}`, message: issue });
  }
  const v = event['schemaVersion'];
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 1) {
    issues.push({ path: `${at}.schemaVersion`, message: 'must be a whole number ≥ 1' });
  }
  return issues;
}

/**
 * Why a decoded event's metadata cannot be read as one (e.g. a row whose metadata is the JSON
 * `42`), or `undefined` when it can. For stores that decode what they kept: report it as a
 * `CorruptedEventError` with reason `unreadable`, never hand it out.
 */
export function storedMetadataProblem(metadata: unknown): string | undefined {
  if (isWellFormedMetadata(metadata)) return undefined;
  const issues = metadataIssues(metadata, '');
  return issues.map((issue) => `${issue.path.slice(1)} ${issue.message}`).join('; ');
}
