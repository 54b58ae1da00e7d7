// Canonical JSON: one exact string for one value, whatever the key order, so a hash computed
// today matches the hash recomputed by an auditor from any store's copy. For the values it accepts
// the output equals RFC 8785 (JCS): keys sorted by UTF-16 code units, ECMAScript number form.
import { ValidationError } from './errors.js';
import { MAX_JSON_DEPTH, textIssue } from './storeKit/text.js';

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
  return encodeCanonical(value, { subject });
}

/** How one value is encoded: what errors name, and whether only storable values pass. */
export interface CanonicalOptions {
  /** What errors name as their subject, e.g. `event DisputeReported`. */
  readonly subject: string;
  /** Where the value sits, prefixed to the path of anything refused (e.g. `data`). */
  readonly path?: string;
  /**
   * Refuse, besides what JSON would change, what no store can keep: strings that are not
   * well-formed Unicode or hold NUL, and nesting deeper than MAX_JSON_DEPTH (the ledger's rule
   * for what it appends; stored data is encoded as it is, to be verified).
   */
  readonly storable?: boolean;
  /** A key of the top-level object to leave out (the hash, when hashing metadata). */
  readonly omitKey?: string;
}

export function encodeCanonical(value: unknown, options: CanonicalOptions): string {
  const storable = options.storable === true;
  const omitKey = options.omitKey;
  return encodeSimple(value, storable, omitKey) ?? encodeCarefully(value, options);
}

/**
 * The canonical JSON of `value` when it is simple (what every real event is), or `undefined` for
 * anything `encodeCanonical` would have to look at carefully (and may refuse). Lets a caller
 * build its error subject only when it is needed.
 */
export function encodeSimple(
  value: unknown,
  storable: boolean,
  omitKey?: string,
): string | undefined {
  const walk: Walk = { text: '', storable, copying: false };
  try {
    fastWrite(value, 0, walk, omitKey);
    return walk.text;
  } catch (error) {
    if (error !== NOT_SIMPLE) throw error;
    return undefined;
  }
}

/** The careful writer: the same string as the fast one, or the error naming what was refused. */
export function encodeCarefully(value: unknown, options: CanonicalOptions): string {
  const storable = options.storable === true;
  const omitKey = options.omitKey;
  // The careful writer gives the same string, or the error naming what was refused and where.
  const writer = new Writer(options.subject, options.path, storable, omitKey);
  try {
    return writer.write(value);
  } catch (error) {
    // Only an unchecked walk of stored data can go this deep; appends stop at MAX_JSON_DEPTH.
    if (error instanceof RangeError) writer.reject('nested too deep to encode');
    throw error;
  }
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

/** As `quoteJson`, leaving a string no store can keep to the careful writer when `storable`. */
function quoteChecked(text: string, storable: boolean): string {
  if (!NEEDS_ESCAPING.test(text)) return `"${text}"`;
  if (storable && textIssue(text) !== undefined) throw NOT_SIMPLE;
  return JSON.stringify(text);
}

/**
 * The keys of `record` sorted by UTF-16 code units, as `Array.prototype.sort` sorts strings:
 * objects have a handful of keys, which an insertion sort with `<` orders faster than `sort()`.
 */
function sortedKeys(record: object): string[] {
  const keys = Object.keys(record);
  if (keys.length > 16) return keys.sort();
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i] as string;
    let j = i - 1;
    while (j >= 0 && (keys[j] as string) > key) {
      keys[j + 1] = keys[j] as string;
      j--;
    }
    keys[j + 1] = key;
  }
  return keys;
}

/**
 * `"key":` for object keys, remembered: the same few keys come back in every event, so each is
 * checked and quoted once. Only keys that need no escaping are kept (the others are rare, and
 * may be refused), and only so many, so odd data cannot grow the cache without bound.
 */
const QUOTED_KEYS = new Map<string, string>();
const MAX_QUOTED_KEYS = 4096;

function quotedKey(key: string, storable: boolean): string {
  const known = QUOTED_KEYS.get(key);
  if (known !== undefined) return known;
  if (NEEDS_ESCAPING.test(key)) return quoteChecked(key, storable) + ':';
  const quoted = `"${key}":`;
  if (QUOTED_KEYS.size < MAX_QUOTED_KEYS) QUOTED_KEYS.set(key, quoted);
  return quoted;
}

/** One fast walk: the text written so far, and what the walk applies. */
interface Walk {
  text: string;
  readonly storable: boolean;
  /** Also build a deeply frozen copy (see `sealedCopy`). */
  readonly copying: boolean;
}

/**
 * The common case, written without tracking paths or ancestors: appends `value`'s canonical JSON
 * to `walk.text` and returns its deeply frozen copy when `walk.copying` (else `value` itself).
 * Anything it would refuse (and nesting deep enough to be a cycle) is handed back to the careful
 * writer, which says why. `omitKey` is left out of the top-level object only.
 */
