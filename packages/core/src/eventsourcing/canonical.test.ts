import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalJson } from '@gridledger/core/audit';
import { isValidationError } from '@gridledger/core';

function issueOf(value: unknown): { path: string; message: string } {
  try {
    canonicalJson(value, 'event DisputeReported');
  } catch (error) {
    expect(isValidationError(error)).toBe(true);
    const { issues, subject } = error as {
      issues: { path: string; message: string }[];
      subject: string;
    };
    expect(subject).toBe('event DisputeReported');
    return issues[0]!;
  }
  throw new Error('expected canonicalJson to refuse the value');
}

describe('canonical JSON', () => {
  it('gives one string whatever the key order, at every depth', () => {
    const a = { grid: 'g-07', parties: [{ name: 'Xu', role: 'landlord' }], deposit: 1500 };
    const b = { deposit: 1500, parties: [{ role: 'landlord', name: 'Xu' }], grid: 'g-07' };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(canonicalJson(a)).toBe(
      '{"deposit":1500,"grid":"g-07","parties":[{"name":"Xu","role":"landlord"}]}',
    );
  });

  it('keeps array order, leaves out undefined properties and writes null', () => {
    expect(canonicalJson({ b: [3, 1, 2], a: undefined, c: null })).toBe('{"b":[3,1,2],"c":null}');
    expect(canonicalJson(Object.assign(Object.create(null) as object, { z: 1 }))).toBe('{"z":1}');
  });

  it('sorts keys by UTF-16 code units, as RFC 8785 does', () => {
    expect(canonicalJson({ é: 1, z: 2, Z: 3, '10': 4, '9': 5 })).toBe(
      '{"10":4,"9":5,"Z":3,"z":2,"é":1}',
    );
  });

  it('refuses what JSON would silently change, naming the path', () => {
    expect(issueOf({ data: { amount: Number.NaN } })).toMatchObject({ path: 'data.amount' });
    expect(issueOf({ amount: Infinity }).message).toMatch(/not a finite number/);
    expect(issueOf({ parties: ['Xu', undefined] })).toMatchObject({
      path: 'parties[1]',
      message: 'undefined cannot be encoded as JSON',
    });
    expect(issueOf({ onSettle: () => 1 })).toMatchObject({ path: 'onSettle' });
    expect(issueOf({ at: new Date(0) })).toMatchObject({ path: 'at' });
    expect(issueOf({ at: new Date(0) }).message).toMatch(/Date is not a plain object/);
    expect(issueOf({ terms: [{ items: new Map() }] })).toMatchObject({ path: 'terms[0].items' });
    expect(issueOf({ n: 10n })).toMatchObject({ path: 'n' });
    expect(issueOf({ s: Symbol('x') })).toMatchObject({ path: 's' });
    expect(issueOf({ set: new Set([1]) }).message).toMatch(/Set is not a plain object/);
  });

  it('refuses a cycle instead of looping', () => {
    const node: Record<string, unknown> = { name: 'Xu' };
    node.self = node;
    expect(issueOf({ node })).toMatchObject({ path: 'node.self', message: 'circular reference' });
    // A value shared twice but not cyclic is fine.
    const shared = { id: 1 };
    expect(canonicalJson({ a: shared, b: shared })).toBe('{"a":{"id":1},"b":{"id":1}}');
  });

  it('is stable: encode(decode(encode(x))) equals encode(x) for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const once = canonicalJson(value);
        expect(canonicalJson(JSON.parse(once))).toBe(once);
      }),
      { numRuns: 200 },
    );
  });

  it('equals a reference writer (keys by sort(), leaves by JSON.stringify) for any JSON value', () => {
    const reference = (value: unknown): string => {
      if (Array.isArray(value)) return `[${value.map(reference).join(',')}]`;
      if (typeof value !== 'object' || value === null) return JSON.stringify(value);
      const record = value as Record<string, unknown>;
      return `{${Object.keys(record)
        .sort()
        .map((key) => `${JSON.stringify(key)}:${reference(record[key])}`)
        .join(',')}}`;
    };
    const key = fc.string({ unit: 'grapheme', maxLength: 6 });
    const json = fc.letrec((tie) => ({
      value: fc.oneof(
        fc.jsonValue({ maxDepth: 0 }),
        fc.array(tie('value'), { maxLength: 4 }),
        fc.dictionary(key, tie('value'), { maxKeys: 20 }),
      ),
    })).value;
    fc.assert(
      fc.property(json, (value) => {
        expect(canonicalJson(value)).toBe(reference(value));
      }),
      { numRuns: 300 },
    );
  });

  it('does not depend on insertion order for any JSON object', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (record) => {
        const reversed = Object.fromEntries(Object.entries(record).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(record));
      }),
      { numRuns: 100 },
    );
  });
});
