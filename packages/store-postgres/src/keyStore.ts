// The KeyStore port in PostgreSQL: subjects' keys in a table of the store's schema, apart from
// the events. Forgetting deletes the rows; VACUUM FULL of the table rewrites its pages.
import { randomBytes } from 'node:crypto';
import type { KeyStore, SubjectKey } from '@gridledger/core';
import { assertWritable, type PostgresConnection } from './connection.js';

/** A KeyStore that can also be closed. */
export interface PostgresKeyStore extends KeyStore {
  close(): Promise<void>;
}

/** A KeyStore on its own lease of an open store; closing it ends the lease. */
export function createKeyStore(connection: PostgresConnection): PostgresKeyStore {
  const s = connection.schema;
  const named = (name: string): string => `gridledger.${s}.keys.${name}`;

  return {
    name: connection.name,
    async currentKey(subject: string): Promise<SubjectKey> {
      const doing = `make a key for ${subject}`;
      assertWritable(connection, doing);
      const made = { id: randomBytes(8).toString('hex'), key: randomBytes(32) };
      // Inserted unless the subject has a key already; either way the subject's latest key wins,
      // so two processes sealing for one new subject at once agree on it.
      return connection.transaction(doing, async (client) => {
        await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${s}:${subject}`]);
        const found = await client.query<{ id: string; key: Buffer }>(
          `SELECT key_id AS id, key FROM ${s}.subject_keys WHERE subject = $1
           ORDER BY created_at DESC, key_id LIMIT 1`,
          [subject],
        );
        const existing = found.rows[0];
        if (existing) return existing;
        await client.query(
          `INSERT INTO ${s}.subject_keys (subject, key_id, key) VALUES ($1, $2, $3)`,
          [subject, made.id, made.key],
        );
        return made;
      });
    },
    async findKey(subject: string, id: string): Promise<Uint8Array | undefined> {
      const [row] = await connection.query<{ key: Buffer }>(`read the key of ${subject}`, {
        name: named('find'),
        text: `SELECT key FROM ${s}.subject_keys WHERE subject = $1 AND key_id = $2`,
        values: [subject, id],
      });
      return row?.key;
    },
    async forget(subject: string): Promise<number> {
      const doing = `forget ${subject}`;
      assertWritable(connection, doing);
      return connection.transaction(doing, async (client) => {
        const deleted = await client.query(`DELETE FROM ${s}.subject_keys WHERE subject = $1`, [
          subject,
        ]);
        return deleted.rowCount ?? 0;
      });
    },
    async close() {
      await connection.release();
    },
  };
}
