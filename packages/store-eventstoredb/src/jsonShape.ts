// Event data and metadata travel to EventStoreDB as JSON. A value JSON would silently change
// (undefined array items, NaN, a Date, a class instance) is refused before anything is sent.
import type { ValidationIssue } from '@gridledger/core';

function describe(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'bigint') return 'a bigint';
  if (typeof value === 'symbol') return 'a symbol';
  if (typeof value === 'number') return String(value);
  const proto = Object.getPrototypeOf(value) as { constructor?: { name?: string } } | null;
  return proto?.constructor?.name ? `a ${proto.constructor.name}` : 'an exotic object';
}

const join = (path: string, key: string | number): string => `${path}.${key}`;

/**
 * The first place where `value` is not plain JSON, or undefined when it all is. Object properties
 * whose value is `undefined` are allowed: they are left out, as in every other store.
 */
export function jsonShapeIssue(value: unknown, path: string): ValidationIssue | undefined {
  return walk(value, path, new Set());
}

function walk(value: unknown, path: string, ancestors: Set<object>): ValidationIssue | undefined {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return undefined;
    case 'number':
      return Number.isFinite(value) ? undefined : refuse(path, value);
    case 'object':
      return value === null ? undefined : walkObject(value, path, ancestors);
    case 'undefined':
    case 'bigint':
    case 'symbol':
    case 'function':
      return refuse(path, value);
  }
}

function walkObject(
  value: object,
  path: string,
  ancestors: Set<object>,
): ValidationIssue | undefined {
  if (ancestors.has(value)) return { path, message: 'circular reference' };
  ancestors.add(value);
  let issue: ValidationIssue | undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length && issue === undefined; i++) {
      issue = walk(value[i], join(path, i), ancestors);
    }
  } else {
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return refuse(path, value);
    for (const [key, item] of Object.entries(value)) {
      if (item !== undefined) issue ??= walk(item, join(path, key), ancestors);
    }
  }
  ancestors.delete(value);
  return issue;
}

const refuse = (path: string, value: unknown): ValidationIssue => ({
  path,
  message: `${describe(value)} is not JSON-compatible (use null, booleans, finite numbers, strings, arrays and plain objects)`,
});
