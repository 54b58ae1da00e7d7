// What an event changed in an aggregate's state: a small structural diff of plain data, path by
// path (`agreement.terms[1].fulfilled: false → true`), for auditors reading a history.

export type StateChangeKind = 'added' | 'removed' | 'changed';

export interface StateChange {
  /** Dotted path with array indexes, e.g. `agreement.terms[1].fulfilled`; `''` for the root. */
  readonly path: string;
  readonly kind: StateChangeKind;
  /** The value before (absent for `added`). */
  readonly before?: unknown;
  /** The value after (absent for `removed`). */
  readonly after?: unknown;
}

/**
 * The changes from `before` to `after`. Plain objects are compared key by key and arrays index by
 * index; anything else (numbers, strings, null, a Date, an object becoming null) is one value.
 * Maps compare like objects keyed by `String(key)`, Sets like arrays of their values.
 */
export function diffState(before: unknown, after: unknown): StateChange[] {
  const changes: StateChange[] = [];
  walk(before, after, '', changes);
  return changes;
}

type Shape = 'record' | 'list' | 'value';

function shapeOf(value: unknown): Shape {
  if (Array.isArray(value) || value instanceof Set) return 'list';
  if (value instanceof Map) return 'record';
  if (typeof value !== 'object' || value === null) return 'value';
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null ? 'record' : 'value';
}

function entriesOf(value: unknown): Map<string, unknown> {
  if (value instanceof Map) return new Map([...value].map(([k, v]) => [String(k), v]));
  const entries = Object.entries(value as Record<string, unknown>);
  return new Map(entries.filter(([, v]) => v !== undefined));
}

const itemsOf = (value: unknown): readonly unknown[] =>
  value instanceof Set ? [...value] : (value as readonly unknown[]);

function keyPath(path: string, key: string): string {
  const plain = /^[A-Za-z_$][\w$]*$/.test(key);
  if (plain) return path === '' ? key : `${path}.${key}`;
  return `${path}[${JSON.stringify(key)}]`;
}

function walk(before: unknown, after: unknown, path: string, out: StateChange[]): void {
  if (Object.is(before, after)) return;
  const shape = shapeOf(before);
  if (shape !== shapeOf(after)) {
    out.push({ path, kind: 'changed', before, after });
    return;
  }
  switch (shape) {
    case 'record': {
      const was = entriesOf(before);
      const now = entriesOf(after);
      for (const [key, value] of was) {
        if (now.has(key)) walk(value, now.get(key), keyPath(path, key), out);
        else out.push({ path: keyPath(path, key), kind: 'removed', before: value });
      }
      for (const [key, value] of now) {
        if (!was.has(key)) out.push({ path: keyPath(path, key), kind: 'added', after: value });
      }
      return;
    }
    case 'list': {
      const was = itemsOf(before);
      const now = itemsOf(after);
      const common = Math.min(was.length, now.length);
      for (let i = 0; i < common; i++) walk(was[i], now[i], `${path}[${i}]`, out);
      for (let i = common; i < now.length; i++) {
        out.push({ path: `${path}[${i}]`, kind: 'added', after: now[i] });
      }
      for (let i = common; i < was.length; i++) {
        out.push({ path: `${path}[${i}]`, kind: 'removed', before: was[i] });
      }
      return;
    }
    case 'value':
      if (!sameValue(before, after)) out.push({ path, kind: 'changed', before, after });
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return Object.is(a, b);
}
