// A strict deep copy for read-model state: it copies exactly what a JSON round trip would keep
// and refuses what JSON would silently mangle (Map, Set, Date, NaN, class instances...).
import { ValidationError } from '@gridledger/core';

/**
 * Copies plain JSON data. Object properties holding `undefined` are dropped, as JSON drops them.
 * Throws a ValidationError naming the path of the first value JSON cannot carry faithfully.
 */
export function copyJson<T>(value: T, subject: string): T {
  return copy(value, '', subject) as T;
}

function copy(value: unknown, path: string, subject: string): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      if (!Number.isFinite(value)) reject(subject, path, `${String(value)} is not a JSON number`);
      return value;
    case 'object': {
      if (value === null) return null;
      if (Array.isArray(value)) {
        const out = new Array<unknown>(value.length);
        for (let i = 0; i < value.length; i++) {
          const item: unknown = value[i];
          if (item === undefined) reject(subject, `${path}[${i}]`, 'undefined inside an array');
          out[i] = copy(item, `${path}[${i}]`, subject);
        }
        return out;
      }
      const proto: unknown = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) {
        const kind = (value as { constructor?: { name?: string } }).constructor?.name ?? 'object';
        reject(subject, path, `a ${kind} is not plain JSON data (use plain objects and arrays)`);
      }
      const out: Record<string, unknown> = {};
      for (const key in value) {
        const item = (value as Record<string, unknown>)[key];
        if (item === undefined) continue;
        const copied = copy(item, path === '' ? key : `${path}.${key}`, subject);
        // `out.__proto__ = x` would set the prototype instead of keeping the key.
        if (key === '__proto__') Object.defineProperty(out, key, ownValue(copied));
        else out[key] = copied;
      }
      return out;
    }
    case 'undefined':
    case 'bigint':
    case 'symbol':
    case 'function':
      return reject(subject, path, `a ${typeof value} is not JSON data`);
  }
}

const ownValue = (value: unknown): PropertyDescriptor => ({
  value,
  enumerable: true,
  writable: true,
  configurable: true,
});

function reject(subject: string, path: string, message: string): never {
  throw new ValidationError(subject, [{ path, message }]);
}
