import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { auditStream, createStreamInspector, verifyStream } from '@gridledger/core/audit';
import { isStreamNotFound, isValidationError, type StoredEvent } from '@gridledger/core';
import {
  STREAM,
  kinds,
  recordedStream,
  resealed,
  rowsStore,
  tamper,
} from './__fixtures__/tampering.js';

const audit = (
  rows: StoredEvent[],
  anchor?: { eventCount: number; lastHash: string; hashes?: string[] },
) =>
  auditStream(
    rowsStore(rows),
    STREAM,
    anchor === undefined ? {} : { anchor: { streamId: STREAM, ...anchor } },
  );

/** The findings other than the renumbering a removal or insertion causes downstream. */
const causes = (findings: readonly { kind: string; streamVersion: number }[]) =>
  kinds(findings.filter((f) => f.kind !== 'shifted'));

describe('auditStream', () => {
  it('verifies a stream the ledger wrote, whatever its length', async () => {
    for (const n of [1, 2, 7, 40]) {
      const rows = await recordedStream(n);
      const report = await audit(rows);
      expect(report).toEqual({
        streamId: STREAM,
        ok: true,
        eventsChecked: n,
        lastHash: rows[n - 1]!.metadata.hash,
        findings: [],
      });
    }
  });

  it('names an event whose data, actor or time was changed', async () => {
    const rows = await recordedStream(6);
    for (const change of [tamper.data, tamper.actor, tamper.time]) {
      const report = await audit(change(rows, 3));
      expect(kinds(report.findings)).toEqual(['changed@3']);
      expect(report.findings[0]).toMatchObject({ eventId: rows[3]!.id, type: 'SessionHeld' });
      expect(report.findings[0]!.message).toMatch(
        /v3 SessionHeld .* was changed: its content no longer matches its hash, which v4 .* still links to/,
      );
    }
  });

  it('names a changed last event, and one whose hash was recomputed', async () => {
    const rows = await recordedStream(6);
    expect(kinds((await audit(tamper.data(rows, 5))).findings)).toEqual(['changed@5']);
    const rehashed = await audit(tamper.rehash(rows, 2));
    expect(kinds(rehashed.findings)).toEqual(['changed@2']);
    expect(rehashed.findings[0]!.message).toMatch(/changed and re-hashed: .* but v3 .* links to/);
  });

  it('names a removed event by the version it had, with or without renumbering', async () => {
    const rows = await recordedStream(6);
    const gap = await audit(tamper.remove(rows, 2));
    expect(kinds(gap.findings)).toEqual(['removed@2']);
    expect(gap.findings[0]).toMatchObject({ hash: rows[2]!.metadata.hash });
    expect(gap.findings[0]!.message).toMatch(
      /v2 was removed: no stored event carries it; v3 .* still links to its hash/,
    );

    const closed = await audit(tamper.removeAndRenumber(rows, 2));
    expect(kinds(closed.findings)).toEqual(['removed@2', 'shifted@2', 'shifted@3', 'shifted@4']);
    expect(closed.findings[1]).toMatchObject({ eventId: rows[3]!.id, recordedAs: 3 });

    expect(kinds((await audit(tamper.removeAndRenumber(rows, 0))).findings)[0]).toBe('removed@0');
  });

  it('names both events of a swap, adjacent or not', async () => {
    const rows = await recordedStream(8);
    const adjacent = await audit(tamper.swap(rows, 3, 4));
    expect(kinds(adjacent.findings)).toEqual(['reordered@3', 'reordered@4']);
    expect(adjacent.findings.map((f) => f.recordedAs)).toEqual([4, 3]);
    expect(adjacent.findings[0]!.message).toMatch(
      /v3 SessionHeld .* was moved: its hash was made for v4/,
    );
    expect(kinds((await audit(tamper.swap(rows, 1, 6))).findings)).toEqual([
      'reordered@1',
      'reordered@6',
    ]);
  });

  it('names an inserted forgery, copied or correctly hashed', async () => {
    const rows = await recordedStream(6);
    const copy = await audit(tamper.insertCopy(rows, 2));
    expect(causes(copy.findings)).toEqual(['inserted@2']);
    expect(copy.findings[0]).toMatchObject({ eventId: '01J2FORGED0000000000000000' });
    expect(kinds(copy.findings).filter((k) => k.startsWith('shifted'))).toHaveLength(4);

    const sealed = await audit(tamper.insertSealed(rows, 3));
    expect(causes(sealed.findings)).toEqual(['inserted@3']);
    expect(sealed.findings[0]!.message).toMatch(
      /well formed for v3, but the chain recorded after that place runs through v4/,
    );

    const appended = await audit(tamper.appendCopy(rows));
    expect(kinds(appended.findings)).toEqual(['inserted@6']);
    expect(appended.findings[0]!.message).toMatch(/carries the hash of v5/);
  });

  it('with the head recorded in a manifest, finds removals at the end and rewrites', async () => {
    const rows = await recordedStream(6);
    const head = { eventCount: 6, lastHash: rows[5]!.metadata.hash };
    expect((await audit(rows, head)).ok).toBe(true);
    const truncated = await audit(rows.slice(0, 4), head);
    expect(kinds(truncated.findings)).toEqual(['removed@4', 'removed@5']);
    expect(truncated.findings[1]!.message).toMatch(/the manifest recorded 6 events/);
    expect(kinds((await audit(tamper.rehash(rows, 5), head)).findings)).toEqual(['changed@5']);

    const more = await recordedStream(8);
    const grown = await audit(more, head);
    expect(grown).toMatchObject({ ok: true, eventsAfterAnchor: 2 });
  });

  it('with the hashes recorded for every version, names where a re-chained rewrite began', async () => {
    const rows = await recordedStream(8);
    // v3 rewritten, and v3–v7 re-hashed so that each links to the one before: the chain verifies.
    let prevHash = rows[2]!.metadata.hash;
    const rechained = rows.map((row, i) => {
      if (i < 3) return row;
      const data = i === 3 ? { ...(row.data as object), note: 'rewritten' } : row.data;
      const next = resealed({ ...row, data, metadata: { ...row.metadata, prevHash } });
      prevHash = next.metadata.hash;
      return next;
    });
    expect((await audit(rechained)).ok).toBe(true);
    const head = { eventCount: 8, lastHash: rows[7]!.metadata.hash };
    // The head alone shows that the stream changed, not where.
    expect(kinds((await audit(rechained, head)).findings)).toEqual(['changed@7']);
    const hashes = rows.map((row) => row.metadata.hash);
    const named = await audit(rechained, { ...head, hashes });
    expect(kinds(named.findings)).toEqual(['changed@3']);
    expect(named.findings[0]!.message).toMatch(
      /^v3 SessionHeld \(.*\) was rewritten and re-chained: .* the record holds [0-9a-f]{12}… for v3/,
    );
    // A plain re-hash of one event is still named by its successor's link.
    expect(kinds((await audit(tamper.rehash(rows, 2), { ...head, hashes })).findings)).toEqual([
      'changed@2',
    ]);
  });

  it('throws StreamNotFoundError for a stream that does not exist', async () => {
    const rows = await recordedStream(2);
    await expect(auditStream(rowsStore(rows), 'case-nobody')).rejects.toSatisfy(isStreamNotFound);
  });

  it('refuses a reach that is not a whole number ≥ 1', () => {
    expect(() => createStreamInspector(STREAM, { reach: 0 })).toThrow(
      /reach: must be a whole number ≥ 1/,
    );
    try {
      createStreamInspector(STREAM, { reach: 1.5 });
    } catch (error) {
      expect(isValidationError(error)).toBe(true);
    }
  });
});

