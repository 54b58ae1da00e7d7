// Every check of what callers hand the store, in one place: an append is refused with one
// ValidationError naming every wrong field before any connection is taken, and text that
// PostgreSQL would refuse (NUL) or silently change (a lone surrogate becomes U+FFFD) never reaches
// it. To be replaced by the kernel's store kit (`@gridledger/core/store`) once it lands.
import {
  ValidationError,
  checkGlobalReadOptions,
  type EventToAppend,
  type ExpectedVersion,
  type GlobalFilter,
  type ValidationIssue,
} from '@gridledger/core/store';

/** One append, ready for the `append_events` function: one array per column. */
export interface AppendRows {
  readonly ids: string[];
  readonly types: string[];
  readonly schemaVersions: number[];
  readonly data: string[];
  readonly metadata: string[];
}

const BROKEN_TEXT = /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a string cannot be stored as PostgreSQL text exactly, or undefined when it can. */
export function textIssue(value: string): string | undefined {
  const found = BROKEN_TEXT.exec(value);
  if (found === null) return undefined;
  return found[0] === '\0'
    ? 'must not contain the NUL character (PostgreSQL text cannot hold it)'
    : 'must be well-formed Unicode (it holds a lone surrogate)';
}

/** Adds an issue unless `value` is a non-empty string PostgreSQL stores exactly. */
export function checkName(value: unknown, path: string, issues: ValidationIssue[]): void {
  if (typeof value !== 'string' || value === '') {
    issues.push({ path, message: 'must be a non-empty string' });
    return;
  }
  const issue = textIssue(value);
  if (issue !== undefined) issues.push({ path, message: issue });
}

function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  return typeof value === 'object' && value !== null ? 'an object' : String(value);
}

/** The expected version as the `append_events` function takes it: -1 any, -2 none, -3 exists. */
function expectedCode(value: unknown, issues: ValidationIssue[]): number {
  if (value === 'any') return -1;
  if (value === 'no-stream') return -2;
  if (value === 'stream-exists') return -3;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value;
  issues.push({
    path: 'expectedVersion',
    message: `must be a version ≥ 0, 'no-stream', 'stream-exists' or 'any', got ${show(value)}`,
  });
  return 0;
}

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
      const value = (actor as Record<string, unknown>)[field];
      if (typeof value !== 'string' || value === '') {
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
  checkName(e['id'], `${at}.id`, issues);
  checkName(e['type'], `${at}.type`, issues);
  const version = e['schemaVersion'];
  // The column is a PostgreSQL integer.
  if (!(
    typeof version === 'number' &&
    Number.isInteger(version) &&
    version >= 1 &&
    version < 2 ** 31
  )) {
    issues.push({ path: `${at}.schemaVersion`, message: 'must be a whole number ≥ 1' });
  }
  checkMetadata(e['metadata'], at, issues);
  for (const field of ['data', 'metadata'] as const) {
    const issue = jsonIssue(e[field], `${at}.${field}`);
    if (issue !== undefined) issues.push(issue);
  }
  return issues.length === before;
}

/** Validates a whole append and returns its columns and expected-version code, or throws. */
export function prepareAppend(
  streamId: string,
  events: readonly EventToAppend[],
  expectedVersion: ExpectedVersion,
): { rows: AppendRows; expected: number } {
  // Typed parameters, but callers may be plain JavaScript: everything is checked at run time.
  const issues: ValidationIssue[] = [];
  checkName(streamId, 'streamId', issues);
  const expected = expectedCode(expectedVersion, issues);
  const rows: AppendRows = { ids: [], types: [], schemaVersions: [], data: [], metadata: [] };
  if (!Array.isArray(events)) {
    issues.push({ path: 'events', message: 'must be an array' });
  } else if (events.length === 0) {
    issues.push({ path: 'events', message: 'must contain at least one event (empty batch)' });
  } else {
    for (let i = 0; i < events.length; i++) {
      const event: unknown = events[i];
      if (!checkEvent(event, `events.${i}`, issues)) continue;
      rows.ids.push(event.id);
      rows.types.push(event.type);
      rows.schemaVersions.push(event.schemaVersion);
      // JSON.stringify escapes NUL and lone surrogates, so the text is always storable.
      rows.data.push(JSON.stringify(event.data));
      rows.metadata.push(JSON.stringify(event.metadata));
    }
  }
  if (issues.length > 0) {
    const subject =
      typeof streamId === 'string' && streamId !== '' ? `append to '${streamId}'` : 'append';
    throw new ValidationError(subject, issues);
  }
  return { rows, expected };
}

/** The kernel's checks of global-read options, plus text PostgreSQL can hold exactly. */
export function checkGlobalFilter(
  options: GlobalFilter & { readonly limit?: number },
  subject: string,
): void {
  checkGlobalReadOptions(options, subject);
  const issues: ValidationIssue[] = [];
  options.types?.forEach((type, i) => checkName(type, `types.${i}`, issues));
  if (options.streamPrefix !== undefined && options.streamPrefix !== '') {
    checkName(options.streamPrefix, 'streamPrefix', issues);
  }
  if (issues.length > 0) throw new ValidationError(subject, issues);
}

const notJson = (value: unknown): string => {
  const kind =
    typeof value === 'object' && value !== null
      ? `a ${(Object.getPrototypeOf(value) as { constructor?: { name?: string } } | null)?.constructor?.name ?? 'exotic object'}`
      : typeof value === 'number'
        ? String(value)
        : typeof value === 'undefined'
          ? 'undefined'
          : `a ${typeof value}`;
  return `${kind} is not JSON-compatible (use null, booleans, finite numbers, strings, arrays and plain objects)`;
};

/**
 * The first place where `value` is not plain JSON (which a text column would silently change),
 * or undefined. As in JSON, a property whose value is `undefined` is left out; an `undefined`
 * array element is refused, because JSON would turn it into `null`.
 */
export function jsonIssue(value: unknown, path: string): ValidationIssue | undefined {
  const keys: (string | number)[] = [path];
  const message = walk(value, keys, []);
  return message === undefined ? undefined : { path: keys.join('.'), message };
}

function walk(value: unknown, keys: (string | number)[], ancestors: object[]): string | undefined {
  if (typeof value === 'string' || typeof value === 'boolean' || value === null) return undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : notJson(value);
  if (typeof value !== 'object') return notJson(value);
  if (ancestors.includes(value)) return 'circular reference';
  const isArray = Array.isArray(value);
  if (!isArray) {
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return notJson(value);
  }
  ancestors.push(value);
  const entries: [string | number, unknown][] = isArray
    ? value.map((item, i) => [i, item])
    : Object.entries(value).filter(([, item]) => item !== undefined);
  for (const [key, item] of entries) {
    keys.push(key);
    const message = walk(item, keys, ancestors);
    if (message !== undefined) return message;
    keys.pop();
  }
  ancestors.pop();
  return undefined;
}
