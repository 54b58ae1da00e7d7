// Event data and metadata must be plain JSON that every store keeps exactly: no value JSON would
// silently change (NaN, Infinity, undefined in an array, a Date, a Map, a class instance, a
// bigint, a cycle), no string a store cannot keep (see text.ts), and no nesting deeper than
// MAX_JSON_DEPTH. One walk checks it, and for stores that keep the objects themselves (memory)
// the same walk makes the deeply frozen copy they keep.
import type { Actor } from '../envelope.js';
import type { ValidationIssue } from '../errors.js';
import { MAX_JSON_DEPTH, textIssue } from './text.js';

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

/** Thrown by `frozenJsonCopy` for a value that is not storable JSON. */
export class JsonShapeError extends Error {
  readonly issue: ValidationIssue;
  constructor(issue: ValidationIssue) {
    super(`${issue.path}: ${issue.message}`);
    this.issue = issue;
  }
}

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
    case 'boolean':
    case 'string':
    case 'object': {
      const proto = Object.getPrototypeOf(value) as { constructor?: { name?: string } } | null;
      const name = proto?.constructor?.name;
      return name ? `a ${name}` : 'an exotic object';
    }
  }
}

const notJson = (value: unknown): BadValue =>
  new BadValue(
    `${describe(value)} is not JSON-compatible (use null, booleans, finite numbers, strings, arrays and plain objects)`,
  );

/** Copies `value` when `copying`, else only checks it; objects on the way down are on `stack`. */
function visit(value: unknown, stack: object[], copying: boolean): unknown {
  switch (typeof value) {
    case 'string': {
      const issue = textIssue(value);
      if (issue !== undefined) throw new BadValue(issue);
      return value;
    }
    case 'boolean':
      return value;
    case 'number':
      if (!Number.isFinite(value)) throw notJson(value);
      // JSON has no negative zero: every store reads it back as 0.
      return value === 0 ? 0 : value;
    case 'object': {
      if (value === null) return null;
      if (stack.length === MAX_JSON_DEPTH) {
        throw new BadValue(`nested more than ${MAX_JSON_DEPTH} levels deep`, true);
      }
      stack.push(value);
      const result = Array.isArray(value)
        ? visitArray(value, stack, copying)
        : visitObject(value, stack, copying);
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

function visitArray(value: readonly unknown[], stack: object[], copying: boolean): unknown {
  const items: unknown[] | undefined = copying ? new Array<unknown>(value.length) : undefined;
  let i = 0;
  try {
    // `undefined` (or a hole) would silently become `null`, changing the meaning.
    for (; i < value.length; i++) {
      const item = visit(value[i], stack, copying);
      if (items !== undefined) items[i] = item;
    }
  } catch (error) {
    if (error instanceof BadValue) error.keys.unshift(i);
    throw error;
  }
  return items === undefined ? value : Object.freeze(items);
}

function visitObject(value: object, stack: object[], copying: boolean): unknown {
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) throw notJson(value);
  const out: Record<string, unknown> | undefined = copying ? {} : undefined;
  let key = '';
  try {
    for (key of Object.keys(value)) {
      const raw = (value as Record<string, unknown>)[key];
      // Left out, as JSON and every store leave it out.
      if (raw === undefined) continue;
      const keyIssue = textIssue(key);
      if (keyIssue !== undefined) throw new BadValue(`the key ${keyIssue}`);
      const item = visit(raw, stack, copying);
      if (out === undefined) continue;
      // A plain assignment to `__proto__` would set the prototype instead of a property.
      if (key === '__proto__') {
        Object.defineProperty(out, key, { value: item, enumerable: true, writable: true });
      } else out[key] = item;
    }
  } catch (error) {
    if (error instanceof BadValue) error.keys.unshift(key);
    throw error;
  }
  return out === undefined ? value : Object.freeze(out);
}

/** Runs a walk from `path`, turning a bad value into the issue that names where it is. */
function walk(value: unknown, path: string, copying: boolean, within: object[] = []): unknown {
  const stack = within;
  const outer = within.length;
  try {
    return visit(value, stack, copying);
  } catch (error) {
    if (!(error instanceof BadValue)) throw error;
    let keys = error.keys;
    let message = error.message;
    // Too deep because it loops back on itself: say so, at the place where it does.
    if (error.tooDeep) {
      const repeat = stack.findIndex((object, i) => stack.indexOf(object) !== i);
      if (repeat >= 0) {
        keys = keys.slice(0, Math.max(0, repeat - outer));
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

/**
 * The first place where `value` is not storable JSON (path like `events.0.data.parties.1`), or
 * `undefined` when it all is. As in JSON, a property whose value is `undefined` is left out.
 */
export function jsonShapeIssue(value: unknown, path: string): ValidationIssue | undefined {
  try {
    walk(value, path, false);
    return undefined;
  } catch (error) {
    if (error instanceof JsonShapeError) return error.issue;
    throw error;
  }
}

/**
 * A deeply frozen copy of `value` (properties whose value is `undefined` left out, `-0` as `0`),
 * or a `JsonShapeError` naming the first place it is not storable JSON.
 */
export function frozenJsonCopy(value: unknown, path: string): unknown {
  return walk(value, path, true);
}

const isPlainActor = (value: unknown): value is Actor => {
  if (typeof value !== 'object' || value === null) return false;
  if (Object.getPrototypeOf(value) !== Object.prototype) return false;
  const { id, role, name } = value as Record<string, unknown>;
  const keys = Object.keys(value).length;
  return (
    typeof id === 'string' &&
    typeof role === 'string' &&
    (name === undefined ? keys === 2 : typeof name === 'string' && keys === 3)
  );
};

/**
 * A frozen copy of metadata, like `frozenJsonCopy`, whose `actor` (when it is a plain
 * `{ id, role, name? }` of storable strings) is what `share` returns for it: a store holding the
 * same few officers on many events can keep one object per actor. Keys keep their order.
 */
export function frozenMetadataCopy(
  metadata: unknown,
  path: string,
  share: (actor: Actor) => Actor,
): unknown {
  const proto: unknown =
    typeof metadata === 'object' && metadata !== null ? Object.getPrototypeOf(metadata) : undefined;
  const actor = (metadata as { actor?: unknown } | undefined)?.actor;
  if (
    (proto !== Object.prototype && proto !== null) ||
    !isPlainActor(actor) ||
    jsonShapeIssue(actor, '') !== undefined
  ) {
    return frozenJsonCopy(metadata, path);
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(metadata as object)) {
    const raw = (metadata as Record<string, unknown>)[key];
    if (key === 'actor') out[key] = share(actor);
    else if (raw !== undefined && key !== '__proto__' && textIssue(key) === undefined) {
      out[key] = walk(raw, path === '' ? key : `${path}.${key}`, true, [metadata as object]);
    } else if (raw !== undefined) {
      // Unusual keys: the general copy says what is wrong, or copies them faithfully.
      return frozenJsonCopy(metadata, path);
    }
  }
  return Object.freeze(out);
}
