// Chooses the store a command works on: `--store`, else $GRIDLEDGER_STORE, else the SQLite file
// ./gridledger.db. Forms: `sqlite:<file>` (or a bare path ending in .db), `esdb://…`,
// `kurrentdb://…` (an EventStoreDB/KurrentDB connection string), `postgres://…` or
// `postgresql://…` (a PostgreSQL database; `?schema=` picks the schema, default `gridledger`).
import { isAbsolute, resolve } from 'node:path';
import { UsageError } from './errors.js';

export type StoreSpec =
  | { readonly kind: 'sqlite'; readonly file: string }
  | { readonly kind: 'eventstoredb'; readonly connectionString: string }
  | { readonly kind: 'postgres'; readonly connectionString: string };

export const DEFAULT_STORE = 'sqlite:./gridledger.db';
export const STORE_ENV = 'GRIDLEDGER_STORE';

export function parseStoreSpec(raw: string, cwd: string): StoreSpec {
  const spec = raw.trim();
  if (/^(esdb|esdb\+discover|kurrentdb|kurrentdb\+discover|kurrent|kdb):\/\//.test(spec)) {
    return { kind: 'eventstoredb', connectionString: spec };
  }
  if (/^postgres(ql)?:\/\//i.test(spec)) return { kind: 'postgres', connectionString: spec };
  const file = spec.startsWith('sqlite:') ? spec.slice('sqlite:'.length) : spec;
  if (file === '' || /^[a-z][a-z0-9+.-]*:\/\//i.test(file)) {
    throw new UsageError(
      `unknown store '${raw}': use sqlite:<file>, a postgres:// URL or an esdb:// / kurrentdb:// connection string`,
    );
  }
  return { kind: 'sqlite', file: isAbsolute(file) ? file : resolve(cwd, file) };
}

export function storeSpecFrom(
  option: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
): StoreSpec {
  return parseStoreSpec(option ?? env[STORE_ENV] ?? DEFAULT_STORE, cwd);
}
