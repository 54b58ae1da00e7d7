// The KeyStore port in the same file as the events, in a table of its own. The connection runs
// with secure_delete, so a forgotten subject's key bytes are overwritten, not just unlinked.
import type { KeyStore, SubjectKey } from '@gridledger/core';
import { randomBytes } from 'node:crypto';
import { assertWritable, type SqliteConnection } from './connection.js';

/** A KeyStore that can also be closed. */
export interface SqliteKeyStore extends KeyStore {
  close(): Promise<void>;
}

interface KeyRow {
  id: string;
  key: Buffer;
}

/** A KeyStore on its own lease of an open file; closing it ends the lease. */
export function createKeyStore(connection: SqliteConnection): SqliteKeyStore {
  const { file } = connection;
  const statements = connection.use('prepare subject keys', (db) => {
    if (!connection.readonly) db.pragma('secure_delete = ON');
    const latest = db.prepare<[string], KeyRow>(
      `SELECT key_id AS id, key FROM subject_keys WHERE subject = ?
       ORDER BY created_at DESC, key_id LIMIT 1`,
    );
    const insert = db.prepare<[string, string, Buffer, string]>(
      'INSERT INTO subject_keys (subject, key_id, key, created_at) VALUES (?, ?, ?, ?)',
    );
    return {
      find: db.prepare<[string, string], Buffer>(
        'SELECT key FROM subject_keys WHERE subject = ? AND key_id = ?',
      ),
      remove: db.prepare<[string]>('DELETE FROM subject_keys WHERE subject = ?'),
      // Under the write lock, so two processes sealing for one new subject agree on its key.
      current: db.transaction((subject: string): KeyRow => {
        const found = latest.get(subject);
        if (found) return found;
        const made = { id: randomBytes(8).toString('hex'), key: randomBytes(32) };
        insert.run(subject, made.id, made.key, new Date().toISOString());
        return made;
      }),
    };
  });
  const find = statements.find.pluck();

  return {
    name: `sqlite:${file}`,
    async currentKey(subject: string): Promise<SubjectKey> {
      assertWritable(connection, `make a key for ${subject}`);
      return connection.use(`make a key for ${subject}`, () =>
        statements.current.immediate(subject),
      );
    },
    async findKey(subject: string, id: string): Promise<Uint8Array | undefined> {
      return connection.use(`read the key of ${subject}`, () => find.get(subject, id));
    },
    async forget(subject: string): Promise<number> {
      assertWritable(connection, `forget ${subject}`);
      return connection.use(`forget ${subject}`, (db) => {
        const deleted = statements.remove.run(subject).changes;
        // The WAL still holds the page as it was before the delete: copy it back and empty the
        // WAL now (a reader in another process may delay that until it finishes).
        if (deleted > 0) db.pragma('wal_checkpoint(TRUNCATE)');
        return deleted;
      });
    },
    async close() {
      connection.release();
    },
  };
}
