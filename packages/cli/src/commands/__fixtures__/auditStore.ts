// The Xu/Shang dispute (and the visit it was spotted on) recorded into an SQLite file, and plain
// SQL against that file, as a tamperer with write access to it would use.
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqlite } from '@gridledger/store-sqlite';
import type { StoredEvent } from '@gridledger/core';
import { captureIo } from '../../test-io.js';
import { main } from '../../main.js';
import { xuShang } from '@gridledger/core/testing';

export const { DISPUTE_STREAM, VISIT_STREAM } = xuShang;
export const { recordXuShang, storyLedger } = xuShang;

interface Statement {
  run(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
}
interface Connection {
  prepare(sql: string): Statement;
  exec(sql: string): void;
  close(): void;
}

// better-sqlite3 is store-sqlite's dependency, not the CLI's: load it from where it is installed.
const fromCli = createRequire(import.meta.url);
const Database = createRequire(fromCli.resolve('@gridledger/store-sqlite/package.json'))(
  'better-sqlite3',
) as new (file: string) => Connection;

export interface AuditFiles {
  readonly dir: string;
  /** A new SQLite file holding the story. */
  record(name?: string): Promise<string>;
  remove(): void;
}

export function auditFiles(): AuditFiles {
  const dir = mkdtempSync(join(tmpdir(), 'gridledger-audit-'));
  return {
    dir,
    async record(name = 'gridledger.db') {
      const file = join(dir, name);
      const opened = openSqlite(file, { synchronous: 'normal' });
      await recordXuShang(storyLedger(opened.events));
      await opened.close();
      return file;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Runs SQL statements on the file directly, bypassing Gridledger. */
export function sql(file: string, statements: string, ...params: unknown[]): void {
  const db = new Database(file);
  try {
    if (params.length === 0) db.exec(statements);
    else db.prepare(statements).run(...params);
  } finally {
    db.close();
  }
}

/** The rows of one stream as stored, by version. */
export function rows(file: string, streamId: string): StoredEvent[] {
  const db = new Database(file);
  try {
    const raw = db
      .prepare(
        'SELECT event_id AS id, type, stream_version AS streamVersion, data, metadata FROM events WHERE stream_id = ? ORDER BY stream_version',
      )
      .all(streamId) as {
      id: string;
      type: string;
      streamVersion: number;
      data: string;
      metadata: string;
    }[];
    return raw.map((r) => ({
      ...r,
      streamId,
      schemaVersion: 1,
      position: '' as StoredEvent['position'],
      data: JSON.parse(r.data) as unknown,
      metadata: JSON.parse(r.metadata) as StoredEvent['metadata'],
    }));
  } finally {
    db.close();
  }
}

/** Runs `gridledger …` in-process; returns the exit code and what it printed. */
export async function gridledger(
  argv: readonly string[],
  options: { cwd?: string; env?: Record<string, string>; signal?: AbortSignal } = {},
) {
  const { signal, ...where } = options;
  const io = captureIo(where);
  const code = await main(argv, signal === undefined ? io : { ...io, signal });
  return { code, out: io.out(), err: io.err() };
}
