// What users install is what is tested: every package packed as it would be published
// (`pnpm pack`: workspace versions replaced, only the files the manifest lists), the tarballs
// installed with npm into a new app outside the workspace, and there the README's quick start run
// as ESM and as CommonJS, type-checked by `tsc` with moduleResolution node16 and bundler, and the
// CLI run both in-process (its README's example) and as the `gridledger` command.
//
// npm installs with --ignore-scripts: the one install script that matters, better-sqlite3's native
// build, would download a prebuilt binary (no network here but the registry) or compile SQLite
// for minutes; the binary the workspace's own install built, of the same version for the same
// Node, is copied in instead (a different version is compiled, as npm would). Any other package
// that needs its install script is reported, so this shortcut cannot hide one.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractTsBlocks } from '../docs/code-blocks.js';
import { buildAll, PACKAGES, ROOT } from './fixtures/built.js';

const work = mkdtempSync(join(tmpdir(), 'gridledger-packed-'));
const tarballs = join(work, 'tarballs');
const app = join(work, 'app');
afterAll(() => rmSync(work, { recursive: true, force: true }));

function run(command: string, args: readonly string[], cwd: string): SpawnSyncReturns<string> {
  return spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? tmpdir(), TZ: 'UTC' },
  });
}

const said = (ran: SpawnSyncReturns<string>) => `${ran.stdout}${ran.stderr}`;

function ok(command: string, args: readonly string[], cwd: string): string {
  const ran = run(command, args, cwd);
  if (ran.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (${ran.status}):\n${said(ran)}`);
  }
  return ran.stdout;
}

/** The first ```ts block of a markdown file. */
function firstBlock(file: string): string {
  const [block] = extractTsBlocks(file, readFileSync(join(ROOT, file), 'utf8'));
  if (block === undefined) throw new Error(`${file} has no ts block`);
  return block.code;
}

/** The same program as a CommonJS module: the imports, then the rest in an async function. */
function asCommonJs(code: string): string {
  const imports = /^(?:import[^;]*;\n)+/.exec(code)?.[0] ?? '';
  const body = code.slice(imports.length);
  return (
    `${imports}\nvoid (async () => {\n${body}\n})().catch((error: unknown) => {\n` +
    '  console.error(error);\n  process.exitCode = 1;\n});\n'
  );
}

/** Packages with an install script npm would have run (found by walking node_modules). */
function installScripts(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.name.startsWith('@')) {
      found.push(...installScripts(path));
      continue;
    }
    const manifest = join(path, 'package.json');
    if (existsSync(manifest)) {
      const { name, scripts = {} } = JSON.parse(readFileSync(manifest, 'utf8')) as {
        name: string;
        scripts?: Record<string, string>;
      };
      if (scripts['preinstall'] ?? scripts['install'] ?? scripts['postinstall']) found.push(name);
    }
    if (existsSync(join(path, 'node_modules')))
      found.push(...installScripts(join(path, 'node_modules')));
  }
  return found;
}

