// One rebuild at a time on a read-model file: two at once would share one plan and each other's
// half-built copies. A lock file beside it says who holds it (process, machine, since when, the
// command), so the second rebuild can say so; a lock left by a process that is gone (killed, the
// machine restarted) is taken over, since on one machine that can be checked.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { CliError, EXIT } from '../errors.js';

export interface LockHolder {
  readonly pid: number;
  readonly host: string;
  readonly startedAt: string;
  readonly command: string;
}

/** The read-model file is locked by another rebuild. Exit code 1: nothing was wrong with the call. */
export class RebuildLockedError extends CliError {
  constructor(message: string) {
    super(message, EXIT.failed);
    this.name = 'RebuildLockedError';
  }
}

export interface RebuildLock {
  /** A lock found and taken over, left by a process that is no longer running. */
  readonly tookOver: LockHolder | undefined;
  release(): void;
}

export const lockFileOf = (file: string) => `${file}.rebuild-lock`;

export function lockForRebuild(file: string, command: string, now: () => string): RebuildLock {
  const path = lockFileOf(file);
  const mine: LockHolder = { pid: process.pid, host: hostname(), startedAt: now(), command };
  const text = JSON.stringify(mine);
  let tookOver: LockHolder | undefined;
  for (let attempt = 1; ; attempt++) {
    try {
      // Created only if absent (O_EXCL), so of two rebuilds starting together one gets it.
      writeFileSync(path, text, { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const found = readHolder(path);
    if (attempt === 3 || (found !== undefined && !isGone(found.holder))) {
      throw new RebuildLockedError(busy(file, path, found?.holder));
    }
    if (found === undefined) continue; // released between the two calls: try again
    // Removed only if it is still the lock that was found gone, never one just taken anew.
    if (readHolder(path)?.text === found.text) rmSync(path, { force: true });
    tookOver = found.holder;
  }
  return {
    tookOver,
    release() {
      if (readHolder(path)?.text === text) rmSync(path, { force: true });
    },
  };
}

function readHolder(path: string): { text: string; holder: LockHolder | undefined } | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const parsed = JSON.parse(text) as Partial<LockHolder>;
    const valid =
      typeof parsed.pid === 'number' &&
      typeof parsed.host === 'string' &&
      typeof parsed.startedAt === 'string' &&
      typeof parsed.command === 'string';
    return { text, holder: valid ? (parsed as LockHolder) : undefined };
  } catch {
    return { text, holder: undefined };
  }
}

/** Only a process on this machine can be known to be gone. */
function isGone(holder: LockHolder | undefined): holder is LockHolder {
  if (holder === undefined || holder.host !== hostname()) return false;
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

function busy(file: string, path: string, holder: LockHolder | undefined): string {
  if (holder === undefined) {
    return (
      `another rebuild is running on ${file}, or one left ${path} unreadable; ` +
      `if no rebuild is running, remove ${path}`
    );
  }
  const who = `process ${holder.pid} on ${holder.host}, started ${holder.startedAt} (${holder.command})`;
  const what =
    holder.host === hostname()
      ? 'wait for it to finish, or stop it with Ctrl-C (it carries on where it stopped when run again)'
      : `wait for it to finish; if it is no longer running, remove ${path}`;
  return `another rebuild is running on ${file}: ${who}; ${what}`;
}

/** The note said when a gone process's lock was taken over. */
export const tookOverNote = (file: string, holder: LockHolder): string =>
  `note: process ${holder.pid} on ${holder.host} started a rebuild on ${file} at ${holder.startedAt} ` +
  'and is no longer running; carrying on without it';
