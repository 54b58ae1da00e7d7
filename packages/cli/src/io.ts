// What a command may touch of the outside world, injected so commands run in-process in tests.
import type { Writable } from 'node:stream';

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
