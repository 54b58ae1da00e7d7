import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryEventStore } from '../__fixtures__/memoryStore.js';
import {
  auditStore,
  exportStore,
  importStore,
  readExportHashes,
  readExportManifest,
  type ExportManifest,
  type StoreAudit,
} from '@gridledger/core/audit';
import {
  isCorruptedEvent,
  isStreamNotFound,
  isValidationError,
  type StoredEvent,
} from '@gridledger/core';
import { fixedClock } from '@gridledger/core/testing';
import { resealed, rowsStore, tamper } from './__fixtures__/tampering.js';
import { DISPUTE_STREAM, VISIT_STREAM, recordXuShang, storyLedger } from '../../testing/xuShang.js';

const dirs: string[] = [];
const scratch = () => {
  const dir = mkdtempSync(join(tmpdir(), 'gridledger-export-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function recorded() {
  const store = createMemoryEventStore({ name: 'memory:xuzhai' });
  await recordXuShang(storyLedger(store));
  return store;
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

const clock = fixedClock('2025-08-31T12:00:00.000Z');

describe('export', () => {
  it('writes every event as stored, in global order, with a manifest of counts and heads', async () => {
    const store = await recorded();
    const dir = scratch();
    const { manifest, unverified } = await exportStore(store, dir, { clock });
    const all = await collect(store.readAll());
    expect(unverified).toEqual([]);
    expect(manifest).toMatchObject({
      format: 'gridledger-export',
      formatVersion: 1,
      exportedAt: '2025-08-31T12:00:00.000Z',
      source: 'memory:xuzhai',
      eventCount: 14,
      streams: [
        { streamId: VISIT_STREAM, eventCount: 3, lastHash: all[2]!.metadata.hash },
        { streamId: DISPUTE_STREAM, eventCount: 11, lastHash: all[13]!.metadata.hash },
      ],
      events: { file: 'events.ndjson' },
    });
    const lines = readFileSync(join(dir, 'events.ndjson'), 'utf8').trimEnd().split('\n');
    expect(lines.map((l) => JSON.parse(l) as StoredEvent)).toEqual(all);
    expect(await readExportManifest(dir)).toEqual(manifest);
  });

  it('exports one stream, refuses an unknown one and a directory that holds an export', async () => {
    const store = await recorded();
    const dir = scratch();
    const { manifest } = await exportStore(store, dir, { streams: [DISPUTE_STREAM], clock });
    expect(manifest.streams.map((s) => s.streamId)).toEqual([DISPUTE_STREAM]);
    await expect(exportStore(store, dir)).rejects.toThrow(/manifest.json: already exists/);
    const other = scratch();
    await expect(exportStore(store, other, { streams: ['dispute-nobody'] })).rejects.toSatisfy(
      isStreamNotFound,
    );
    await expect(readExportManifest(other)).rejects.toThrow(/manifest.json: not found/);
  });

  it('copies a broken chain as stored, and says which streams did not verify', async () => {
    const store = await recorded();
    const rows = await collect(store.readStream(DISPUTE_STREAM));
    const { unverified } = await exportStore(rowsStore(tamper.data(rows, 4)), scratch());
    expect(unverified).toMatchObject([
      { streamId: DISPUTE_STREAM, ok: false, firstFailure: { streamVersion: 4 } },
    ]);
  });
});

describe('import', () => {
  it('replays an export into another store, where it verifies against the manifest', async () => {
    const source = await recorded();
    const dir = scratch();
    await exportStore(source, dir, { clock });
    const copy = createMemoryEventStore();
    const result = await importStore(copy, dir, { batchSize: 4 });
    expect(result.eventsWritten).toBe(14);
    expect(result.verification).toMatchObject({ ok: true, streamsChecked: 2, eventsChecked: 14 });
    const strip = (events: StoredEvent[]) => events.map(({ position: _, ...rest }) => rest);
    expect(strip(await collect(copy.readAll()))).toEqual(strip(await collect(source.readAll())));
    expect((await auditStore(copy)).ok).toBe(true);
  });

  it('refuses a target that already has any of the streams, writing nothing', async () => {
    const source = await recorded();
    const dir = scratch();
    await exportStore(source, dir, { streams: [DISPUTE_STREAM, VISIT_STREAM] });
    const target = createMemoryEventStore();
    await recordXuShang(storyLedger(target));
    const before = await collect(target.readAll());
    const error: unknown = await importStore(target, dir).catch((e: unknown) => e);
    expect(isValidationError(error)).toBe(true);
    expect(String(error)).toMatch(
      new RegExp(
        `${DISPUTE_STREAM}: already exists in the target \\(last version 10\\).*${VISIT_STREAM}: already exists`,
      ),
    );
    expect(await collect(target.readAll())).toEqual(before);
  });

  it('refuses an edited file, a broken chain or a manifest that does not match, writing nothing', async () => {
    const source = await recorded();
    const dir = scratch();
    await exportStore(source, dir, { clock });
    const file = join(dir, 'events.ndjson');
    const original = readFileSync(file, 'utf8');
    const manifestFile = join(dir, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as ExportManifest;
    const attempt = async () => {
      const target = createMemoryEventStore();
      const error: unknown = await importStore(target, dir).catch((e: unknown) => e);
      expect(await collect(target.readAll())).toEqual([]);
      return error;
    };

    writeFileSync(file, original.replace('Return the TV', 'Keep the TV'));
    const edited = await attempt();
    expect(
      isCorruptedEvent(edited) && edited.streamVersion === 5 && edited.reason === 'hash-mismatch',
    ).toBe(true);

    const lines = original.trimEnd().split('\n');
    writeFileSync(file, [...lines.slice(0, 6), ...lines.slice(7)].join('\n') + '\n');
    expect(String(await attempt())).toMatch(/expected stream version 3, found 4/);

    writeFileSync(file, original + '\n');
    expect(String(await attempt())).toMatch(
      /events.sha256: the file has SHA-256 [0-9a-f]{64} \(\d+ bytes\), the manifest says/,
    );

    writeFileSync(file, original);
    writeFileSync(
      manifestFile,
      JSON.stringify({ ...manifest, streams: manifest.streams.slice(1), eventCount: 11 }),
    );
    expect(String(await attempt())).toMatch(/stream 'visit-v-0630-07' is not in the manifest/);

    writeFileSync(manifestFile, JSON.stringify({ ...manifest, formatVersion: 2 }));
    expect(String(await attempt())).toMatch(/formatVersion/);
    writeFileSync(manifestFile, '{ not json');
    expect(String(await attempt())).toMatch(/is not JSON/);
  });
});

describe('auditStore', () => {
  it('verifies a clean store in one pass and names broken and missing streams', async () => {
    const store = await recorded();
    expect(await auditStore(store)).toEqual({
      store: 'memory:xuzhai',
      ok: true,
      streamsChecked: 2,
      eventsChecked: 14,
      broken: [],
      missingStreams: [],
    });
    const all = await collect(store.readAll());
    const visit = all.filter((e) => e.streamId === VISIT_STREAM);
    const dispute = all.filter((e) => e.streamId === DISPUTE_STREAM);
    const tampered = rowsStore([...visit, ...tamper.swap(dispute, 2, 3)]);
    const anchors = [
      { streamId: DISPUTE_STREAM, eventCount: 11, lastHash: dispute[10]!.metadata.hash },
      { streamId: 'patrol-gone', eventCount: 2, lastHash: 'f'.repeat(64) },
    ];
    const audit = await auditStore(tampered, { anchors });
    expect(audit.ok).toBe(false);
    expect(
      audit.broken.map((b) => [b.streamId, b.findings.map((f) => `${f.kind}@${f.streamVersion}`)]),
    ).toEqual([[DISPUTE_STREAM, ['reordered@2', 'reordered@3']]]);
    expect(audit.missingStreams.map((s) => s.streamId)).toEqual(['patrol-gone']);
    const onlyVisits = await auditStore(tampered, { streamPrefix: 'visit-', anchors });
    expect(onlyVisits).toMatchObject({ ok: true, streamsChecked: 1, eventsChecked: 3 });
  });

  it('finds a truncated stream against the manifest, which a chain alone cannot', async () => {
    const store = await recorded();
    const all = await collect(store.readAll());
    const dispute = all.filter((e) => e.streamId === DISPUTE_STREAM);
    const anchors = [
      { streamId: DISPUTE_STREAM, eventCount: 11, lastHash: dispute[10]!.metadata.hash },
    ];
    const truncated = rowsStore(all.slice(0, -1));
    expect((await auditStore(truncated)).ok).toBe(true);
    const audit = await auditStore(truncated, { anchors });
    expect(audit.broken[0]!.findings.map((f) => f.message)).toEqual([
      expect.stringMatching(/^v10 was removed: the manifest recorded 11 events/),
    ]);
    const byStream = await auditStore(truncated, { anchors, streams: [DISPUTE_STREAM] });
    expect(byStream.broken[0]!.findings).toHaveLength(1);
  });

  it('names where a re-chained rewrite began, from the hashes the export recorded', async () => {
    const store = await recorded();
    const dir = scratch();
    const { manifest } = await exportStore(store, dir, { clock });
    const all = await collect(store.readAll());
    // v4 of the dispute rewritten, and every later event re-hashed to link to it.
    let prevHash: string | null = null;
    const rewritten = all.map((event) => {
      if (event.streamId !== DISPUTE_STREAM || event.streamVersion < 4) return event;
      const data =
        event.streamVersion === 4 ? { ...(event.data as object), note: 'rewritten' } : event.data;
      const next = resealed({
        ...event,
        data,
        metadata: { ...event.metadata, prevHash: prevHash ?? event.metadata.prevHash },
      });
      prevHash = next.metadata.hash;
      return next;
    });
    const tampered = rowsStore(rewritten);
    const named = (audit: StoreAudit) =>
      audit.broken.flatMap((b) => b.findings.map((f) => `${f.kind}@${f.streamVersion}`));
    expect(named(await auditStore(tampered))).toEqual([]);
    expect(named(await auditStore(tampered, { anchors: manifest.streams }))).toEqual([
      'changed@10',
    ]);
    const recordedHashes = (streamIds: readonly string[]) => readExportHashes(dir, streamIds);
    const audit = await auditStore(tampered, { anchors: manifest.streams, recordedHashes });
    expect(named(audit)).toEqual(['changed@4']);
    expect(audit.broken[0]!.findings[0]!.message).toMatch(/v4 .* was rewritten and re-chained/);
    const byStream = await auditStore(tampered, {
      anchors: manifest.streams,
      recordedHashes,
      streams: [DISPUTE_STREAM],
    });
    expect(named(byStream)).toEqual(['changed@4']);
  });

  it('stops when its signal is aborted', async () => {
    const store = await recorded();
    const controller = new AbortController();
    controller.abort(new Error('operator pressed Ctrl-C'));
    await expect(auditStore(store, { signal: controller.signal })).rejects.toThrow(/Ctrl-C/);
  });
});
