// What a command may touch of the outside world, injected so commands run in-process in tests.
import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Writable } from 'node:stream';
import { UsageError } from './errors.js';

export interface CliIo {
  readonly stdout: Writable & { isTTY?: boolean; columns?: number };
  readonly stderr: Writable & { isTTY?: boolean };
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** Cancels long commands (Ctrl-C); commands stop cleanly and say how to resume. */
  readonly signal?: AbortSignal;
}

export const write = (stream: Writable, text: string): void => {
  stream.write(text.endsWith('\n') ? text : `${text}\n`);
};

/**
 * A reader that stops early (`gridledger history … | head`) closes the pipe. What is written after
 * that is dropped, quietly: the command still finishes its work (a rebuild is not left half done)
 * and exits with its own code, so `verify | head -1` still says whether the store verifies.
 */
export function dropOutputOnClosedPipe(stream: Writable): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

/**
 * Makes the folder a new file is to be written in, when it is missing (with `mode`, e.g. 0o700 for
 * a folder of private keys), and says so on stderr; a path through a file is a usage error.
 */
export function folderFor(file: string, option: string, io: CliIo, mode = 0o755): void {
  const folder = dirname(file);
  const found = statSync(folder, { throwIfNoEntry: false });
  if (found?.isDirectory() === true) return;
  if (found !== undefined) {
    throw new UsageError(`--${option} ${file}: ${folder} is a file, not a folder to write in`);
  }
  try {
    mkdirSync(folder, { recursive: true, mode });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new UsageError(`--${option} ${file}: cannot create the folder ${folder} (${code})`);
  }
  write(io.stderr, `Created the folder ${folder}`);
}
