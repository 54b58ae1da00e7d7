// Checks of stream ids and read options that every store makes the same way (direction,
// fromVersion, limit, filters), so a bad value is a clear ValidationError instead of a silently
// empty, endless or wrong read. A string no store can keep (text.ts) is refused in reads too:
// SQLite would turn it into another stream's id.
import { ValidationError, type ValidationIssue } from '../errors.js';
import type { GlobalFilter, ReadStreamOptions } from '../store.js';
import { identifierIssue } from './text.js';

/** A value as it appears in an error message. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) {
    return String(value);
  }
  if (value === undefined) return 'undefined';
  return Array.isArray(value) ? 'an array' : `a ${typeof value}`;
}

const isCount = (v: unknown): boolean => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/** What is wrong with a stream id (path `streamId`), or `undefined` when nothing is. */
export function streamIdIssue(streamId: unknown): ValidationIssue | undefined {
  if (typeof streamId !== 'string' || streamId === '') {
    return {
      path: 'streamId',
      message: `must be a non-empty string; got ${describeValue(streamId)}`,
    };
  }
  const issue = identifierIssue(streamId);
  return issue === undefined ? undefined : { path: 'streamId', message: issue };
}

/** Throws a ValidationError about `subject` unless `streamId` is a non-empty, storable string. */
export function checkStreamId(streamId: unknown, subject: string): asserts streamId is string {
  const issue = streamIdIssue(streamId);
  if (issue !== undefined) throw new ValidationError(subject, [issue]);
}

/** Options are an object (or left out, which callers default to `{}`). */
function checkOptionsObject(options: unknown, subject: string): void {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new ValidationError(subject, [
      { path: 'options', message: `must be an object; got ${describeValue(options)}` },
    ]);
  }
}

function limitIssues(limit: unknown): ValidationIssue[] {
  return limit === undefined || isCount(limit)
    ? []
    : [{ path: 'limit', message: `must be an integer >= 0; got ${describeValue(limit)}` }];
}

/** Checks a stream read's id and options; the error names the stream and every bad option. */
export function checkStreamReadOptions(options: ReadStreamOptions, streamId: string): void {
  checkOptionsObject(options, `read of stream '${String(streamId)}'`);
  const issues = limitIssues(options.limit);
  const idIssue = streamIdIssue(streamId);
  if (idIssue !== undefined) issues.unshift(idIssue);
  const direction: unknown = options.direction;
  if (direction !== undefined && direction !== 'forwards' && direction !== 'backwards') {
    issues.push({
      path: 'direction',
      message: `must be 'forwards' or 'backwards'; got ${describeValue(direction)}`,
    });
  }
  if (options.fromVersion !== undefined && !isCount(options.fromVersion)) {
    issues.push({
      path: 'fromVersion',
      message: `must be a version >= 0; got ${describeValue(options.fromVersion)}`,
    });
  }
  if (issues.length > 0) {
    const name = idIssue === undefined ? `stream '${streamId}'` : 'a stream';
    throw new ValidationError(`read of ${name}`, issues);
  }
}

/** Checks the filters and limit of a global read, subscription or count. */
export function checkGlobalReadOptions(
  options: GlobalFilter & { readonly limit?: number },
  subject: string,
): void {
  checkOptionsObject(options, subject);
  const issues = limitIssues(options.limit);
  const types: unknown = options.types;
  if (types !== undefined) {
    if (!Array.isArray(types) || !types.every((t): t is string => typeof t === 'string')) {
      issues.push({ path: 'types', message: 'must be an array of event type names' });
    } else {
      for (const [i, type] of types.entries()) {
        const issue = identifierIssue(type);
        if (issue !== undefined) issues.push({ path: `types.${i}`, message: issue });
      }
    }
  }
  const prefix: unknown = options.streamPrefix;
  if (prefix !== undefined) {
    const issue = typeof prefix === 'string' ? identifierIssue(prefix) : 'must be a string';
    if (issue !== undefined) issues.push({ path: 'streamPrefix', message: issue });
  }
  if (issues.length > 0) throw new ValidationError(subject, issues);
}

/** Throws a ValidationError about `subject` unless `limit` is absent or a count. */
export function checkReadLimit(limit: unknown, subject: string): void {
  const issues = limitIssues(limit);
  if (issues.length > 0) throw new ValidationError(subject, issues);
}
