// The demo overwrites its database on every run, but only one it could have written itself: a
// file that is not a Gridledger SQLite file is refused, so a mistyped --db never destroys data.
import { closeSync, existsSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { ValidationError } from '@gridledger/core';
import { APPLICATION_ID } from '@gridledger/store-sqlite';

const SQLITE_MAGIC = 'SQLite format 3\u0000';
/** Where SQLite keeps `PRAGMA application_id` in the file header (big-endian). */
const APPLICATION_ID_OFFSET = 68;

/** Removes a previous run's file (and its WAL side files) so the run starts from nothing. */
export function replaceDatabase(file: string): void {
  if (existsSync(file)) {
    if (!statSync(file).isFile()) refuse(file, 'is not a file');
    if (statSync(file).size > 0 && !isGridledgerFile(file)) {
      refuse(file, 'exists and is not a Gridledger database; the demo will not overwrite it');
    }
  }
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(file + suffix, { force: true });
}

function isGridledgerFile(file: string): boolean {
  const header = Buffer.alloc(100);
  const fd = openSync(file, 'r');
  try {
    if (readSync(fd, header, 0, 100, 0) < 100) return false;
  } finally {
    closeSync(fd);
  }
  return (
    header.toString('latin1', 0, SQLITE_MAGIC.length) === SQLITE_MAGIC &&
    header.readUInt32BE(APPLICATION_ID_OFFSET) === APPLICATION_ID
  );
}

function refuse(file: string, why: string): never {
  throw new ValidationError('demo options', [{ path: 'db', message: `${file} ${why}` }]);
}
