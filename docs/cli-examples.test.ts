// Runs every command-line example of the READMEs and docs against the demo's store, as written: a
// ```sh block that calls `gridledger` is run line by line with bash, in a folder that holds what
// `pnpm demo` writes (./gridledger.db), one folder per markdown file so that a file's examples can
// build on each other (keygen, then checkpoint, then verify). A line exits 0 unless it says
// otherwise with a trailing `# exits N`. When a ```text block follows the ```sh block at once, it
// is the output shown to the reader: each of its lines must appear in what the commands printed,
// in order (a line `…` stands for lines left out, `…` within a line for any text). Times are in Asia/Shanghai, as in the docs.
// Examples that name a server of the office's own (not on this machine) cannot run here; the
// last test lists them, so that each one is a deliberate exception.
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentationFiles, extractFencedBlocks, type FencedBlock } from './code-blocks.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

interface Example {
  readonly block: FencedBlock;
  readonly commands: readonly { readonly line: string; readonly exits: number }[];
  /** The output shown right after the block, when there is one. */
  readonly shown?: FencedBlock;
}

/** Joins `\` continuations and drops comments; `# exits N` sets the expected exit code. */
export function commandsOf(code: string): Example['commands'] {
  const joined = code.replace(/\\\n\s*/g, '');
  return joined
    .split('\n')
    .map((raw) => {
      const exits = /#\s*exits (\d+)\s*$/.exec(raw);
      const line = raw.replace(/(^|\s)#.*$/, '').trim();
      return { line, exits: exits === null ? 0 : Number(exits[1]) };
    })
    .filter(({ line }) => line !== '');
}

/** A store or read-model location on a server that is not this machine. */
const FOREIGN_SERVER =
  /(?:esdb|kurrentdb|postgres(?:ql)?):\/\/(?:[^@/\s'"]*@)?(?!127\.0\.0\.1|localhost)[^/\s'"]+/;

function examplesOf(file: string): { runnable: Example[]; foreign: string[] } {
  const blocks = extractFencedBlocks(file, readFileSync(join(root, file), 'utf8'));
  const runnable: Example[] = [];
  const foreign: string[] = [];
  blocks.forEach((block, i) => {
    if (block.lang !== 'sh' && block.lang !== 'bash') return;
    const commands = commandsOf(block.code);
    if (!commands.some(({ line }) => line.startsWith('gridledger '))) return;
    if (FOREIGN_SERVER.test(block.code)) {
      foreign.push(`${file}: ${commands[0]!.line}`);
      return;
    }
    const next = blocks[i + 1];
    const adjacent = next !== undefined && next.lang === 'text' && next.line === block.endLine + 2;
    runnable.push({ block, commands, ...(adjacent ? { shown: next } : {}) });
  });
  return { runnable, foreign };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Every line of `shown` (but a line `…`) is a line of `printed`, in the same order; within a line
 * `…` stands for any text (a figure that changes from run to run, such as events per second).
 */
export function missingLine(shown: string, printed: string): string | undefined {
  const lines = printed.split('\n').map((l) => l.trimEnd());
  let at = 0;
  for (const expected of shown
    .trimEnd()
    .split('\n')
    .map((l) => l.trimEnd())) {
    if (expected.trim() === '…') continue;
    const pattern = new RegExp(`^${expected.split('…').map(escapeRegExp).join('.*')}$`);
    const found = lines.findIndex((line, i) => i >= at && pattern.test(line));
    if (found < 0) return expected;
    at = found + 1;
  }
  return undefined;
}

const files = documentationFiles(root).map((file) => ({ file, ...examplesOf(file) }));
let demoStore: string;
let scratch: string;
let bin: string;

function shellEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(npm_|pnpm_|INIT_CWD$|PNPM_|VITEST|NODE_OPTIONS$|GRIDLEDGER_)/i.test(key))
      env[key] = value;
  }
  return {
    ...env,
    TZ: 'Asia/Shanghai',
    PATH: `${bin}:${process.env['PATH'] ?? ''}`,
    COLUMNS: '100',
  };
}

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'gridledger-docs-cli-'));
  bin = join(scratch, 'bin');
  mkdirSync(bin);
  const shim = join(bin, 'gridledger');
  writeFileSync(
    shim,
    `#!/bin/sh\nexec node ${join(root, 'packages/cli/bin/gridledger.js')} "$@"\n`,
  );
  chmodSync(shim, 0o755);
  // What `pnpm demo` writes: the same program, with its default seed.
  demoStore = join(scratch, 'demo.db');
  const demo = spawnSync(
    process.execPath,
    ['--conditions=@gridledger/source', '--import', 'tsx', 'src/main.ts', '--db', demoStore],
    {
      cwd: join(root, 'examples/xuzhai-community'),
      encoding: 'utf8',
      env: { ...shellEnv(), INIT_CWD: scratch },
    },
  );
  if (demo.status !== 0) throw new Error(`the demo failed: ${demo.stderr}`);
}, 300_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

