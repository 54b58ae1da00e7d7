// `gridledger forget` and the --redact modes, on the Xu/Shang story recorded with personal data
// sealed under the file's own keys.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPersonalDataEncoder, gridledgerEvents } from '@gridledger/core';
import { openSqlite } from '@gridledger/store-sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DISPUTE_STREAM,
  gridledger,
  recordXuShang,
  storyLedger,
  VISIT_STREAM,
} from './__fixtures__/auditStore.js';

let dir: string;
let made = 0;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gridledger-forget-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The story in a new SQLite file, its personal data sealed with the file's keys. */
async function sealedStory(): Promise<string> {
  const file = join(dir, `story-${++made}.db`);
  const opened = openSqlite(file, { synchronous: 'normal' });
  const encoder = createPersonalDataEncoder({ keys: opened.keys, events: gridledgerEvents });
  await recordXuShang(storyLedger(opened.events, { encoder }));
  await opened.close();
  return file;
}

const XU = `party:${DISPUTE_STREAM}/p-xu`;
const SHANG = `party:${DISPUTE_STREAM}/p-shang`;
const HOUSEHOLD = 'household:h-xuzhai-0712';

describe('gridledger forget', () => {
  it('erases the residents: history reads [erased], verify stays clean, figures unchanged', async () => {
    const file = await sealedStory();
    const store = ['--store', `sqlite:${file}`];
    const before = await gridledger(['history', DISPUTE_STREAM, ...store]);
    expect(before.out).toContain('Shang');
    const figuresBefore = await gridledger([
      'report',
      'resolution-rate',
      '--format',
      'csv',
      ...store,
    ]);

    const forgot = await gridledger([
      'forget',
      XU,
      SHANG,
      HOUSEHOLD,
      '--request',
      'PIPL-2026-0042',
      '--actor',
      'm-dpo',
      ...store,
    ]);
    expect(forgot.err).toBe('');
    expect(forgot.code).toBe(0);
    expect(forgot.out).toContain(`erased  record:${DISPUTE_STREAM}`);
    expect(forgot.out).toContain(`erased  record:${VISIT_STREAM}`);

    const verify = await gridledger(['verify', ...store]);
    expect(verify.code).toBe(0);
    const after = await gridledger(['history', DISPUTE_STREAM, ...store]);
    expect(after.code).toBe(0);
    expect(after.out).toContain('[erased]');
    for (const value of ['Shang', 'Xu', 'Return the TV', 'fearing']) {
      expect(after.out).not.toMatch(new RegExp(`\\b${value}\\b`));
    }
    expect(after.out).toContain('Dispute resolved');
    const erasures = await gridledger(['history', 'erasures', '--json', ...store]);
    expect(JSON.parse(erasures.out.trim())).toMatchObject({
      type: 'SubjectsForgotten',
      actor: { id: 'm-dpo', role: 'data-protection-officer' },
      data: { request: 'PIPL-2026-0042', subjects: [XU, SHANG, HOUSEHOLD] },
      verified: true,
    });
    const streams = await gridledger(['streams', ...store]);
    expect(streams.code, streams.err).toBe(0);
    expect(streams.out).toContain('erasures');
    // As-of state works on the erased stream.
    const asOf = await gridledger(['history', DISPUTE_STREAM, '--at', '2', ...store]);
    expect(asOf.code).toBe(0);
    expect(asOf.out).toContain('[erased]');
    // An export of the erased store imports into another, verifies there and reads as erased.
    const copy = join(dir, `erased-export-${made}`);
    expect((await gridledger(['export', '--out', copy, ...store])).code).toBe(0);
    const other = ['--store', `sqlite:${join(dir, `copy-${made}.db`)}`];
    const imported = await gridledger(['import', '--from', copy, ...other]);
    expect(imported.code, imported.err).toBe(0);
    expect((await gridledger(['verify', ...other])).code).toBe(0);
    const copied = await gridledger(['history', VISIT_STREAM, ...other]);
    expect(copied.code).toBe(0);
    expect(copied.out).toContain('[erased]');
    expect(copied.out).not.toContain('building 7');
    const figuresAfter = await gridledger([
      'report',
      'resolution-rate',
      '--format',
      'csv',
      ...store,
    ]);
    expect(figuresBefore.code).toBe(0);
    expect(figuresBefore.out).toContain('2025-06,1,0,1,1,');
    expect(figuresAfter.out).toBe(figuresBefore.out);
  });

  it('refuses a subject named in no event, and a malformed one, changing nothing', async () => {
    const file = await sealedStory();
    const store = ['--store', `sqlite:${file}`];
    for (const subject of ['household:h-nobody', 'Xu']) {
      const result = await gridledger([
        'forget',
        subject,
        '--request',
        'R-1',
        '--actor',
        'm-dpo',
        ...store,
      ]);
      expect(result.code).toBe(2);
      expect(result.err).toContain(subject === 'Xu' ? 'must be a subject id' : 'no sealed value');
    }
    const missing = await gridledger(['forget', XU, '--actor', 'm-dpo', ...store]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('--request <ref> is required');
    expect((await gridledger(['history', DISPUTE_STREAM, ...store])).out).toContain('Shang');
  });
});

describe('--redact', () => {
  it('history shows no personal data and reads no key', async () => {
    const file = await sealedStory();
    const result = await gridledger([
      'history',
      VISIT_STREAM,
      '--redact',
      '--store',
      `sqlite:${file}`,
    ]);
    expect(result.code).toBe(0);
    expect(result.out).toContain('[redacted]');
    for (const value of ['Shang', 'building 7', 'upset']) expect(result.out).not.toContain(value);
  });

  it('export holds only sealed values, and is refused for a store holding them in clear', async () => {
    const file = await sealedStory();
    const out = join(dir, `export-${made}`);
    const result = await gridledger([
      'export',
      '--redact',
      '--out',
      out,
      '--store',
      `sqlite:${file}`,
    ]);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/redacted +no personal data in clear; \d+ sealed values, no keys/);
    const exported = readFileSync(join(out, 'events.ndjson'), 'utf8');
    for (const value of ['Shang', 'building 7', 'Return the TV']) {
      expect(exported).not.toContain(value);
    }

    const plain = join(dir, 'plain.db');
    const opened = openSqlite(plain, { synchronous: 'normal' });
    await recordXuShang(storyLedger(opened.events));
    await opened.close();
    const refused = await gridledger([
      'export',
      '--redact',
      '--out',
      join(dir, 'plain-export'),
      '--store',
      `sqlite:${plain}`,
    ]);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('in clear');
  });

  it('report gives the same figures from a read-only store, building nothing in it', async () => {
    const file = await sealedStory();
    const store = ['--store', `sqlite:${file}`];
    const redacted = await gridledger([
      'report',
      'resolution-rate',
      '--format',
      'csv',
      '--redact',
      ...store,
    ]);
    expect(redacted.code).toBe(0);
    expect(redacted.err).toContain("Built 'resolution-rate' from 7 events");
    const plain = await gridledger(['report', 'resolution-rate', '--format', 'csv', ...store]);
    expect(redacted.out).toBe(plain.out);
    // The redacted run left no read model in the store: this run had to build it.
    expect(plain.err).toContain('it has not been built yet');
    expect(redacted.out.length).toBeGreaterThan(0);
  });
});
