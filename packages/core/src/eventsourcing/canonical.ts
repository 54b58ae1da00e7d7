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
    return fastWrite(value, 0);
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
/** Anything JSON escapes (quotes, backslashes, control characters) or checks (surrogates). */
// eslint-disable-next-line no-control-regex -- control characters are exactly what JSON escapes
const NEEDS_ESCAPING = /["\\\u0000-\u001f\ud800-\udfff]/;

/** A string as JSON; ids, names, times and hashes need no escaping, so most skip the encoder. */
export function quoteJson(text: string): string {
  return NEEDS_ESCAPING.test(text) ? JSON.stringify(text) : `"${text}"`;
}

/**
 * The common case, written without tracking paths or ancestors: anything it would refuse (and
 * nesting deep enough to be a cycle) is handed back to the careful writer, which says why.
 */
function fastWrite(value: unknown, depth: number): string {
  switch (typeof value) {
    case 'string':
      return quoteJson(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw NOT_SIMPLE;
      return JSON.stringify(value);
    case 'object': {
      if (value === null) return 'null';
      if (depth === MAX_FAST_DEPTH) throw NOT_SIMPLE;
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i++) {
          if (i > 0) out += ',';
          out += fastWrite(value[i], depth + 1);
        }
        return out + ']';
      }
      const proto = Object.getPrototypeOf(value) as unknown;
      if (proto !== Object.prototype && proto !== null) throw NOT_SIMPLE;
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record).sort();
      let out = '{';
      for (const key of keys) {
        const item = record[key];
        if (item === undefined) continue;
        if (out.length > 1) out += ',';
        out += quoteJson(key) + ':' + fastWrite(item, depth + 1);
      }
      return out + '}';
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