for (const { file, runnable } of files.filter((f) => f.runnable.length > 0)) {
  describe(`the command-line examples of ${file}, on the demo's store`, () => {
    let dir: string;
    beforeAll(() => {
      dir = join(scratch, file.replace(/[^A-Za-z0-9]+/g, '-'));
      mkdirSync(dir);
      copyFileSync(demoStore, join(dir, 'gridledger.db'));
    });

    for (const { block, commands, shown } of runnable) {
      it(`${file}:${block.line}`, () => {
        let printed = '';
        for (const { line, exits } of commands) {
          const run = spawnSync('bash', ['-c', line], {
            cwd: dir,
            env: shellEnv(),
            encoding: 'utf8',
          });
          const output = `${run.stdout}${run.stderr}`.replaceAll(`${dir}/`, './');
          expect(run.status, `${line}\n${output}`).toBe(exits);
          printed += output;
        }
        if (shown !== undefined) {
          const missing = missingLine(shown.code, printed);
          expect(
            missing,
            `${file}:${shown.line} shows a line '${missing}' that the commands do not print:\n${printed}`,
          ).toBeUndefined();
        }
      });
    }
  });
}

describe('the command-line examples', () => {
  it('cover the auditors’ and analysts’ guides and the CLI reference', () => {
    const covered = files.filter((f) => f.runnable.length > 0).map((f) => f.file);
    expect(covered).toEqual(
      expect.arrayContaining(['docs/analysts.md', 'docs/auditors.md', 'packages/cli/README.md']),
    );
  });

  it('run everywhere but where they name a server of the office’s own', () => {
    expect(files.flatMap((f) => f.foreign)).toEqual([
      "docs/analysts.md: gridledger report --store 'esdb://node1:2113?tls=true' --read-models ./xuzhai-read-models.db",
      "docs/analysts.md: gridledger rebuild --store 'postgres://analyst@db.xuzhai.local/office?schema=gridledger'",
    ]);
  });

  it('match shown output line by line, `…` standing for lines or text left out', () => {
    const printed = 'Title\nrow 1: 12 events/s\nrow 2\nDone.\n';
    expect(missingLine('Title\n…\nDone.', printed)).toBeUndefined();
    expect(missingLine('row 1: … events/s\nDone.', printed)).toBeUndefined();
    expect(missingLine('Done.\nTitle', printed)).toBe('Title');
    expect(missingLine('row 1: 13 events/s', printed)).toBe('row 1: 13 events/s');
  });

  it('read `\\` continuations and `# exits N`', () => {
    expect(
      commandsOf('gridledger verify \\\n  --store x   # exits 1\n# a note\n\ncp a b # copy\n'),
    ).toEqual([
      { line: 'gridledger verify --store x', exits: 1 },
      { line: 'cp a b', exits: 0 },
    ]);
  });
});
