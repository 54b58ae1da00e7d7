// The README's set-up as a newcomer runs it, on a fresh copy of the repository (the files git
// would check out: no node_modules, no dist/, no gridledger.db): `pnpm install && pnpm demo`,
// then `pnpm gridledger …` on the demo's store, with no build step in between. The install is
// offline, from the pnpm store the workspace's own install filled, so it takes seconds.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The environment of a person at a shell: none of the variables pnpm sets for the test run. */
function shellEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(npm_|pnpm_|INIT_CWD$|PNPM_|VITEST|NODE_OPTIONS$)/i.test(key)) env[key] = value;
  }
  return { ...env, TZ: 'Asia/Shanghai' };
}

function run(cwd: string, command: string, ...args: string[]) {
  const result = spawnSync(command, args, { cwd, env: shellEnv(), encoding: 'utf8' });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

/** Copies what a clone of the working tree would hold: tracked and new, unignored files. */
function freshCopy(): string {
  const listed = spawnSync(
    'git',
    ['ls-files', '-z', '--cached', '--others', '--exclude-standard'],
    {
      cwd: root,
      encoding: 'utf8',
    },
  );
  if (listed.status !== 0) throw new Error(`git ls-files failed: ${listed.stderr}`);
  const copy = mkdtempSync(join(tmpdir(), 'gridledger-fresh-'));
  for (const file of listed.stdout.split('\0').filter(Boolean)) {
    if (!existsSync(join(root, file))) continue; // deleted in the working tree
    mkdirSync(dirname(join(copy, file)), { recursive: true });
    copyFileSync(join(root, file), join(copy, file));
  }
  return copy;
}

describe('a fresh clone, set up as the README says', () => {
  let copy: string;
  let install: ReturnType<typeof run>;
  let demo: ReturnType<typeof run>;

  beforeAll(() => {
    copy = freshCopy();
    install = run(copy, 'pnpm', 'install', '--frozen-lockfile', '--offline');
    demo = install.code === 0 ? run(copy, 'pnpm', 'demo') : install;
  }, 600_000);
  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  it('installs and runs the demo into ./gridledger.db, with nothing built', () => {
    expect(install.err).not.toMatch(/ERR_PNPM/);
    expect(install.code).toBe(0);
    expect(demo.code).toBe(0);
    expect(demo.out).toMatch(/Xu v Shang/);
    expect(existsSync(join(copy, 'gridledger.db'))).toBe(true);
    expect(existsSync(join(copy, 'packages/cli/dist'))).toBe(false);
  });

  it('`pnpm gridledger history xu-shang-tv-deposit` prints the dispute from the demo store', () => {
    const history = run(copy, 'pnpm', 'gridledger', 'history', 'xu-shang-tv-deposit');
    expect(history.err).toBe('');
    expect(history.code).toBe(0);
    expect(history.out).toMatch(/^History of dispute-xu-shang-tv-deposit \(Dispute\) in sqlite:/);
    expect(history.out).toMatch(/✓ 11 events; every hash and link verifies/);
  });

  it('ends quietly when the reader stops early (`| head -1`)', () => {
    const piped = run(
      copy,
      'bash',
      '-o',
      'pipefail',
      '-c',
      'pnpm gridledger history xu-shang-tv-deposit | head -1',
    );
    expect(piped.err).toBe('');
    expect(piped.code).toBe(0);
    expect(piped.out).toBe(
      `History of dispute-xu-shang-tv-deposit (Dispute) in sqlite:${join(copy, 'gridledger.db')}\n`,
    );
  });
});
