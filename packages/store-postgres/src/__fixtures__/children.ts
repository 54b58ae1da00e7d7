// Runs a fixture script in a child `node` process that loads this workspace's `src/` directly,
// and talks to it line by line: the child prints JSON lines, the parent may send lines to it.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export interface Child {
  readonly process: ChildProcess;
  /** The next JSON line the child prints. Rejects if the child exits first. */
  next<T = unknown>(): Promise<T>;
  send(line: string): void;
  /** Resolves with the exit code (or signal) once the child has exited. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const PACKAGE_DIR = fileURLToPath(new URL('../..', import.meta.url));

export function startChild(script: string, args: readonly string[]): Child {
  const child = spawn(
    process.execPath,
    [
      '--conditions=@gridledger/source',
      '--import',
      'tsx',
      fileURLToPath(new URL(script, import.meta.url)),
      ...args,
    ],
    { cwd: PACKAGE_DIR, stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const lines: string[] = [];
  const waiting: { resolve: (line: string) => void; reject: (error: Error) => void }[] = [];
  let ended = false;
  createInterface({ input: child.stdout }).on('line', (line) => {
    const waiter = waiting.shift();
    if (waiter) waiter.resolve(line);
    else lines.push(line);
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    // 'close' comes after the child's output is drained, so no printed line is lost.
    child.on('close', (code, signal) => {
      ended = true;
      for (const waiter of waiting.splice(0)) {
        waiter.reject(new Error(`${script} exited (${code ?? signal}) before printing: ${stderr}`));
      }
      resolve({ code, signal });
    }),
  );
  return {
    process: child,
    exited,
    async next<T>() {
      const line =
        lines.shift() ??
        (ended
          ? Promise.reject(new Error(`${script} has exited: ${stderr}`))
          : new Promise<string>((resolve, reject) => waiting.push({ resolve, reject })));
      return JSON.parse(await line) as T;
    },
    send(line) {
      child.stdin.write(`${line}\n`);
    },
  };
}
