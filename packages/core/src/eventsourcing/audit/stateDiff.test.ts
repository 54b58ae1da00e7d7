import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalJson, diffState } from '@gridledger/core/audit';

describe('diffState', () => {
  it('names each changed, added and removed path', () => {
    const before = {
      status: 'open',
      classification: null,
      parties: [{ partyId: 'p-xu', name: 'Xu' }],
      agreement: { terms: [{ termId: 't-1', fulfilled: false }] },
      mediators: ['m-zhao'],
    };
    const after = {
      status: 'resolved',
      classification: { severity: 'moderate' },
      parties: [{ partyId: 'p-xu', name: 'Xu' }],
      agreement: { terms: [{ termId: 't-1', fulfilled: true }] },
      mediators: ['m-zhao', 'm-jiang'],
      'odd key': 1,
    };
    expect(diffState(before, after)).toEqual([
      { path: 'status', kind: 'changed', before: 'open', after: 'resolved' },
      { path: 'classification', kind: 'changed', before: null, after: { severity: 'moderate' } },
      { path: 'agreement.terms[0].fulfilled', kind: 'changed', before: false, after: true },
      { path: 'mediators[1]', kind: 'added', after: 'm-jiang' },
      { path: '["odd key"]', kind: 'added', after: 1 },
    ]);
    expect(diffState(after, before).map((c) => `${c.kind} ${c.path}`)).toEqual([
      'changed status',
      'changed classification',
      'changed agreement.terms[0].fulfilled',
      'removed mediators[1]',
      'removed ["odd key"]',
    ]);
  });

  it('treats undefined properties as absent, and compares Dates, Maps and Sets by content', () => {
    expect(diffState({ a: 1, b: undefined }, { a: 1 })).toEqual([]);
    expect(diffState(new Date(5), new Date(5))).toEqual([]);
    expect(diffState({ at: new Date(5) }, { at: new Date(6) })).toHaveLength(1);
    expect(diffState(new Map([[1, 'a']]), new Map([[1, 'b']]))).toEqual([
      { path: '["1"]', kind: 'changed', before: 'a', after: 'b' },
    ]);
    expect(diffState(new Set(['x']), new Set(['x', 'y']))).toEqual([
      { path: '[1]', kind: 'added', after: 'y' },
    ]);
    expect(diffState(undefined, { status: 'open' })).toEqual([
      { path: '', kind: 'changed', before: undefined, after: { status: 'open' } },
    ]);
  });

  it('finds nothing between equal values and something between different ones', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        expect(diffState(a, structuredClone(a))).toEqual([]);
        const same = canonicalJson(a) === canonicalJson(b);
        if (!same && !Object.is(a, b)) expect(diffState(a, b).length).toBeGreaterThan(0);
      }),
      { numRuns: 200 },
    );
  });
});
