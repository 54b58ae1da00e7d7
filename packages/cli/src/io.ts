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
