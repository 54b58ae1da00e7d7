import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
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
    expect(exported.out).toMatch(/events\.ndjson {2}\d{1,3}(,\d{3})* bytes, SHA-256 [0-9a-f]{64}/);

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
    // The store the import created for the copy is not left behind, empty.
    expect(edited.err).toContain(`removed ${dir('edited.db')}, which this import had created`);
    expect(readdirSync(files.dir).filter((f) => f.startsWith('edited.db'))).toEqual([]);
  });

  it('keeps a store that existed before a failed import', async () => {
    const existing = await files.record('existing.db');
    const failed = await gridledger([
      'import',
      '--from',
      dir('all'),
      '--store',
      `sqlite:${existing}`,
    ]);
    expect(failed.code).toBe(1);
    expect(failed.err).not.toContain('removed');
    expect(existsSync(existing)).toBe(true);
  });

  it('refuses --out onto a file, or a directory holding an export, before reading the store', async () => {
    writeFileSync(dir('notes.md'), '# notes');
    const file = await gridledger([
      'export',
      '--store',
      'sqlite:/nonexistent/x.db',
      '--out',
      dir('notes.md'),
    ]);
    expect(file).toMatchObject({ code: 2, out: '' });
    expect(file.err).toBe(
      `gridledger export: --out ${dir('notes.md')} is a file: export writes a directory ` +
        '(events.ndjson and manifest.json); name a new or empty one\n',
    );
    const taken = await gridledger([
      'export',
      '--store',
      'sqlite:/nonexistent/x.db',
      '--out',
      dir('all'),
    ]);
    expect(taken).toMatchObject({ code: 2 });
    expect(taken.err).toBe(
      `gridledger export: --out ${dir('all')} already holds an export (manifest.json): name a new or empty directory\n`,
    );
  });

  it('says what is missing: --out, --from, an export', async () => {
    expect((await gridledger(['export', '--store', `sqlite:${source}`])).err).toMatch(
      /--out <dir> is required/,
    );
    expect((await gridledger(['import'])).err).toMatch(/--from <dir> is required/);
    const none = await gridledger(['import', '--from', files.dir]);
    expect(none).toMatchObject({ code: 2 });
    expect(none.err).toContain(`no export at ${files.dir}: it has no manifest.json`);
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
      `gridledger: interrupted; removed ${copy}, which this import had created: run it again`,
    );
    expect(existsSync(copy)).toBe(false);
    const exported = await gridledger(
      ['export', '--store', `sqlite:${source}`, '--out', dir('cut')],
      {
        signal: interrupted,
      },
    );
    expect(exported.err).toContain(
      `gridledger: interrupted; no export was written to ${dir('cut')}`,
    );
    // Neither the directory it made, nor its parents: only what was there before stays.
    expect(existsSync(dir('cut'))).toBe(false);
    mkdirSync(dir('kept'));
    const nested = await gridledger(
      ['export', '--store', `sqlite:${source}`, '--out', join(dir('kept'), 'a/b')],
      { signal: interrupted },
    );
    expect(nested.code).toBe(1);
    expect(readdirSync(dir('kept'))).toEqual([]);
    const verified = await gridledger(['verify', '--store', `sqlite:${source}`], {
      signal: interrupted,
    });
    expect(verified).toMatchObject({ code: 1, out: '' });
    expect(verified.err).toContain('interrupted; the verification did not finish');
  });
});
