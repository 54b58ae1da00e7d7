// Checks read options so a bad value is a clear ValidationError instead of a silently empty or
// endless read.
import { ValidationError, type ReadStreamOptions, type ValidationIssue } from '@gridledger/core';
import { show } from './appendInput.js';

const isCount = (v: unknown): boolean => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

export function limitIssues(limit: unknown): ValidationIssue[] {
  return limit === undefined || isCount(limit)
    ? []
    : [{ path: 'limit', message: `must be an integer >= 0; got ${show(limit)}` }];
}

export function checkStreamReadOptions(options: ReadStreamOptions, streamId: string): void {
  const issues = limitIssues(options.limit);
  const direction: unknown = options.direction;
  if (direction !== undefined && direction !== 'forwards' && direction !== 'backwards') {
    issues.push({
      path: 'direction',
      message: `must be 'forwards' or 'backwards'; got ${show(direction)}`,
    });
  }
  if (options.fromVersion !== undefined && !isCount(options.fromVersion)) {
    issues.push({
      path: 'fromVersion',
      message: `must be a version >= 0; got ${show(options.fromVersion)}`,
    });
  }
  if (issues.length > 0) throw new ValidationError(`read of stream '${streamId}'`, issues);
}

export function checkLimit(limit: unknown, subject: string): void {
  const issues = limitIssues(limit);
  if (issues.length > 0) throw new ValidationError(subject, issues);
}
