// Random logs, one random tampering each: verifying against a checkpoint made before it names
// the first difference exactly (kind, place in the log, stream and version).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  generateCheckpointKeys,
  verifyCheckpoint,
  writeCheckpoint,
  type LogDifferenceKind,
} from '@gridledger/core/audit';
import { type StoredEvent } from '@gridledger/core';
import { logStore, logTamper, recordedLog } from './__fixtures__/logRows.js';

const keys = generateCheckpointKeys();
const dir = mkdtempSync(join(tmpdir(), 'gridledger-checkpoint-property-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

interface Expected {
  readonly kind: LogDifferenceKind;
  readonly index: number;
  readonly streamId: string;
  readonly streamVersion: number;
}
/**
 * A tampering of the rows, and the difference expected. `grown`: the checkpoint covers all rows
 * but the last, which was appended after it was made.
 */
type Tampering = (rows: StoredEvent[]) => {
  rows: StoredEvent[];
  expected: Expected;
  grown?: boolean;
};

const at = (rows: readonly StoredEvent[], k: number, kind: LogDifferenceKind): Expected => ({
  kind,
  index: k,
  streamId: rows[k]!.streamId,
  streamVersion: rows[k]!.streamVersion,
});
const streamRows = (rows: readonly StoredEvent[], streamId: string) =>
  rows.filter((r) => r.streamId === streamId);
const isLastOfStream = (rows: readonly StoredEvent[], k: number) =>
  !rows.some((r) => r.streamId === rows[k]!.streamId && r.streamVersion > rows[k]!.streamVersion);

/** What removing row k leaves of its stream. */
function removalKind(rows: readonly StoredEvent[], k: number): LogDifferenceKind {
  if (streamRows(rows, rows[k]!.streamId).length === 1) return 'stream-removed';
  return isLastOfStream(rows, k) ? 'tail-removed' : 'removed';
}

/** Every kind of tampering of a log of `n` events, each aimed by `pick` (random numbers). */
function tamperings(rows: readonly StoredEvent[], pick: readonly number[]): Tampering[] {
  const n = rows.length;
  const [a = 0, b = 0] = pick;
  const k = a % n;
  const streams = [...new Set(rows.map((r) => r.streamId))];
  const stream = streams[a % streams.length]!;
  const options: Tampering[] = [
    (r) => ({ rows: logTamper.changeData(r, k), expected: at(r, k, 'changed') }),
    (r) => ({
      rows: logTamper.rehash(r, k),
      expected: at(r, k, isLastOfStream(r, k) ? 'rechained' : 'changed'),
    }),
    (r) => ({ rows: logTamper.overwriteHash(r, k), expected: at(r, k, 'changed') }),
    (r) => ({ rows: logTamper.rechain(r, k), expected: at(r, k, 'rechained') }),
    (r) => ({ rows: logTamper.remove(r, k), expected: at(r, k, removalKind(r, k)) }),
    (r) => ({ rows: logTamper.removeAndRenumber(r, k), expected: at(r, k, removalKind(r, k)) }),
    (r) => {
      const first = r.findIndex((e) => e.streamId === stream);
      return { rows: logTamper.removeStream(r, stream), expected: at(r, first, 'stream-removed') };
    },
    (r) => {
      const own = streamRows(r, stream);
      const from = own.length === 1 ? 0 : 1 + (b % (own.length - 1));
      const first = r.indexOf(own[from]!);
      const kind = from === 0 ? 'stream-removed' : 'tail-removed';
      return { rows: logTamper.removeTail(r, stream, from), expected: at(r, first, kind) };
    },
    (r) => {
      // Needs an event with a successor in its stream.
      const candidates = r.map((_, i) => i).filter((i) => !isLastOfStream(r, i));
      if (candidates.length === 0)
        return { rows: logTamper.changeData(r, k), expected: at(r, k, 'changed') };
      const i = candidates[b % candidates.length]!;
      return { rows: logTamper.swapVersions(r, i), expected: at(r, i, 'reordered') };
    },
    (r) => {
      if (n < 2) return { rows: logTamper.changeData(r, k), expected: at(r, k, 'changed') };
      const i = k % (n - 1);
      return { rows: logTamper.swapPositions(r, i), expected: at(r, i, 'reordered') };
    },
    (r) => {
      // Moves row `from` before row `to`; a move of one place is a swap with its neighbour.
      if (n < 3) return { rows: logTamper.changeData(r, k), expected: at(r, k, 'changed') };
      const from = k;
      let to = b % (n + 1);
      if (to === from || to === from + 1) to = (from + 2) % (n + 1);
      if (to === from || to === from + 1) to = from === 0 ? 2 : 0;
      const moved = logTamper.move(r, from, to);
      if (to > from) return { rows: moved, expected: at(r, from, 'reordered') };
      const named = from === to + 1 ? to : from;
      return { rows: moved, expected: { ...at(r, named, 'reordered'), index: to } };
    },
    (r) => ({ rows: logTamper.renumberPositions(r, k), expected: at(r, k, 'renumbered') }),
    (r) => {
      const rowsAfter = logTamper.insert(r, k, stream, b % 2 === 0);
      const forged = rowsAfter.at(-1)!;
      return {
        rows: rowsAfter,
        expected: {
          kind: b % 2 === 0 ? 'forged' : 'inserted',
          index: k,
          streamId: stream,
          streamVersion: forged.streamVersion,
        },
      };
    },
    (r) => {
      const rowsAfter = logTamper.appendBackdated(r, stream);
      const forged = rowsAfter.at(-1)!;
      return {
        rows: rowsAfter,
        expected: {
          kind: 'backdated',
          index: n,
          streamId: stream,
          streamVersion: forged.streamVersion,
        },
      };
    },
    (r) => {
      // Removed from what the checkpoint covers, with an event appended since.
      if (n < 3) return { rows: logTamper.changeData(r, k), expected: at(r, k, 'changed') };
      const i = k % (n - 1);
      return { rows: logTamper.remove(r, i), expected: at(r, i, removalKind(r, i)), grown: true };
    },
    (r) => {
      // Moved after an event appended since: not an insertion of that event.
      if (n < 4) return { rows: logTamper.changeData(r, k), expected: at(r, k, 'changed') };
      const i = k % (n - 2);
      const moved = logTamper.move(r, i, n);
      return { rows: moved, expected: at(r, i, 'reordered'), grown: true };
    },
  ];
  return options;
}

const plans = fc
  .array(fc.constantFrom('case-a', 'case-b', 'case-c', 'case-d'), { minLength: 2, maxLength: 14 })
  .filter((plan) => plan.length >= 2);

describe('verifying against a checkpoint (property)', () => {
  // Every kind of tampering on every log drawn, so each kind is checked by construction.
  it('names the first difference of any single tampering exactly', async () => {
    await fc.assert(
      fc.asyncProperty(
        plans,
        fc.array(fc.nat(1000), { minLength: 2, maxLength: 2 }),
        async (plan, pick) => {
          const rows = await recordedLog(plan);
          const file = join(dir, `${files++}.checkpoint`);
          await writeCheckpoint(logStore(rows), file, { privateKey: keys.privateKeyPem });
          const before = join(dir, `${files++}.checkpoint`);
          await writeCheckpoint(logStore(rows.slice(0, -1)), before, {
            privateKey: keys.privateKeyPem,
          });
          for (const tamper of tamperings(rows, pick)) {
            const { rows: tampered, expected, grown } = tamper(rows);
            const result = await verifyCheckpoint(logStore(tampered), grown ? before : file, {
              publicKey: keys.publicKeyPem,
              backdatingToleranceMs: 0,
            });
            const { kind, index, streamId, streamVersion } = result.firstDifference ?? {};
            expect({ ok: result.ok, kind, index, streamId, streamVersion }).toEqual({
              ok: false,
              ...expected,
            });
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('finds nothing in a log left alone, and counts what was appended since', async () => {
    await fc.assert(
      fc.asyncProperty(plans, fc.nat(14), async (plan, cut) => {
        const rows = await recordedLog(plan);
        const covered = rows.slice(0, Math.max(1, cut % rows.length));
        const file = join(dir, `${files++}.checkpoint`);
        await writeCheckpoint(logStore(covered), file, { privateKey: keys.privateKeyPem });
        const result = await verifyCheckpoint(logStore(rows), file, {
          publicKey: keys.publicKeyPem,
        });
        expect(result).toMatchObject({
          ok: true,
          eventsChecked: rows.length,
          eventsSince: rows.length - covered.length,
          streamsBroken: [],
        });
        expect(result.firstDifference).toBeUndefined();
      }),
      { numRuns: 40 },
    );
  });
});
