// Checks of read options that every store makes the same way (direction, fromVersion, limit,
// filters), so a bad value is a clear ValidationError instead of a silently empty or endless read.
// Exported for store authors: a new store calls these rather than writing its own.
import { ValidationError, type ValidationIssue } from './errors.js';
import type { GlobalFilter, ReadStreamOptions } from './store.js';

/** A value as it appears in an error message. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) {
    return String(value);
  }
  if (value === undefined) return 'undefined';
  return `a ${typeof value}`;
}

const isCount = (v: unknown): boolean => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

function limitIssues(limit: unknown): ValidationIssue[] {
  return limit === undefined || isCount(limit)
    ? []
    : [{ path: 'limit', message: `must be an integer >= 0; got ${describeValue(limit)}` }];
}

export function checkStreamReadOptions(options: ReadStreamOptions, streamId: string): void {
  const issues = limitIssues(options.limit);
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
  if (issues.length > 0) throw new ValidationError(`read of stream '${streamId}'`, issues);
}

export function checkGlobalReadOptions(
  options: GlobalFilter & { readonly limit?: number },
  subject: string,
): void {
  const issues = limitIssues(options.limit);
  const types: unknown = options.types;
  if (
    types !== undefined &&
    (!Array.isArray(types) || !types.every((t): t is string => typeof t === 'string'))
  ) {
    issues.push({ path: 'types', message: 'must be an array of event type names' });
  }
  const prefix: unknown = options.streamPrefix;
  if (prefix !== undefined && typeof prefix !== 'string') {
    issues.push({ path: 'streamPrefix', message: 'must be a string' });
  }
  if (issues.length > 0) throw new ValidationError(subject, issues);
}

/** Throws a ValidationError about `subject` unless `limit` is absent or a count. */
export function checkReadLimit(limit: unknown, subject: string): void {
  const issues = limitIssues(limit);
  if (issues.length > 0) throw new ValidationError(subject, issues);
}
