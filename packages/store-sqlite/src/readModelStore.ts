// The ReadModelStore port in the same file as the events: a read model's state and checkpoint
// are one row, so saving them is one atomic write, and `promote` swaps keys in one transaction.
import {
  ValidationError,
  jsonShapeIssue,
  type Position,
  type ReadModelRecord,
  type ReadModelStore,
  type ValidationIssue,
} from '@gridledger/core/store';
import { assertWritable, type SqliteConnection } from './connection.js';
import { SqliteUnavailableError } from './errors.js';

interface ReadModelRow {
  state: string;
  checkpoint: string | null;
  projectionVersion: number;
  eventsApplied: number;
  updatedAt: string;
}

function checkKey(key: unknown, path: string, issues: ValidationIssue[]): void {
  if (typeof key !== 'string' || key === '') {
    issues.push({ path, message: 'must be a non-empty string' });
  }
}

function checkRecord(key: string, record: ReadModelRecord<unknown>): string {
  const issues: ValidationIssue[] = [];
  checkKey(key, 'key', issues);
  let state = '';
  if (typeof record !== 'object' || record === null) {
    issues.push({ path: 'record', message: 'must be an object' });
  } else {
    const issue = jsonShapeIssue(record.state, 'state');
    if (issue === undefined) state = JSON.stringify(record.state);
    else issues.push(issue);
    if (record.checkpoint !== undefined && typeof record.checkpoint !== 'string') {
      issues.push({ path: 'checkpoint', message: 'must be a position or undefined' });
    }
    if (!(Number.isSafeInteger(record.projectionVersion) && record.projectionVersion >= 1)) {
      issues.push({ path: 'projectionVersion', message: 'must be a whole number ≥ 1' });
    }
    if (!(Number.isSafeInteger(record.eventsApplied) && record.eventsApplied >= 0)) {
      issues.push({ path: 'eventsApplied', message: 'must be a whole number ≥ 0' });
    }
    if (typeof record.updatedAt !== 'string') {
      issues.push({ path: 'updatedAt', message: 'must be an ISO time string' });
    }
  }
  if (issues.length > 0) throw new ValidationError(`read model '${String(key)}'`, issues);
  return state;
}

/** A ReadModelStore that can also be closed. */
export interface SqliteReadModelStore extends ReadModelStore {
  close(): Promise<void>;
}

/** A ReadModelStore on its own lease of an open file; closing it ends the lease. */
export function createReadModelStore(connection: SqliteConnection): SqliteReadModelStore {
  const { file } = connection;
  const { select, upsert, remove, keysWith, promote } = connection.use(
    'prepare read models',
    (db) => {
      const select = db.prepare<[string], ReadModelRow>(
        `SELECT state, checkpoint, projection_version AS projectionVersion,
                events_applied AS eventsApplied, updated_at AS updatedAt
         FROM read_models WHERE key = ?`,
      );
      const remove = db.prepare<[string]>('DELETE FROM read_models WHERE key = ?');
      const rename = db.prepare<[string, string]>('UPDATE read_models SET key = ? WHERE key = ?');
      return {
        select,
        remove,
        rename,
        upsert: db.prepare<[string, string, string | null, number, number, string]>(
          `INSERT OR REPLACE INTO read_models
             (key, state, checkpoint, projection_version, events_applied, updated_at)
           VALUES (?, ?, ?, ?, ?, ?)`,
        ),
        // `key >= prefix` lets the primary key narrow the scan; instr(...) = 1 is the exact test.
        keysWith: db
          .prepare<[string, string], string>(
            'SELECT key FROM read_models WHERE key >= ? AND instr(key, ?) = 1 ORDER BY key',
          )
          .pluck(),
        promote: db.transaction((from: string, to: string): boolean => {
          if (select.get(from) === undefined) return false;
          if (from === to) return true;
          remove.run(to);
          rename.run(to, from);
          return true;
        }),
      };
    },
  );
  const keyOnly = (subject: string, entries: Readonly<Record<string, unknown>>): void => {
    const issues: ValidationIssue[] = [];
    for (const [path, key] of Object.entries(entries)) checkKey(key, path, issues);
    if (issues.length > 0) throw new ValidationError(subject, issues);
  };

  return {
    name: `sqlite:${file}`,
    async load<S>(key: string): Promise<ReadModelRecord<S> | undefined> {
      keyOnly('read model load', { key });
      const row = connection.use(`load read model '${key}'`, () => select.get(key));
      if (row === undefined) return undefined;
      let state: S;
      try {
        state = JSON.parse(row.state) as S;
      } catch (error) {
        throw new SqliteUnavailableError(
          file,
          'corrupt',
          `read model '${key}' holds unreadable JSON`,
          {
            cause: error,
          },
        );
      }
      return {
        state,
        checkpoint: (row.checkpoint ?? undefined) as Position | undefined,
        projectionVersion: row.projectionVersion,
        eventsApplied: row.eventsApplied,
        updatedAt: row.updatedAt,
      };
    },
    async save<S>(key: string, record: ReadModelRecord<S>): Promise<void> {
      const state = checkRecord(key, record);
      assertWritable(connection, `save read model '${key}'`);
      connection.use(`save read model '${key}'`, () =>
        upsert.run(
          key,
          state,
          record.checkpoint ?? null,
          record.projectionVersion,
          record.eventsApplied,
          record.updatedAt,
        ),
      );
    },
    async promote(from: string, to: string): Promise<void> {
      keyOnly('read model promotion', { from, to });
      assertWritable(connection, `promote read model '${from}' to '${to}'`);
      const found = connection.use(`promote read model '${from}' to '${to}'`, () =>
        promote.immediate(from, to),
      );
      if (!found) {
        throw new ValidationError('read model promotion', [
          { path: 'from', message: `no read model is saved under '${from}'` },
        ]);
      }
    },
    async delete(key: string): Promise<void> {
      keyOnly('read model deletion', { key });
      assertWritable(connection, `delete read model '${key}'`);
      connection.use(`delete read model '${key}'`, () => remove.run(key));
    },
    async keys(prefix = ''): Promise<string[]> {
      if (typeof prefix !== 'string') {
        throw new ValidationError('read model keys', [
          { path: 'prefix', message: 'must be a string' },
        ]);
      }
      return connection.use('list read models', () => keysWith.all(prefix, prefix));
    },
    async close() {
      connection.release();
    },
  };
}
