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

let files: AuditFiles;
beforeAll(() => {
  files = auditFiles();
});
afterAll(() => files.remove());

/** A fresh copy of the story, tampered with by `tamper`, then verified. */
async function verifyAfter(tamper: (file: string) => void, ...args: string[]) {
  const file = await files.record(`${Math.random().toString(36).slice(2)}.db`);
  const before = rows(file, DISPUTE_STREAM);
  tamper(file);
  return { ...(await gridledger(['verify', '--store', `sqlite:${file}`, ...args])), before };
}

const at = (version: number) =>
  `WHERE stream_id = '${DISPUTE_STREAM}' AND stream_version = ${version}`;

describe('gridledger verify', () => {
  it('exits 0 for a clean store', async () => {
    const result = await verifyAfter(() => {});
    expect(result.code).toBe(0);
    expect(result.out).toMatch(
      /^Verifying sqlite:.*\.db\n✓ 2 streams, 14 events: every hash and link verifies\n$/,
    );
  });

  it('names the event when one byte of its data changes', async () => {
    const { code, out, before } = await verifyAfter((file) =>
      sql(
        file,
        `UPDATE events SET data = replace(data, 'Return the TV', 'Return the TW') ${at(5)}`,
      ),
    );
    expect(code).toBe(1);
    expect(out).toContain(`✗ ${DISPUTE_STREAM}: chain broken (11 events read)`);
    expect(out).toContain(
      `CHANGED: v5 DisputeAgreementReached (${before[5]!.id}) was changed: its content no longer matches its hash`,
    );
    expect(out).toMatch(/✗ 2 streams, 14 events read: 1 stream broken \(1 finding\)\n$/);
  });

  it('names the event whose actor or time was changed', async () => {
    const actor = await verifyAfter((file) =>
      sql(
        file,
        `UPDATE events SET metadata = json_set(metadata, '$.actor.name', 'Somebody Else') ${at(2)}`,
      ),
    );
    expect(actor.code).toBe(1);
    expect(actor.out).toContain(`CHANGED: v2 DisputeAssigned (${actor.before[2]!.id}) was changed`);
    const time = await verifyAfter((file) =>
      sql(
        file,
        `UPDATE events SET metadata = json_set(metadata, '$.occurredAt', '2025-06-29T09:40:00+08:00') ${at(0)}`,
      ),
    );
    expect(time.code).toBe(1);
    expect(time.out).toContain(`CHANGED: v0 DisputeReported (${time.before[0]!.id}) was changed`);
  });

  it('names a deleted event by its version and hash', async () => {
    const { code, out, before } = await verifyAfter((file) =>
      sql(file, `DELETE FROM events ${at(4)}`),
    );
    expect(code).toBe(1);
    expect(out).toContain(
      `REMOVED: v4 was removed: no stored event carries it; v5 DisputeAgreementReached (${before[5]!.id}) still links to its hash ${before[4]!.metadata.hash.slice(0, 12)}…`,
    );
  });

  it('names both events of a swap', async () => {
    const { code, out, before } = await verifyAfter((file) =>
      sql(
        file,
        `UPDATE events SET stream_version = -1 ${at(6)};
        UPDATE events SET stream_version = 6 ${at(7)};
        UPDATE events SET stream_version = 7 ${at(-1)};`,
      ),
    );
    expect(code).toBe(1);
    expect(out).toContain(
      `REORDERED: v6 AgreementTermFulfilled (${before[7]!.id}) was moved: its hash was made for v7`,
    );
    expect(out).toContain(
      `REORDERED: v7 AgreementTermFulfilled (${before[6]!.id}) was moved: its hash was made for v6`,
    );
    expect(out).toContain('(2 findings)');
  });

  it('names a forged event inserted at the end or in the middle', async () => {
    const forged = `'{"how":"no-agreement-needed","reason":"Forged","level":"grid"}'`;
    const appended = await verifyAfter((file) =>
      sql(
        file,
        `INSERT INTO events (stream_id, stream_version, event_id, type, schema_version, data, metadata)
        SELECT stream_id, 11, '01JZFORGED0000000000000000', 'DisputeResolved', 1, ${forged}, metadata
        FROM events ${at(10)}`,
      ),
    );
    expect(appended.code).toBe(1);
    expect(appended.out).toContain(
      `INSERTED: v11 DisputeResolved (01JZFORGED0000000000000000) was inserted: it carries the hash of v10 DisputeClosed`,
    );

    const middle = await verifyAfter((file) =>
      sql(
        file,
        `UPDATE events SET stream_version = stream_version + 100 WHERE stream_id = '${DISPUTE_STREAM}' AND stream_version >= 3;
        UPDATE events SET stream_version = stream_version - 99 WHERE stream_id = '${DISPUTE_STREAM}' AND stream_version >= 100;
        INSERT INTO events (stream_id, stream_version, event_id, type, schema_version, data, metadata)
        SELECT stream_id, 3, '01JZFORGED0000000000000000', 'DisputeResolved', 1, ${forged}, metadata FROM events ${at(4)};`,
      ),
    );
    expect(middle.code).toBe(1);
    expect(middle.out).toContain(
      'INSERTED: v3 DisputeResolved (01JZFORGED0000000000000000) was inserted',
    );
    expect(middle.out).toContain(
      `SHIFTED: v4 DisputeInterventionStarted (${middle.before[3]!.id}) was renumbered from v3`,
    );
  });

  it('checks only the streams asked for, by stream or dispute id', async () => {
    const tampered = (file: string) => sql(file, `DELETE FROM events ${at(4)}`);
    const visit = await verifyAfter(tampered, '--stream', VISIT_STREAM);
    expect(visit.code).toBe(0);
    expect(visit.out).toContain('✓ 1 stream, 3 events');
    const dispute = await verifyAfter(tampered, '--stream', 'd-tv-deposit');
    expect(dispute.code).toBe(1);
    const unknown = await verifyAfter(() => {}, '--stream', 'd-nobody');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(
      /unknown id 'd-nobody': sqlite:.* has no stream 'dispute-d-nobody' or 'd-nobody'/,
    );
  });

  it('finds a stream cut short or removed whole against an export manifest', async () => {
    const file = await files.record('manifested.db');
    const out = `${files.dir}/manifest-export`;
    expect((await gridledger(['export', '--store', `sqlite:${file}`, '--out', out])).code).toBe(0);
    sql(
      file,
      `DELETE FROM events ${at(10)}; DELETE FROM events WHERE stream_id = '${VISIT_STREAM}'`,
    );
    expect((await gridledger(['verify', '--store', `sqlite:${file}`])).code).toBe(0);
    const checked = await gridledger(['verify', '--store', `sqlite:${file}`, '--manifest', out]);
    expect(checked.code).toBe(1);
    expect(checked.out).toContain('REMOVED: v10 was removed: the manifest recorded 11 events');
    expect(checked.out).toContain(
      `✗ ${VISIT_STREAM}: missing from the store (the manifest recorded 3 events)`,
    );
    const json = await gridledger([
      'verify',
      '--store',
      `sqlite:${file}`,
      '--manifest',
      out,
      '--json',
    ]);
    expect(JSON.parse(json.out)).toMatchObject({
      ok: false,
      broken: [{ streamId: DISPUTE_STREAM, findings: [{ kind: 'removed', streamVersion: 10 }] }],
      missingStreams: [{ streamId: VISIT_STREAM, eventCount: 3 }],
    });
    const noManifest = await gridledger([
      'verify',
      '--store',
      `sqlite:${file}`,
      '--manifest',
      files.dir,
    ]);
    expect(noManifest).toMatchObject({
      code: 2,
      err: expect.stringMatching(/no export at .*: it has no manifest.json/),
    });
  });

  it('says clearly when the store file is missing', async () => {
    const result = await gridledger(['verify'], { cwd: files.dir });
    expect(result.code).toBe(2);
    expect(result.err).toContain(
      `gridledger verify: no store at ${files.dir}/gridledger.db: the file does not exist`,
    );
    const viaEnv = await gridledger(['verify'], {
      env: { GRIDLEDGER_STORE: `sqlite:${files.dir}/elsewhere.db` },
    });
    expect(viaEnv.err).toContain(`no store at ${files.dir}/elsewhere.db`);
  });
});
