// Canonical JSON: one exact string for one value, whatever the key order, so a hash computed
// today matches the hash recomputed by an auditor from any store's copy. For the values it accepts
// the output equals RFC 8785 (JCS): keys sorted by UTF-16 code units, ECMAScript number form.
import { ValidationError } from './errors.js';

/** A value canonical JSON can carry without loss. */
export type JsonValue =
  null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/**
 * Encodes `value` canonically. Object properties that are `undefined` are left out (as a store
 * would drop them); anything JSON would silently change is refused with a ValidationError naming
 * its path: non-finite numbers, `undefined` in arrays, functions, symbols, bigints, cycles, and
 * objects that are not plain (Date, Map, Set, class instances, typed arrays…).
 */
export function canonicalJson(value: unknown, subject = 'value'): string {
  try {
    return JSON.stringify(sortedCopy(value, 0));
  } catch (error) {
    if (error !== NOT_SIMPLE) throw error;
  }
  // The careful writer gives the same string, or the error naming what was refused and where.
  return new Writer(subject).write(value);
}

/** Thrown by the fast path for anything it leaves to the careful writer. */
const NOT_SIMPLE = new Error('not simple JSON');
/** Deeper than this the careful writer decides (and tells a cycle from deep nesting). */
const MAX_FAST_DEPTH = 200;

/**
 * A copy of `value` with every object's keys inserted in sorted order, so the engine's own
 * `JSON.stringify` writes canonical JSON: several times faster than writing it piece by piece.
 * Keys starting with a digit are left to the careful writer, because the engine lists
 * integer-like keys first whatever their insertion order, and `__proto__` because assigning it
 * would set the prototype.
 */
function sortedCopy(value: unknown, depth: number): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      if (!Number.isFinite(value)) throw NOT_SIMPLE;
      return value;
    case 'object': {
      if (value === null) return null;
      if (depth === MAX_FAST_DEPTH) throw NOT_SIMPLE;
      if (Array.isArray(value)) {
        const items = new Array<unknown>(value.length);
        for (let i = 0; i < value.length; i++) items[i] = sortedCopy(value[i], depth + 1);
        return items;
      }
      const proto = Object.getPrototypeOf(value) as unknown;
      if (proto !== Object.prototype && proto !== null) throw NOT_SIMPLE;
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record).sort();
      const out: Record<string, unknown> = {};
      for (const key of keys) {
        const first = key.charCodeAt(0);
        if ((first >= 48 && first <= 57) || key === '__proto__') throw NOT_SIMPLE;
        const item = record[key];
        if (item !== undefined) out[key] = sortedCopy(item, depth + 1);
      }
      return out;
    }
    case 'undefined':
    case 'function':
    case 'symbol':
    case 'bigint':
      throw NOT_SIMPLE;
  }
}

/**
 * One encoding pass. Paths are kept as a stack of segments and joined only when a value is
 * refused: building a path string for every node was most of the encoder's cost on appends.
 */
class Writer {
  private readonly path: (string | number)[] = [];
  private readonly ancestors: object[] = [];
  constructor(private readonly subject: string) {}

  write(value: unknown): string {
    switch (typeof value) {
      case 'string':
      case 'boolean':
        return JSON.stringify(value);
      case 'number':
        if (!Number.isFinite(value)) this.reject(`${String(value)} is not a finite number`);
        return JSON.stringify(value);
      case 'object': {
        if (value === null) return 'null';
        // Nesting is shallow in practice, so a linear scan beats a Set's allocation.
        if (this.ancestors.includes(value)) this.reject('circular reference');
        this.ancestors.push(value);
        const out = Array.isArray(value) ? this.writeArray(value) : this.writeObject(value);
        this.ancestors.pop();
        return out;
      }
      case 'undefined':
      case 'function':
      case 'symbol':
      case 'bigint':
        return this.reject(`${typeof value} cannot be encoded as JSON`);
    }
  }

  private writeArray(items: readonly unknown[]): string {
    let out = '[';
    for (let i = 0; i < items.length; i++) {
      if (i > 0) out += ',';
      // `undefined` (or a hole) would silently become `null`, changing the meaning.
      this.path.push(i);
      out += this.write(items[i]);
      this.path.pop();
    }
    return out + ']';
  }

  private writeObject(value: object): string {
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto !== Object.prototype && proto !== null) {
      const kind = (value as { constructor?: { name?: string } }).constructor?.name ?? 'object';
      this.reject(`${kind} is not a plain object; convert it to JSON data first`);
    }
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).sort();
    let out = '{';
    let first = true;
    for (const key of keys) {
      const item = record[key];
      if (item === undefined) continue;
      if (!first) out += ',';
      first = false;
      this.path.push(key);
      out += JSON.stringify(key) + ':' + this.write(item);
      this.path.pop();
    }
    return out + '}';
  }

  private reject(message: string): never {
    const path = this.path
      .map((segment, i) =>
        typeof segment === 'number' ? `[${segment}]` : i === 0 ? segment : `.${segment}`,
      )
      .join('');
    throw new ValidationError(this.subject, [{ path, message }]);
  }
}