describe('auditStream against random tampering', () => {
  const scenario = fc.integer({ min: 3, max: 14 }).chain((n) =>
    fc.record({
      n: fc.constant(n),
      k: fc.integer({ min: 0, max: n - 2 }),
      j: fc.integer({ min: 0, max: n - 1 }),
      op: fc.constantFrom(
        'data',
        'actor',
        'time',
        'rehash',
        'remove',
        'removeAndRenumber',
        'swap',
        'insertCopy',
        'insertSealed',
      ),
    }),
  );

  it('names exactly the tampered event, and flags whatever verifyStream flags', async () => {
    const streams = new Map<number, StoredEvent[]>();
    await fc.assert(
      fc.asyncProperty(scenario, async ({ n, k, j, op }) => {
        const rows = streams.get(n) ?? (await recordedStream(n));
        streams.set(n, rows);
        let tampered: StoredEvent[];
        let expected: string[];
        switch (op) {
          case 'swap': {
            const other = j === k ? k + 1 : j;
            tampered = tamper.swap(rows, k, other);
            expected = [`reordered@${Math.min(k, other)}`, `reordered@${Math.max(k, other)}`];
            break;
          }
          case 'remove':
          case 'removeAndRenumber':
            tampered = tamper[op](rows, k);
            expected = [`removed@${k}`];
            break;
          case 'insertCopy':
          case 'insertSealed':
            tampered = tamper[op](rows, k);
            expected = [`inserted@${k}`];
            break;
          case 'data':
          case 'actor':
          case 'time':
          case 'rehash':
            tampered = tamper[op](rows, k);
            expected = [`changed@${k}`];
        }
        const report = await audit(tampered);
        expect(report.ok).toBe(false);
        expect(causes(report.findings)).toEqual(expected);
        const quick = await verifyStream(rowsStore(tampered), STREAM);
        expect(quick.ok).toBe(false);
      }),
      { numRuns: 150 },
    );
  });

  it('streams verdicts in order, each event once, whatever the reach', async () => {
    const rows = await recordedStream(12);
    for (const reach of [1, 3, 16]) {
      const inspector = createStreamInspector(STREAM, { reach });
      const seen: number[] = [];
      for (const row of tamper.swap(rows, 4, 5)) {
        seen.push(...inspector.push(row).map((v) => v.event.streamVersion));
      }
      seen.push(...inspector.end().map((v) => v.event.streamVersion));
      expect(seen).toEqual(rows.map((_, i) => i));
      expect(kinds(inspector.report().findings)).toEqual(['reordered@4', 'reordered@5']);
    }
  });
});
