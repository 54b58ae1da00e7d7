// Runs the `gridledger` command as a person's shell does: the package's launcher in a child
// process (inside the repository it runs the sources, so no build is needed).
import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const LAUNCHER = join(
  resolve(dirname(fileURLToPath(import.meta.url)), '../..'),
  'bin/gridledger.js',
);

export interface Ran {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly out: string;
  readonly err: string;
}

export interface LaunchOptions {
  readonly cwd: string;
  readonly env?: Readonly<Record<string, string>>;
  /** Close the reading end of stdout at once, as `| head -0` would: every write meets EPIPE. */
  readonly closeStdout?: boolean;
}

export function launch(args: readonly string[], options: LaunchOptions): Promise<Ran> {
  const child = spawn(process.execPath, [LAUNCHER, ...args], {
    cwd: options.cwd,
    env: { PATH: process.env['PATH'] ?? '', TZ: 'UTC', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  if (options.closeStdout === true) child.stdout.destroy();
  else child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  return new Promise((done, fail) => {
    child.on('error', fail);
    child.on('close', (code, signal) => done({ code, signal, out, err }));
  });
}