/** better-sqlite3's native binary: the workspace's, when it is the same version. */
function provideSqliteBinary(): void {
  const installed = join(app, 'node_modules/better-sqlite3');
  const fromWorkspace = dirname(
    createRequire(join(ROOT, 'packages/store-sqlite/package.json')).resolve(
      'better-sqlite3/package.json',
    ),
  );
  const version = (dir: string) =>
    (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
  const binary = join(fromWorkspace, 'build/Release/better_sqlite3.node');
  if (version(installed) === version(fromWorkspace) && existsSync(binary)) {
    mkdirSync(join(installed, 'build/Release'), { recursive: true });
    cpSync(binary, join(installed, 'build/Release/better_sqlite3.node'));
  } else {
    ok('npm', ['rebuild', 'better-sqlite3'], app);
  }
}

const TSC = join(ROOT, 'node_modules/typescript/bin/tsc');

const KNOWN_CONDITIONS = new Set(['@gridledger/source', 'types', 'import', 'require', 'default']);

/** Every condition named in an exports map. */
function conditionsOf(exports: unknown): Set<string> {
  const found = new Set<string>();
  const walk = (value: unknown): void => {
    if (typeof value !== 'object' || value === null) return;
    for (const [key, inner] of Object.entries(value)) {
      if (!key.startsWith('.')) found.add(key);
      walk(inner);
    }
  };
  walk(exports);
  return found;
}

function tsconfig(name: string, compilerOptions: Record<string, unknown>, files: string[]): void {
  const options = {
    target: 'es2022',
    strict: true,
    // The packages' own .d.ts files are checked too: a broken one must fail here.
    skipLibCheck: false,
    esModuleInterop: true,
    types: ['node'],
    typeRoots: [join(realpathSync(ROOT), 'node_modules/@types')],
    ...compilerOptions,
  };
  writeFileSync(join(app, name), JSON.stringify({ compilerOptions: options, files }, null, 2));
}

describe('the packages as published, installed with npm into an app of its own', () => {
  let node16: SpawnSyncReturns<string>;
  let bundler: SpawnSyncReturns<string>;

  beforeAll(() => {
    buildAll();
    ok('pnpm', ['-r', '--filter', './packages/*', 'pack', '--pack-destination', tarballs], ROOT);
    mkdirSync(app);
    writeFileSync(
      join(app, 'package.json'),
      JSON.stringify({ name: 'xuzhai-office', version: '1.0.0', private: true }),
    );
    const packed = readdirSync(tarballs).map((file) => join(tarballs, file));
    ok(
      'npm',
      ['install', '--ignore-scripts', '--prefer-offline', '--no-audit', '--no-fund', ...packed],
      app,
    );
    provideSqliteBinary();

    const quickStart = firstBlock('README.md');
    writeFileSync(join(app, 'quick-start.mts'), `${quickStart}\nexport {};\n`);
    writeFileSync(join(app, 'quick-start.cts'), asCommonJs(quickStart));
    writeFileSync(join(app, 'cli.mts'), `${firstBlock('packages/cli/README.md')}\nexport {};\n`);
    tsconfig('tsconfig.node16.json', { module: 'node16', moduleResolution: 'node16' }, [
      'quick-start.mts',
      'quick-start.cts',
      'cli.mts',
    ]);
    tsconfig(
      'tsconfig.bundler.json',
      { module: 'preserve', moduleResolution: 'bundler', noEmit: true },
      ['quick-start.mts', 'cli.mts'],
    );
    // node16 also emits the scripts run below: .mts as .mjs (import), .cts as .cjs (require).
    node16 = run(process.execPath, [TSC, '-p', 'tsconfig.node16.json'], app);
    bundler = run(process.execPath, [TSC, '-p', 'tsconfig.bundler.json'], app);
  }, 1_800_000);

  it('installs every package from its tarball, with no workspace version left', () => {
    for (const name of PACKAGES) {
      const manifest = JSON.parse(
        readFileSync(join(app, 'node_modules/@gridledger', name, 'package.json'), 'utf8'),
      ) as Record<string, unknown>;
      expect(JSON.stringify(manifest)).not.toMatch(/workspace:/);
      expect(existsSync(join(app, 'node_modules/@gridledger', name, 'dist'))).toBe(true);
      // Only conditions every tool knows, and the workspace's own: a common name such as
      // `source` would be picked up by a user's bundler and lead it into src/.
      expect(
        [...conditionsOf(manifest['exports'])].filter((c) => !KNOWN_CONDITIONS.has(c)),
      ).toEqual([]);
    }
  });

  it('skips no install script but better-sqlite3 (whose binary is provided)', () => {
    // protobufjs's postinstall only checks the versions of its own command-line tools.
    const scripts = installScripts(join(app, 'node_modules'));
    expect(scripts.filter((name) => !['better-sqlite3', 'protobufjs'].includes(name))).toEqual([]);
  });

  it('type-checks with moduleResolution node16, ESM and CommonJS, and bundler', () => {
    expect(said(node16)).toBe('');
    expect(node16.status).toBe(0);
    expect(said(bundler)).toBe('');
    expect(bundler.status).toBe(0);
  });

  it('runs the README quick start as ESM and as CommonJS', () => {
    for (const script of ['quick-start.mjs', 'quick-start.cjs']) {
      expect(existsSync(join(app, script))).toBe(true);
      const ran = run(process.execPath, [script], app);
      expect(said(ran)).toBe('');
      expect(ran.status).toBe(0);
    }
  });

  it("runs the CLI's README example in-process, and the gridledger command", () => {
    const inProcess = run(process.execPath, ['cli.mjs'], app);
    expect(said(inProcess)).toBe('');
    expect(inProcess.status).toBe(0);
    const version = run(join(app, 'node_modules/.bin/gridledger'), ['--version'], app);
    expect(version.stdout).toBe('gridledger 0.1.0\n');
    const missing = run(join(app, 'node_modules/.bin/gridledger'), ['streams'], app);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe(
      `gridledger streams: no store at ${join(realpathSync(app), 'gridledger.db')}: the file does not exist ` +
        '(choose one with --store sqlite:<file> or $GRIDLEDGER_STORE)\n',
    );
  });
});
