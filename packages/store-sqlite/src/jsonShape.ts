// Refuses values that a JSON column would silently change (NaN, Infinity, undefined in arrays,
// Dates, Maps, class instances, bigints, cycles), so what is read back is what was appended.
import type { ValidationIssue } from '@gridledger/core';

function describe(value: unknown): string {
  switch (typeof value) {
    case 'undefined':
      return 'undefined';
    case 'function':
      return 'a function';
    case 'bigint':
      return 'a bigint';
    case 'symbol':
      return 'a symbol';
    case 'number':
      return String(value);
    case 'string':
    case 'boolean':
    case 'object': {
      const proto = Object.getPrototypeOf(value) as { constructor?: { name?: string } } | null;
      const name = proto?.constructor?.name;
      return name ? `a ${name}` : 'an exotic object';
    }
  }
}

const notJson = (value: unknown): string =>
  `${describe(value)} is not JSON-compatible (use null, booleans, finite numbers, strings, arrays and plain objects)`;

/**
 * The first place where `value` is not plain JSON, or undefined when it all is. As in JSON, a
 * property whose value is `undefined` is left out; an `undefined` array element is refused,
 * because JSON would turn it into `null` and change its meaning.
 */
export function jsonIssue(value: unknown, path: string): ValidationIssue | undefined {
  // The path is kept as a stack of keys and joined only when something is wrong, so checking a
  // valid event allocates nothing per property.
  const keys: (string | number)[] = [path];
  const message = walk(value, keys, []);
  return message === undefined ? undefined : { path: keys.join('.'), message };
}

function walk(value: unknown, keys: (string | number)[], ancestors: object[]): string | undefined {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return undefined;
    case 'number':
      return Number.isFinite(value) ? undefined : notJson(value);
    case 'undefined':
    case 'bigint':
    case 'symbol':
    case 'function':
      return notJson(value);
    case 'object':
      if (value === null) return undefined;
      return walkObject(value, keys, ancestors);
  }
}

function walkObject(
  value: object,
  keys: (string | number)[],
  ancestors: object[],
): string | undefined {
  // Ancestors are few (the nesting depth), so a list beats allocating a Set per event.
  if (ancestors.includes(value)) return 'circular reference';
  let message: string | undefined;
  if (Array.isArray(value)) {
    ancestors.push(value);
    for (let i = 0; i < value.length; i++) {
      keys.push(i);
      message = walk(value[i], keys, ancestors);
      if (message !== undefined) return message;
      keys.pop();
    }
  } else {
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return notJson(value);
    ancestors.push(value);
    for (const key of Object.keys(value)) {
      const item = (value as Record<string, unknown>)[key];
      if (item === undefined) continue;
      keys.push(key);
      message = walk(item, keys, ancestors);
      if (message !== undefined) return message;
      keys.pop();
    }
  }
  ancestors.pop();
  return undefined;
}
