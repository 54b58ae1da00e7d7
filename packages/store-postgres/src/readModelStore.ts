// The ReadModelStore port in PostgreSQL: a read model's state and checkpoint are one row, so
// saving them is one statement, atomic by itself; `promote` swaps keys in one transaction; and
// `claim` keeps a second projection worker off a read model that one is already building.
import {
  ValidationError,
  type Position,
  type ReadModelClaim,
  type ReadModelRecord,
  type ReadModelStore,
  type ValidationIssue,
} from '@gridledger/core';
import { jsonShapeIssue } from '@gridledger/core/store';
import { checkName, checkNames } from './checks.js';
import { claimReadModel } from './claim.js';
import { assertWritable, type PostgresConnection } from './connection.js';
import { PostgresUnavailableError } from './errors.js';

type ReadModelRow = [
  state: string,
  checkpoint: string | null,
  projectionVersion: number,
  eventsApplied: string,
  updatedAt: string,
];

function checkRecord(key: string, record: ReadModelRecord<unknown>): string {
  const issues: ValidationIssue[] = [];
  checkName(key, 'key', issues);
  let state = '';
  if (typeof record !== 'object' || record === null) {
    issues.push({ path: 'record', message: 'must be an object' });
  } else {
    const issue = jsonShapeIssue(record.state, 'state');
    if (issue === undefined) state = JSON.stringify(record.state);
    else issues.push(issue);
    if (record.checkpoint !== undefined) checkName(record.checkpoint, 'checkpoint', issues);
    if (!(
      Number.isInteger(record.projectionVersion) &&
      record.projectionVersion >= 1 &&
      record.projectionVersion < 2 ** 31
    )) {
      issues.push({ path: 'projectionVersion', message: 'must be a whole number ≥ 1' });
    }
    if (!(Number.isSafeInteger(record.eventsApplied) && record.eventsApplied >= 0)) {
      issues.push({ path: 'eventsApplied', message: 'must be a whole number ≥ 0' });
    }
    if (typeof record.updatedAt !== 'string') {
      issues.push({ path: 'updatedAt', message: 'must be an ISO time string' });
    } else checkName(record.updatedAt, 'updatedAt', issues);
  }
  if (issues.length > 0) throw new ValidationError(`read model '${String(key)}'`, issues);
  return state;
}

/** A ReadModelStore that can claim read models for one runner, and be closed. */
export interface PostgresReadModelStore extends ReadModelStore {
  claim(name: string): Promise<ReadModelClaim | undefined>;
  close(): Promise<void>;
}

/** A ReadModelStore on its own lease of an open store; closing it ends the lease and its claims. */
export function createReadModelStore(connection: PostgresConnection): PostgresReadModelStore {
  const s = connection.schema;
  const named = (name: string): string => `gridledger.${s}.read-models.${name}`;
  const claims = new Set<ReadModelClaim>();

  return {
    name: connection.name,
    async load<S>(key: string): Promise<ReadModelRecord<S> | undefined> {
      checkNames('read model load', { key });
      const [row] = await connection.query<ReadModelRow>(`load read model '${key}'`, {
        name: named('load'),
        text: `SELECT state, checkpoint, projection_version, events_applied, updated_at
               FROM ${s}.read_models WHERE key = $1`,
        values: [key],
        rowMode: 'array',
      });
      if (row === undefined) return undefined;
      let state: S;
      try {
        state = JSON.parse(row[0]) as S;
      } catch (error) {
        throw new PostgresUnavailableError(
          connection.name,
          'driver',
          `read model '${key}' holds unreadable JSON`,
          { cause: error },
        );
      }
      return {
        state,
        checkpoint: (row[1] ?? undefined) as Position | undefined,
        projectionVersion: row[2],
        eventsApplied: Number(row[3]),
        updatedAt: row[4],
      };
    },
    async save<S>(key: string, record: ReadModelRecord<S>): Promise<void> {
      const state = checkRecord(key, record);
      const doing = `save read model '${key}'`;
      assertWritable(connection, doing);
      await connection.query(doing, {
        name: named('save'),
        text: `INSERT INTO ${s}.read_models
                 (key, state, checkpoint, projection_version, events_applied, updated_at)
               VALUES ($1, $2, $3, $4, $5, $6)
               ON CONFLICT (key) DO UPDATE SET state = excluded.state,
                 checkpoint = excluded.checkpoint, projection_version = excluded.projection_version,
                 events_applied = excluded.events_applied, updated_at = excluded.updated_at`,
        values: [
          key,
          state,
          record.checkpoint ?? null,
          record.projectionVersion,
          record.eventsApplied,
          record.updatedAt,
        ],
      });
    },
    async promote(from: string, to: string): Promise<void> {
      checkNames('read model promotion', { from, to });
      const doing = `promote read model '${from}' to '${to}'`;
      assertWritable(connection, doing);
      const found = await connection.transaction(doing, async (client) => {
        // Locks the source row, so a concurrent promotion of it waits and then finds it gone.
        const source = await client.query(
          `SELECT 1 FROM ${s}.read_models WHERE key = $1 FOR UPDATE`,
          [from],
        );
        if (source.rowCount === 0) return false;
        if (from === to) return true;
        await client.query(`DELETE FROM ${s}.read_models WHERE key = $1`, [to]);
        await client.query(`UPDATE ${s}.read_models SET key = $1 WHERE key = $2`, [to, from]);
        return true;
      });
      if (!found) {
        throw new ValidationError('read model promotion', [
          { path: 'from', message: `no read model is saved under '${from}'` },
        ]);
      }
    },
    async delete(key: string): Promise<void> {
      checkNames('read model deletion', { key });
      const doing = `delete read model '${key}'`;
      assertWritable(connection, doing);
      await connection.query(doing, {
        name: named('delete'),
        text: `DELETE FROM ${s}.read_models WHERE key = $1`,
        values: [key],
      });
    },
    async keys(prefix = ''): Promise<string[]> {
      if (typeof prefix !== 'string') {
        throw new ValidationError('read model keys', [
          { path: 'prefix', message: 'must be a string' },
        ]);
      }
      if (prefix !== '') checkNames('read model keys', { prefix });
      const rows = await connection.query<[string]>('list read models', {
        name: named('keys'),
        text: `SELECT key FROM ${s}.read_models WHERE starts_with(key, $1) ORDER BY key`,
        values: [prefix],
        rowMode: 'array',
      });
      return rows.map((row) => row[0]);
    },
    async claim(name: string): Promise<ReadModelClaim | undefined> {
      checkNames('read model claim', { name });
      const claim = await claimReadModel(connection, name);
      if (claim === undefined) return undefined;
      claims.add(claim);
      return {
        lost: claim.lost,
        async release() {
          claims.delete(claim);
          await claim.release();
        },
      };
    },
    async close() {
      await Promise.all([...claims].map((claim) => claim.release()));
      claims.clear();
      await connection.release();
    },
  };
}