function fastWrite(value: unknown, depth: number, walk: Walk, omitKey?: string): unknown {
  switch (typeof value) {
    case 'string':
      walk.text += quoteChecked(value, walk.storable);
      return value;
    case 'boolean':
      walk.text += value ? 'true' : 'false';
      return value;
    case 'number':
      if (!Number.isFinite(value)) throw NOT_SIMPLE;
      walk.text += JSON.stringify(value);
      // JSON has no negative zero: every store reads it back as 0.
      return value === 0 ? 0 : value;
    case 'object': {
      if (value === null) {
        walk.text += 'null';
        return null;
      }
      if (depth === (walk.storable ? MAX_JSON_DEPTH : MAX_FAST_DEPTH)) throw NOT_SIMPLE;
      if (Array.isArray(value)) {
        const items = walk.copying ? new Array<unknown>(value.length) : undefined;
        walk.text += '[';
        for (let i = 0; i < value.length; i++) {
          if (i > 0) walk.text += ',';
          // `undefined` (or a hole) would silently become `null`: the careful writer refuses it.
          const item = fastWrite(value[i], depth + 1, walk);
          if (items !== undefined) items[i] = item;
        }
        walk.text += ']';
        return items === undefined ? value : Object.freeze(items);
      }
      const proto = Object.getPrototypeOf(value) as unknown;
      if (proto !== Object.prototype && proto !== null) throw NOT_SIMPLE;
      const record = value as Record<string, unknown>;
      const out: Record<string, unknown> | undefined = walk.copying ? {} : undefined;
      walk.text += '{';
      let first = true;
      for (const key of sortedKeys(record)) {
        const item = record[key];
        if (item === undefined || key === omitKey) continue;
        if (!first) walk.text += ',';
        first = false;
        walk.text += quotedKey(key, walk.storable);
        const kept = fastWrite(item, depth + 1, walk);
        if (out === undefined) continue;
        // A plain assignment to `__proto__` would set the prototype instead of a property.
        if (key === '__proto__') {
          Object.defineProperty(out, key, { value: kept, enumerable: true, writable: true });
        } else out[key] = kept;
      }
      walk.text += '}';
      return out === undefined ? value : Object.freeze(out);
    }
    case 'undefined':
    case 'function':
    case 'symbol':
    case 'bigint':
      throw NOT_SIMPLE;
  }
}

/** Data the ledger appends, walked once: its deeply frozen copy and its canonical JSON. */
export interface SealedData {
  readonly copy: unknown;
  readonly json: string;
}

/**
 * A deeply frozen copy of `value` (properties that are `undefined` left out, `-0` as `0`) made in
 * the same walk that writes its canonical JSON (as `encodeCanonical` with `storable` writes it),
 * or `undefined` for anything the careful writer must look at: a value no store can keep (which
 * it refuses, naming it) or nesting deeper than MAX_JSON_DEPTH. The ledger's one walk over the
 * data it appends: check, copy and hash input at once.
 */
export function sealedCopy(value: unknown): SealedData | undefined {
  const walk: Walk = { text: '', storable: true, copying: true };
  try {
    const copy = fastWrite(value, 0, walk);
    return { copy, json: walk.text };
  } catch (error) {
    if (error !== NOT_SIMPLE) throw error;
    return undefined;
  }
}

/**
 * One encoding pass. Paths are kept as a stack of segments and joined only when a value is
 * refused: building a path string for every node was most of the encoder's cost on appends.
 */
class Writer {
  private readonly path: (string | number)[] = [];
  private readonly ancestors: object[] = [];
  constructor(
    private readonly subject: string,
    private readonly prefix: string | undefined,
    private readonly storable: boolean,
    private readonly omitKey: string | undefined,
  ) {}

  write(value: unknown): string {
    switch (typeof value) {
      case 'string':
        this.checkText(value);
        return JSON.stringify(value);
      case 'boolean':
        return JSON.stringify(value);
      case 'number':
        if (!Number.isFinite(value)) this.reject(`${String(value)} is not a finite number`);
        return JSON.stringify(value);
      case 'object': {
        if (value === null) return 'null';
        // Nesting is shallow in practice, so a linear scan beats a Set's allocation.
        if (this.ancestors.includes(value)) this.reject('circular reference');
        if (this.storable && this.ancestors.length === MAX_JSON_DEPTH) {
          this.reject(`nested more than ${MAX_JSON_DEPTH} levels deep`);
        }
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
    const top = this.ancestors.length === 1;
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).sort();
    let out = '{';
    let first = true;
    for (const key of keys) {
      const item = record[key];
      if (item === undefined || (top && key === this.omitKey)) continue;
      if (!first) out += ',';
      first = false;
      this.path.push(key);
      this.checkText(key, 'the key ');
      out += JSON.stringify(key) + ':' + this.write(item);
      this.path.pop();
    }
    return out + '}';
  }

  private checkText(text: string, what = ''): void {
    if (!this.storable) return;
    const issue = textIssue(text);
    if (issue !== undefined) this.reject(`${what}${issue}`);
  }

  reject(message: string): never {
    const path = this.path
      .map((segment, i) =>
        typeof segment === 'number'
          ? `[${segment}]`
          : i === 0 && this.prefix === undefined
            ? segment
            : `.${segment}`,
      )
      .join('');
    throw new ValidationError(this.subject, [{ path: (this.prefix ?? '') + path, message }]);
  }
}
