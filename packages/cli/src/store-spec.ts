// Chooses the store a command works on: `--store`, else $GRIDLEDGER_STORE, else the SQLite file
// ./gridledger.db. Forms: `sqlite:<file>` (or a bare path), `kurrentdb://…` or `esdb://…` (a
// KurrentDB/EventStoreDB connection string), `postgres://…` or `postgresql://…` (a PostgreSQL
// database; `?schema=` picks the schema, default `gridledger`).
import { isAbsolute, resolve } from 'node:path';
import { UsageError } from './errors.js';

export type StoreSpec =
  | { readonly kind: 'sqlite'; readonly file: string }
  | { readonly kind: 'eventstoredb'; readonly connectionString: string }
  | { readonly kind: 'postgres'; readonly connectionString: string };

export const DEFAULT_STORE = 'sqlite:./gridledger.db';
export const STORE_ENV = 'GRIDLEDGER_STORE';

/** The forms a store may take, for messages. */
const STORE_FORMS =
  'use sqlite:<file>, a postgres:// URL or a kurrentdb:// (or esdb://) connection string';

export function parseStoreSpec(raw: string, cwd: string): StoreSpec {
  const spec = raw.trim();
  if (/^(esdb|esdb\+discover|kurrentdb|kurrentdb\+discover|kurrent|kdb):\/\//.test(spec)) {
    return { kind: 'eventstoredb', connectionString: spec };
  }
  if (/^postgres(ql)?:\/\//i.test(spec)) return { kind: 'postgres', connectionString: spec };
  if (spec.startsWith('sqlite:')) return sqliteSpec(spec.slice('sqlite:'.length), raw, cwd);
  // A scheme of two letters or more names another kind of store, never a file (`C:` is a drive).
  const scheme = /^([a-z][a-z0-9+.-]+):/i.exec(spec)?.[1];
  if (scheme?.toLowerCase() === 'memory') {
    throw new UsageError(
      `a memory: store starts empty and is gone when the command ends: ${STORE_FORMS}`,
    );
  }
  if (scheme !== undefined) throw new UsageError(`unknown store '${raw}': ${STORE_FORMS}`);
  return sqliteSpec(spec, raw, cwd);
}

function sqliteSpec(file: string, raw: string, cwd: string): StoreSpec {
  if (file === '') throw new UsageError(`unknown store '${raw}': ${STORE_FORMS}`);
  return { kind: 'sqlite', file: isAbsolute(file) ? file : resolve(cwd, file) };
}

export function storeSpecFrom(
  option: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
): StoreSpec {
  return parseStoreSpec(option ?? env[STORE_ENV] ?? DEFAULT_STORE, cwd);
}
