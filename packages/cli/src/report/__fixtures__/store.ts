// Stores for command tests: the Xuzhai history recorded once into a SQLite file, and a fresh
// copy of that file for each test (a report or rebuild writes read models into it).
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqlite } from '@gridledger/store-sqlite';
import { recordXuzhaiHistory } from './history.js';

export interface XuzhaiFiles {
  readonly dir: string;
  /** A fresh copy of the recorded store, under `name` in the temp dir. */
  copy(name: string): string;
  /** Removes the temp dir. */
  remove(): void;
}

/** Records the history (of `years`, 2025 by default) once into a file in a new temp dir. */
export async function xuzhaiFiles(years: readonly number[] = [2025]): Promise<XuzhaiFiles> {
  const dir = mkdtempSync(join(tmpdir(), 'gridledger-cli-'));
  const original = join(dir, 'recorded.db');
  // Durable enough for a test; full fsync on every append would only make it slow.
  const opened = openSqlite(original, { synchronous: 'normal' });
  for (const year of years) await recordXuzhaiHistory(opened.events, year);
  await opened.close();
  return {
    dir,
    copy(name) {
      const file = join(dir, name);
      copyFileSync(original, file);
      return file;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
