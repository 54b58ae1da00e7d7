// The tampering battery: the Xu/Shang story in an SQLite file, a signed checkpoint made with
// `gridledger checkpoint`, then each kind of tampering done with plain SQL on the file. For each,
// what `gridledger verify` finds without the checkpoint (each stream's chain alone) and with it
// (the whole log), and the exit code.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditFiles,
  DISPUTE_STREAM,
  gridledger,
  rows,
  sql,
  VISIT_STREAM,
  type AuditFiles,
} from './__fixtures__/auditStore.js';
import {
  FORGED_ID,
  forgeAfterHead,
  makeRoomAt,
  position,
  rechainDispute,
} from './__fixtures__/forgery.js';

let files: AuditFiles;
let key: string;
let publicKey: string;
beforeAll(async () => {
  files = auditFiles();
  const keys = join(files.dir, 'office');
  expect((await gridledger(['keygen', '--out', keys])).code).toBe(0);
  key = `${keys}.key.pem`;
  publicKey = `${keys}.pub.pem`;
});
afterAll(() => files.remove());

const at = (version: number, stream = DISPUTE_STREAM) =>
  `WHERE stream_id = '${stream}' AND stream_version = ${version}`;
const CLEAN = /✓ 2 streams, 14 events: every hash and link verifies\n$/;

/**
 * A fresh copy of the story, checkpointed, then tampered with by `tamper`; verified without and
 * with the checkpoint. `before` holds the dispute's rows as recorded, `visit` the visit's.
 */
async function afterTampering(tamper: (file: string) => void) {
  const file = await files.record(`${Math.random().toString(36).slice(2)}.db`);
  const checkpoint = `${file}.checkpoint`;
  const store = `sqlite:${file}`;
  const made = await gridledger([
    'checkpoint',
    '--store',
    store,
    '--key',
    key,
    '--out',
    checkpoint,
  ]);
  expect(made.code, made.err).toBe(0);
  const before = rows(file, DISPUTE_STREAM);
  const visit = rows(file, VISIT_STREAM);
  tamper(file);
  const chainsOnly = await gridledger(['verify', '--store', store]);
  const withCheckpoint = await gridledger([
    ...['verify', '--store', store],
    ...['--checkpoint', checkpoint, '--public-key', publicKey],
  ]);
  return { chainsOnly, withCheckpoint, before, visit, file };
}

/** The line naming the first difference from the checkpoint. */
const firstDifference = (out: string) => {
  const lines = out.split('\n');
  const at = lines.findIndex((l) => l.startsWith('✗ the log differs from the checkpoint'));
  return at < 0 ? undefined : `${lines[at]}\n${lines[at + 1]}`;
};

const name = (event: { streamId: string; streamVersion: number; type: string; id: string }) =>
  `${event.streamId} v${event.streamVersion} ${event.type} (${event.id})`;
const place = (index: number, rowid = index + 1) =>
  `event ${index} of the log (position ${position(rowid)})`;

