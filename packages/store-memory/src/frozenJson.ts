// Copies event data and metadata into the store as deeply frozen JSON values in one pass, so a
// caller can neither smuggle in something JSON stores would lose nor mutate what was stored.
import type { ValidationIssue } from '@gridledger/core';

/** Thrown inside the walk; the caller turns it into a ValidationError for the whole event. */
export class JsonShapeError extends Error {
  readonly issue: ValidationIssue;
  constructor(issue: ValidationIssue) {
    super(issue.message);
    this.issue = issue;
  }
}

const join = (path: string, key: string | number): string => (path ? `${path}.${key}` : `${key}`);

function describe(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'bigint') return 'a bigint';
  if (typeof value === 'symbol') return 'a symbol';
  if (typeof value === 'number') return String(value);
  const name = (Object.getPrototypeOf(value) as { constructor?: { name?: string } } | null)
    ?.constructor?.name;
  return name ? `a ${name}` : 'an exotic object';
}

function reject(path: string, value: unknown): never {
  throw new JsonShapeError({
    path,
    message: `${describe(value)} is not JSON-compatible (use null, booleans, finite numbers, strings, arrays and plain objects)`,
  });
}

/**
 * Returns a frozen deep copy of `value`, or throws JsonShapeError naming the first path that is
 * not plain JSON. Like a JSON round trip in any other store, and like the kernel's canonical
 * encoding that hashes the event, a property whose value is `undefined` is left out and `-0`
 * becomes `0`; an `undefined` array element (or hole) is refused, since JSON would turn it into
 * `null` and change its meaning.
 */
export function frozenJsonCopy(value: unknown, path: string): unknown {
  return copy(value, path, new Set());
}

function copy(value: unknown, path: string, ancestors: Set<object>): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      if (!Number.isFinite(value)) reject(path, value);
      return value === 0 ? 0 : value;
    case 'object':
      if (value === null) return null;
      return copyObject(value, path, ancestors);
    case 'undefined':
    case 'bigint':
    case 'symbol':
    case 'function':
      return reject(path, value);
  }
}

function copyObject(value: object, path: string, ancestors: Set<object>): unknown {
  if (ancestors.has(value)) {
    throw new JsonShapeError({ path, message: 'circular reference' });
  }
  ancestors.add(value);
  let result: unknown;
  if (Array.isArray(value)) {
    const items: unknown[] = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) items[i] = copy(value[i], join(path, i), ancestors);
    result = Object.freeze(items);
  } else {
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) reject(path, value);
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      const raw = (value as Record<string, unknown>)[key];
      if (raw === undefined) continue;
      const item = copy(raw, join(path, key), ancestors);
      // A plain assignment to `__proto__` would set the prototype instead of a property.
      if (key === '__proto__') {
        Object.defineProperty(out, key, { value: item, enumerable: true, writable: true });
      } else out[key] = item;
    }
    result = Object.freeze(out);
  }
  ancestors.delete(value);
  return result;
}
