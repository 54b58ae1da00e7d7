// The built `gridledger` binary, spawned as a user would run it: the Xu/Shang dispute's timeline
// as an auditor reads it. Builds the CLI first when dist/bin.js is missing or older than a source.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditFiles, sql, type AuditFiles } from './__fixtures__/auditStore.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const bin = join(root, 'packages/cli/dist/bin.js');
const bundled = [
  'cli',
  'core',
  'store-sqlite',
  'store-memory',
  'store-eventstoredb',
  'projections',
];

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) {
      newest = Math.max(newest, statSync(path).mtimeMs);
    }
  }
  return newest;
}

function buildIfStale(): void {
  const sources = Math.max(
    statSync(join(root, 'packages/cli/tsup.config.ts')).mtimeMs,
    ...bundled.map((name) => newestSource(join(root, 'packages', name, 'src'))),
  );
  if (existsSync(bin) && statSync(bin).mtimeMs >= sources) return;
  const build = spawnSync('pnpm', ['--filter', '@gridledger/cli', 'build'], {
    cwd: root,
    encoding: 'utf8',
  });
  if (build.status !== 0)
    throw new Error(`building the CLI failed:\n${build.stdout}${build.stderr}`);
}

function gridledger(...args: string[]) {
  const run = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { PATH: process.env['PATH'] ?? '', TZ: 'UTC' },
  });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

let files: AuditFiles;
let store: string;
beforeAll(async () => {
  buildIfStale();
  files = auditFiles();
  store = `sqlite:${await files.record()}`;
}, 300_000);
afterAll(() => files.remove());

describe('gridledger history (built binary)', () => {
  it('prints the Xu/Shang dispute as the timeline an auditor reads', async () => {
    const { code, out, err } = gridledger(
      'history',
      'd-tv-deposit',
      '--store',
      store,
      '--time-zone',
      'Asia/Shanghai',
    );
    expect(err).toBe('');
    expect(code).toBe(0);
    await expect(out.replaceAll(files.dir, '<tmp>')).toMatchFileSnapshot(
      '__snapshots__/xu-shang-history.txt',
    );
  });

  it('marks the tampered event and exits 1', async () => {
    const file = await files.record('tampered.db');
    sql(
      file,
      `UPDATE events SET data = replace(data, 'Refund the full deposit', 'Keep the deposit') WHERE stream_id = 'dispute-d-tv-deposit' AND stream_version = 5`,
    );
    const { code, out } = gridledger(
      'history',
      'd-tv-deposit',
      '--store',
      `sqlite:${file}`,
      '--at',
      '5',
    );
    expect(code).toBe(1);
    expect(out).toMatch(
      /^v5 {2}2025-07-01 07:40 {2}Dispute agreement reached {2}✗ DOES NOT VERIFY$/m,
    );
    expect(out).toMatch(/^ {4}! CHANGED: v5 DisputeAgreementReached \(\w+\) was changed/m);
    expect(out).toMatch(/✗ 1 of 6 events does not verify/);
  });

  it('says what is wrong with a malformed time, an unknown id or a missing file', () => {
    const malformed = gridledger('history', 'd-tv-deposit', '--store', store, '--at', '1 July');
    expect(malformed).toMatchObject({ code: 2, out: '' });
    expect(malformed.err).toContain("malformed --at '1 July': give a stream version");
    const unknown = gridledger('history', 'd-nobody', '--store', store);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain("unknown id 'd-nobody'");
    const missing = gridledger(
      'history',
      'd-tv-deposit',
      '--store',
      'sqlite:/nonexistent/gridledger.db',
    );
    expect(missing.code).toBe(2);
    expect(missing.err).toContain(
      'no store at /nonexistent/gridledger.db: the file does not exist',
    );
  });
});