describe('tampering with plain SQL, found with and without a signed checkpoint', () => {
  it('an event changed', async () => {
    const { chainsOnly, withCheckpoint, before } = await afterTampering((file) =>
      sql(file, `UPDATE events SET data = replace(data, 'TV', 'TW') ${at(5)}`),
    );
    expect(chainsOnly.code).toBe(1);
    expect(chainsOnly.out).toContain(
      `CHANGED: v5 DisputeAgreementReached (${before[5]!.id}) was changed`,
    );
    expect(withCheckpoint.code).toBe(1);
    expect(firstDifference(withCheckpoint.out)).toBe(
      '✗ the log differs from the checkpoint, first at event 8 of the log:\n' +
        `    CHANGED: ${name(before[5]!)} at ${place(8)} was changed: its content is not the one recorded; nor does it match its own stored hash`,
    );
    // The stream's own findings follow, as without the checkpoint.
    expect(withCheckpoint.out).toContain(`✗ ${DISPUTE_STREAM}: chain broken (11 events read)`);
    expect(withCheckpoint.out).toMatch(
      /✗ 2 streams, 14 events read: 1 stream broken \(1 finding\); the log differs from the checkpoint\n$/,
    );
  });

  it('an event removed', async () => {
    const { chainsOnly, withCheckpoint, before } = await afterTampering((file) =>
      sql(file, `DELETE FROM events ${at(4)}`),
    );
    expect(chainsOnly.code).toBe(1);
    expect(chainsOnly.out).toContain('REMOVED: v4 was removed: no stored event carries it');
    expect(withCheckpoint.code).toBe(1);
    expect(firstDifference(withCheckpoint.out)).toBe(
      '✗ the log differs from the checkpoint, first at event 7 of the log:\n' +
        `    REMOVED: ${name(before[4]!)}, recorded at ${place(7)}, was removed: no event of the log carries it, while later events of its stream remain`,
    );
  });

  it('an event inserted in its stream, later ones renumbered', async () => {
    const { chainsOnly, withCheckpoint, before } = await afterTampering((file) => {
      sql(
        file,
        `UPDATE events SET stream_version = stream_version + 100 WHERE stream_id = '${DISPUTE_STREAM}' AND stream_version >= 3;
         UPDATE events SET stream_version = stream_version - 99 WHERE stream_id = '${DISPUTE_STREAM}' AND stream_version >= 100;
         INSERT INTO events (stream_id, stream_version, event_id, type, schema_version, data, metadata)
         SELECT stream_id, 3, '${FORGED_ID}', 'DisputeResolved', 1, data, metadata FROM events ${at(4)};`,
      );
    });
    expect(chainsOnly.code).toBe(1);
    expect(chainsOnly.out).toContain(`INSERTED: v3 DisputeResolved (${FORGED_ID}) was inserted`);
    expect(withCheckpoint.code).toBe(1);
    // In position order the first difference is the first event renumbered; the forgery itself
    // went to the end of the log, after what the checkpoint covers.
    expect(firstDifference(withCheckpoint.out)).toBe(
      '✗ the log differs from the checkpoint, first at event 6 of the log:\n' +
        `    RENUMBERED: ${name(before[3]!)} was renumbered to v4 (recorded as v3): its content is as recorded, but events before it in its stream were removed or inserted`,
    );
    expect(withCheckpoint.out).toContain('    1 event appended since (not covered by it)');
    expect(withCheckpoint.out).toContain(
      `INSERTED: v3 DisputeResolved (${FORGED_ID}) was inserted`,
    );
  });

  it('an event slipped into the middle of the log, positions renumbered to make room', async () => {
    const { chainsOnly, withCheckpoint, before } = await afterTampering((file) => {
      makeRoomAt(file, 7);
      sql(
        file,
        `INSERT INTO events (position, stream_id, stream_version, event_id, type, schema_version, data, metadata)
         SELECT 7, stream_id, 11, '${FORGED_ID}', 'DisputeReopened', 1, '{"reason":"forged"}', metadata FROM events ${at(10)}`,
      );
    });
    expect(chainsOnly.code).toBe(1);
    expect(chainsOnly.out).toContain(
      `INSERTED: v11 DisputeReopened (${FORGED_ID}) was inserted: it carries the hash of v10 DisputeClosed`,
    );
    expect(firstDifference(withCheckpoint.out)).toBe(
      '✗ the log differs from the checkpoint, first at event 6 of the log:\n' +
        `    INSERTED: ${DISPUTE_STREAM} v11 DisputeReopened (${FORGED_ID}) at ${place(6)} was inserted: it was never recorded (the checkpoint recorded ${name(before[3]!)} there), and its content does not match its own hash`,
    );
    expect(withCheckpoint.code).toBe(1);
  });

  it('two events swapped', async () => {
    const { chainsOnly, withCheckpoint, before } = await afterTampering((file) =>
      sql(
        file,
        `UPDATE events SET stream_version = -1 ${at(6)};
         UPDATE events SET stream_version = 6 ${at(7)};
         UPDATE events SET stream_version = 7 ${at(-1)};`,
      ),
    );
    expect(chainsOnly.code).toBe(1);
    expect(chainsOnly.out).toContain('REORDERED: v6 AgreementTermFulfilled');
    expect(withCheckpoint.code).toBe(1);
    expect(firstDifference(withCheckpoint.out)).toBe(
      '✗ the log differs from the checkpoint, first at event 9 of the log:\n' +
        `    REORDERED: ${name(before[6]!)} was moved within its stream: recorded as v6, it is now v7, out of the order it was recorded in`,
    );
  });

  it('positions renumbered, which no chain sees', async () => {
    const { chainsOnly, withCheckpoint, before } = await afterTampering((file) =>
      sql(file, 'UPDATE events SET position = position + 100 WHERE position >= 9'),
    );
    expect(chainsOnly.code).toBe(0);
    expect(chainsOnly.out).toMatch(CLEAN);
    expect(withCheckpoint.code).toBe(1);
    expect(firstDifference(withCheckpoint.out)).toBe(
      '✗ the log differs from the checkpoint, first at event 8 of the log:\n' +
        `    RENUMBERED: ${name(before[5]!)} was renumbered: recorded at position ${position(9)}, it is now at position ${position(109)}; its content and order are as recorded, but readers that resume from a position will see it again or never`,
    );
    expect(withCheckpoint.out).toMatch(
      /✗ 2 streams, 14 events read: 0 streams broken \(0 findings\); the log differs from the checkpoint\n$/,
    );
  });

  it("a stream's last events deleted, which no chain sees", async () => {
    const { chainsOnly, withCheckpoint, before } = await afterTampering((file) =>
      sql(file, `DELETE FROM events WHERE stream_id = '${DISPUTE_STREAM}' AND stream_version >= 9`),
    );
    expect(chainsOnly.code).toBe(0);
    expect(chainsOnly.out).toMatch(/✓ 2 streams, 12 events: every hash and link verifies\n$/);
    expect(withCheckpoint.code).toBe(1);
    expect(firstDifference(withCheckpoint.out)).toBe(
      '✗ the log differs from the checkpoint, first at event 12 of the log:\n' +
        `    TAIL-REMOVED: ${name(before[9]!)}, recorded at ${place(12)}, was removed with every later event of its stream: ${DISPUTE_STREAM} now ends at v8, where the checkpoint recorded 11 events`,
    );
  });

  it('a whole stream deleted, which no chain sees', async () => {
    const { chainsOnly, withCheckpoint, visit } = await afterTampering((file) =>
      sql(file, `DELETE FROM events WHERE stream_id = '${VISIT_STREAM}'`),
    );
    expect(chainsOnly.code).toBe(0);
    expect(chainsOnly.out).toMatch(/✓ 1 stream, 11 events: every hash and link verifies\n$/);
    expect(withCheckpoint.code).toBe(1);
    expect(firstDifference(withCheckpoint.out)).toBe(
      '✗ the log differs from the checkpoint, first at event 0 of the log:\n' +
        `    STREAM-REMOVED: ${name(visit[0]!)}, recorded at ${place(0)}, was removed with its whole stream: the log has no ${VISIT_STREAM} at all (the checkpoint recorded 3 events of it)`,
    );
  });

  it('a stream rewritten and re-chained, which no chain sees', async () => {
    const { chainsOnly, withCheckpoint, before } = await afterTampering((file) =>
      rechainDispute(file, 4),
    );
    expect(chainsOnly.code).toBe(0);
    expect(chainsOnly.out).toMatch(CLEAN);
    expect(withCheckpoint.code).toBe(1);
    expect(firstDifference(withCheckpoint.out)).toBe(
      '✗ the log differs from the checkpoint, first at event 7 of the log:\n' +
        `    RECHAINED: ${name(before[4]!)} at ${place(7)} was rewritten and re-chained: its content and hash are not the recorded ones, yet the 6 later events of its stream were re-hashed to link to it, so its chain alone verifies`,
    );
  });

  it('a properly chained forgery slipped into the log, which no chain sees', async () => {
    const { chainsOnly, withCheckpoint, before } = await afterTampering((file) => {
      makeRoomAt(file, 7);
      forgeAfterHead(file, { recordedAt: '2025-07-10T02:00:00.000Z', rowid: 7 });
    });
    expect(chainsOnly.code).toBe(0);
    expect(chainsOnly.out).toMatch(/✓ 2 streams, 15 events: every hash and link verifies\n$/);
    expect(withCheckpoint.code).toBe(1);
    expect(firstDifference(withCheckpoint.out)).toBe(
      '✗ the log differs from the checkpoint, first at event 6 of the log:\n' +
        `    FORGED: ${DISPUTE_STREAM} v11 DisputeReopened (${FORGED_ID}) at ${place(6)} is a properly chained forgery: it was never recorded (the checkpoint recorded ${name(before[3]!)} there), yet its hash matches its content and it links to ${DISPUTE_STREAM} v10`,
    );
  });

  it('a properly chained forgery appended and backdated, which no chain sees', async () => {
    const { chainsOnly, withCheckpoint } = await afterTampering((file) => {
      forgeAfterHead(file, { recordedAt: '2025-07-02T04:00:00.000Z' });
    });
    expect(chainsOnly.code).toBe(0);
    expect(withCheckpoint.code).toBe(1);
    expect(firstDifference(withCheckpoint.out)).toBe(
      '✗ the log differs from the checkpoint, first after its end:\n' +
        `    BACKDATED: ${DISPUTE_STREAM} v11 DisputeReopened (${FORGED_ID}) at ${place(14)} was appended after the checkpoint, yet claims to have been recorded at 2025-07-02T04:00:00.000Z, before the last event the checkpoint covers (2025-07-10T01:02:00.000Z): it was written into the log afterwards and backdated`,
    );
  });

  it('a properly chained forgery appended as new cannot be told from a real append', async () => {
    const { withCheckpoint } = await afterTampering((file) => {
      forgeAfterHead(file, { recordedAt: '2025-07-11T09:00:00.000Z' });
    });
    expect(withCheckpoint.code).toBe(0);
    expect(withCheckpoint.out).toContain('    1 event appended since (not covered by it)');
    expect(withCheckpoint.out).toMatch(
      /✓ 2 streams, 15 events: every hash and link verifies and matches the checkpoint\n$/,
    );
  });
});
