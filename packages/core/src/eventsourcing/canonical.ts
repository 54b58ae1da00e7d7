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
  const parts: string[] = [];
  write(value, '', parts, new Set(), subject);
  return parts.join('');
}

function write(
  value: unknown,
  path: string,
  out: string[],
  ancestors: Set<object>,
  subject: string,
): void {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      out.push(JSON.stringify(value));
      return;
    case 'number':
      if (!Number.isFinite(value)) reject(subject, path, `${String(value)} is not a finite number`);
      out.push(JSON.stringify(value));
      return;
    case 'object':
      if (value === null) {
        out.push('null');
        return;
      }
      if (ancestors.has(value)) reject(subject, path, 'circular reference');
      ancestors.add(value);
      if (Array.isArray(value)) writeArray(value, path, out, ancestors, subject);
      else writeObject(value, path, out, ancestors, subject);
      ancestors.delete(value);
      return;
    case 'undefined':
    case 'function':
    case 'symbol':
    case 'bigint':
      reject(subject, path, `${typeof value} cannot be encoded as JSON`);
  }
}

function writeArray(
  items: readonly unknown[],
  path: string,
  out: string[],
  ancestors: Set<object>,
  subject: string,
): void {
  out.push('[');
  for (let i = 0; i < items.length; i++) {
    if (i > 0) out.push(',');
    // `undefined` (or a hole) would silently become `null`, changing the meaning.
    write(items[i], `${path}[${i}]`, out, ancestors, subject);
  }
  out.push(']');
}

function writeObject(
  value: object,
  path: string,
  out: string[],
  ancestors: Set<object>,
  subject: string,
): void {
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) {
    const kind = (value as { constructor?: { name?: string } }).constructor?.name ?? 'object';
    reject(subject, path, `${kind} is not a plain object; convert it to JSON data first`);
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  out.push('{');
  let first = true;
  for (const key of keys) {
    const item = record[key];
    if (item === undefined) continue;
    if (!first) out.push(',');
    first = false;
    out.push(JSON.stringify(key), ':');
    write(item, path === '' ? key : `${path}.${key}`, out, ancestors, subject);
  }
  out.push('}');
}

function reject(subject: string, path: string, message: string): never {
  throw new ValidationError(subject, [{ path, message }]);
}
