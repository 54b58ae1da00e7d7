import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditFiles,
  DISPUTE_STREAM,
  gridledger,
  rows,
  type AuditFiles,
} from './__fixtures__/auditStore.js';

let files: AuditFiles;
let source: string;
beforeAll(async () => {
  files = auditFiles();
  source = await files.record('source.db');
});
afterAll(() => files.remove());

const dir = (name: string) => join(files.dir, name);

describe('gridledger export and import', () => {
  it('copies the whole store into a new file, where the copy verifies', async () => {
    const exported = await gridledger([
      'export',
      '--store',
      `sqlite:${source}`,
      '--out',
      dir('all'),
    ]);
    expect(exported.code).toBe(0);
    expect(exported.out).toContain(
      `Exported 14 events in 2 streams from sqlite:${source} to ${dir('all')}`,
    );
    expect(exported.out).toMatch(/events\.ndjson {2}\d+ bytes, SHA-256 [0-9a-f]{64}/);

    const imported = await gridledger([
      'import',
      '--from',
      dir('all'),
      '--store',
      `sqlite:${dir('copy.db')}`,
    ]);
    expect(imported.code).toBe(0);
    expect(imported.out).toContain(`Imported 14 events in 2 streams into sqlite:${dir('copy.db')}`);
    expect(imported.out).toContain(
      '✓ the copy verifies: every hash, link and stream head matches the manifest',
    );
    expect(
      (
        await gridledger([
          'verify',
          '--store',
          `sqlite:${dir('copy.db')}`,
          '--manifest',
          dir('all'),
        ])
      ).code,
    ).toBe(0);
    expect(rows(dir('copy.db'), DISPUTE_STREAM)).toEqual(rows(source, DISPUTE_STREAM));
  });

  it('exports one dispute by its id', async () => {
    const exported = await gridledger([
      'export',
      '--store',
      `sqlite:${source}`,
      '--out',
      dir('one'),
      '--stream',
      'd-tv-deposit',
    ]);
    expect(exported.out).toContain('Exported 11 events in 1 stream');
    const manifest = JSON.parse(readFileSync(join(dir('one'), 'manifest.json'), 'utf8')) as {
      streams: unknown[];
    };
    expect(manifest.streams).toEqual([
      {
        streamId: DISPUTE_STREAM,
        eventCount: 11,
        lastHash: rows(source, DISPUTE_STREAM)[10]!.metadata.hash,
      },
    ]);
  });

  it('refuses to import into a store that has the streams, or an export that was edited', async () => {
    await gridledger(['export', '--store', `sqlite:${source}`, '--out', dir('again')]);
    const twice = await gridledger([
      'import',
      '--from',
      dir('again'),
      '--store',
      `sqlite:${source}`,
    ]);
    expect(twice.code).toBe(1);
    expect(twice.err).toContain(
      `${DISPUTE_STREAM}: already exists in the target (last version 10); import writes only new streams`,
    );

    const events = join(dir('again'), 'events.ndjson');
    writeFileSync(events, readFileSync(events, 'utf8').replace('Li Min', 'Li Ming'));
    const edited = await gridledger([
      'import',
      '--from',
      dir('again'),
      '--store',
      `sqlite:${dir('edited.db')}`,
    ]);
    expect(edited.code).toBe(1);
    expect(edited.err).toMatch(/CORRUPTED_EVENT: Event \d+ of stream '[\w-]+' \(hash-mismatch\)/);
    const empty = await gridledger(['verify', '--store', `sqlite:${dir('edited.db')}`]);
    expect(empty.out).toContain('✓ 0 streams, 0 events');
  });

  it('says what is missing: --out, --from, an export', async () => {
    expect((await gridledger(['export', '--store', `sqlite:${source}`])).err).toMatch(
      /--out <dir> is required/,
    );
    expect((await gridledger(['import'])).err).toMatch(/--from <dir> is required/);
    const none = await gridledger(['import', '--from', files.dir]);
    expect(none).toMatchObject({ code: 2 });
    expect(none.err).toContain(`no export at ${files.dir}: it has no manifest.json`);
    const taken = await gridledger(['export', '--store', `sqlite:${source}`, '--out', dir('all')]);
    expect(taken.err).toMatch(
      /manifest.json: already exists: export into an empty or new directory/,
    );
  });

  it('after Ctrl-C says what it left behind, and an import writes nothing', async () => {
    const interrupted = AbortSignal.abort();
    const copy = dir('interrupted.db');
    const imported = await gridledger(
      ['import', '--from', dir('all'), '--store', `sqlite:${copy}`],
      {
        signal: interrupted,
      },
    );
    expect(imported.code).toBe(1);
    expect(imported.err).toContain(
      'gridledger: interrupted; streams written before the interruption stay',
    );
    expect((await gridledger(['verify', '--store', `sqlite:${copy}`])).out).toContain(
      '✓ 0 streams, 0 events',
    );
    const exported = await gridledger(
      ['export', '--store', `sqlite:${source}`, '--out', dir('cut')],
      {
        signal: interrupted,
      },
    );
    expect(exported.err).toContain(
      `gridledger: interrupted; no export was written to ${dir('cut')}`,
    );
    const verified = await gridledger(['verify', '--store', `sqlite:${source}`], {
      signal: interrupted,
    });
    expect(verified).toMatchObject({ code: 1, out: '' });
    expect(verified.err).toContain('interrupted; the verification did not finish');
  });
});
