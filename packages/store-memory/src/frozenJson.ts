// Copies event data and metadata into the store as deeply frozen JSON values in one pass, so a
// caller can neither smuggle in something JSON stores would lose nor mutate what was stored.
import type { ValidationIssue } from '@gridledger/core';

/** Deeper than this is treated as a mistake (and is how a cycle is caught without a Set). */
const MAX_DEPTH = 1000;

/** Thrown inside the walk; the caller turns it into a ValidationError for the whole event. */
export class JsonShapeError extends Error {
  readonly issue: ValidationIssue;
  constructor(issue: ValidationIssue) {
    super(issue.message);
    this.issue = issue;
  }
}

/** Raised at the bad value; each level it unwinds through prepends its key. */
class BadValue extends Error {
  readonly keys: (string | number)[] = [];
  constructor(
    message: string,
    readonly tooDeep = false,
  ) {
    super(message);
  }
}

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

const notJson = (value: unknown): BadValue =>
  new BadValue(
    `${describe(value)} is not JSON-compatible (use null, booleans, finite numbers, strings, arrays and plain objects)`,
  );

/**
 * A frozen copy of an event's metadata whose `actor` is the pooled copy (see actorPool.ts) when
 * it is a plain actor; anything else is copied and checked like `frozenJsonCopy` does.
 */
export function frozenMetadataCopy(
  metadata: object,
  path: string,
  intern: (actor: unknown) => unknown,
): unknown {
  const proto: unknown = Object.getPrototypeOf(metadata);
  const plain = proto === Object.prototype || proto === null;
  const actor = plain ? intern((metadata as { actor?: unknown }).actor) : undefined;
  if (actor === undefined) return frozenJsonCopy(metadata, path);
  const stack: object[] = [metadata];
  const out: Record<string, unknown> = {};
  let key = '';
  try {
    for (key of Object.keys(metadata)) {
      if (key === 'actor') {
        out[key] = actor;
        continue;
      }
      const raw = (metadata as Record<string, unknown>)[key];
      if (raw === undefined) continue;
      const item = copy(raw, stack);
      if (key === '__proto__') {
        Object.defineProperty(out, key, { value: item, enumerable: true, writable: true });
      } else out[key] = item;
    }
  } catch {
    // Said again by the general copy, with the path of the value it refuses.
    return frozenJsonCopy(metadata, path);
  }
  return Object.freeze(out);
}

/**
 * Returns a frozen deep copy of `value`, or throws JsonShapeError naming the first path that is
 * not plain JSON. Like a JSON round trip in any other store, and like the kernel's canonical
 * encoding that hashes the event, a property whose value is `undefined` is left out and `-0`
 * becomes `0`; an `undefined` array element (or hole) is refused, since JSON would turn it into
 * `null` and change its meaning.
 */
export function frozenJsonCopy(value: unknown, path: string): unknown {
  // Objects on the way down; left as they are on a failure, to tell a cycle from deep nesting.
  const stack: object[] = [];
  try {
    return copy(value, stack);
  } catch (error) {
    if (!(error instanceof BadValue)) throw error;
    let keys = error.keys;
    let message = error.message;
    if (error.tooDeep) {
      const repeat = stack.findIndex((object, i) => stack.indexOf(object) !== i);
      if (repeat >= 0) {
        keys = keys.slice(0, repeat);
        message = 'circular reference';
      }
    }
    const suffix = keys.join('.');
    throw new JsonShapeError({
      path: path && suffix ? `${path}.${suffix}` : path || suffix,
      message,
    });
  }
}

// Paths are rebuilt only on failure, so the common case allocates nothing but the copy.
function copy(value: unknown, stack: object[]): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      if (!Number.isFinite(value)) throw notJson(value);
      return value === 0 ? 0 : value;
    case 'object':
      if (value === null) return null;
      if (stack.length === MAX_DEPTH) {
        throw new BadValue(`nested more than ${MAX_DEPTH} levels deep`, true);
      }
      stack.push(value);
      {
        const result = Array.isArray(value) ? copyArray(value, stack) : copyObject(value, stack);
        stack.pop();
        return result;
      }
    case 'undefined':
    case 'bigint':
    case 'symbol':
    case 'function':
      throw notJson(value);
  }
}

function copyArray(value: readonly unknown[], stack: object[]): readonly unknown[] {
  const items: unknown[] = new Array<unknown>(value.length);
  let i = 0;
  try {
    for (; i < value.length; i++) items[i] = copy(value[i], stack);
  } catch (error) {
    if (error instanceof BadValue) error.keys.unshift(i);
    throw error;
  }
  return Object.freeze(items);
}

function copyObject(value: object, stack: object[]): object {
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) throw notJson(value);
  const out: Record<string, unknown> = {};
  let key = '';
  try {
    for (key of Object.keys(value)) {
      const raw = (value as Record<string, unknown>)[key];
      if (raw === undefined) continue;
      const item = copy(raw, stack);
      // A plain assignment to `__proto__` would set the prototype instead of a property.
      if (key === '__proto__') {
        Object.defineProperty(out, key, { value: item, enumerable: true, writable: true });
      } else out[key] = item;
    }
  } catch (error) {
    if (error instanceof BadValue) error.keys.unshift(key);
    throw error;
  }
  return Object.freeze(out);
}
