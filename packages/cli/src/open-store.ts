// Opens the store a command works on, from its StoreSpec: an SQLite file (read-only for commands
// that only read, and never created by them), a PostgreSQL schema (the same rules, enforced by
// the server), or an EventStoreDB/KurrentDB server through whichever official client package is
// installed. Also opens the read-model store that --read-models names.
import { existsSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import {
  isValidationError,
  StoreUnavailableError,
  type EventStore,
  type KeyStore,
  type ReadModelStore,
} from '@gridledger/core';
import { createEventStoreDbEventStore, type EsdbClientLike } from '@gridledger/store-eventstoredb';
import {
  isPostgresUnavailable,
  openPostgres,
  openPostgresKeyStore,
  openPostgresReadModelStore,
} from '@gridledger/store-postgres';
import { openSqlite, openSqliteKeyStore, openSqliteReadModelStore } from '@gridledger/store-sqlite';
import { UsageError } from './errors.js';
import type { StoreSpec } from './store-spec.js';

export interface OpenedStore {
  readonly spec: StoreSpec;
  /** For messages: `sqlite:/abs/path.db`, or the server without credentials. */
  readonly name: string;
  readonly events: EventStore;
  /** Read models kept beside the events: the same SQLite file or schema; none on EventStoreDB. */
  readonly readModels: ReadModelStore | undefined;
  /** The subjects' keys for personal data: the same SQLite file or schema; none on EventStoreDB. */
  readonly keys: KeyStore | undefined;
  close(): Promise<void>;
}

export interface OpenStoreOptions {
  /**
   * `read`: the store must exist; an SQLite file is opened read-only, so reading can never change
   * it. `write`: an SQLite file is created when missing.
   */
  readonly access: 'read' | 'write';
  /**
   * Whether a PostgreSQL store may be created when its schema is missing (default: for `write`).
   * Commands that only make sense on an existing history pass false.
   */
  readonly create?: boolean;
  /** Loads a client package by name. Default: a dynamic `import`. */
  readonly importClient?: (name: string) => Promise<unknown>;
}

/**
 * The client packages tried for an EventStoreDB spec, in order, the class each exports, and the
 * scheme it speaks. The first is an optional dependency of the CLI, installed with it unless
 * optional dependencies are left out; the second is used when it is installed instead.
 */
export const EVENTSTOREDB_CLIENTS = [
  { name: '@kurrent/kurrentdb-client', exportName: 'KurrentDBClient', scheme: 'kurrentdb' },
  { name: '@eventstore/db-client', exportName: 'EventStoreDBClient', scheme: 'esdb' },
] as const;

/**
 * Both schemes name the same servers; each client gets the one it speaks (the KurrentDB client
 * warns on every connection that `esdb` is deprecated, and the older client predates `kurrentdb`).
 */
const inScheme = (connectionString: string, scheme: string): string =>
  connectionString.replace(/^(esdb|kurrentdb|kurrent|kdb)(\+discover)?:\/\//, `${scheme}$2://`);

export async function openStore(spec: StoreSpec, options: OpenStoreOptions): Promise<OpenedStore> {
  switch (spec.kind) {
    case 'sqlite':
      return openSqliteStore(spec, options.access);
    case 'eventstoredb':
      return openEventStoreDb(spec, options.importClient ?? ((name) => import(name)));
    case 'postgres':
      return openPostgresStore(spec, options.access, options.create ?? options.access === 'write');
  }
}

/** SQLite cannot open a directory and says only SQLITE_IOERR_READ: say so here, and what to do. */
export function refuseDirectory(file: string, what: string, option: string): void {
  if (statSync(file, { throwIfNoEntry: false })?.isDirectory() === true) {
    throw new UsageError(
      `the ${what} ${file} is a directory: name a SQLite file, e.g. ${option}${join(file, 'gridledger.db')}`,
    );
  }
}

const POSTGRES_URL = /^postgres(ql)?:\/\//i;

async function openPostgresStore(
  spec: StoreSpec & { kind: 'postgres' },
  access: 'read' | 'write',
  create: boolean,
): Promise<OpenedStore> {
  try {
    // Read access asks the server for read-only sessions, so reading can never change the store.
    const opened = await openPostgres(spec.connectionString, {
      readonly: access === 'read',
      create,
    });
    return {
      spec,
      name: opened.name,
      events: opened.events,
      readModels: opened.readModels,
      keys: opened.keys,
      close: () => opened.close(),
    };
  } catch (error) {
    throw postgresUsageError(error, spec.connectionString);
  }
}

/** A missing schema or a malformed URL is the caller's to fix: a usage error, as for a file. */
function postgresUsageError(error: unknown, url: string): unknown {
  if (isPostgresUnavailable(error) && error.reason === 'missing') {
    return new UsageError(
      `no store at ${error.store}: the schema holds no Gridledger store (import into it first, or choose one with --store or $GRIDLEDGER_STORE)`,
    );
  }
  if (isValidationError(error)) {
    const why = error.issues.map((i) => `${i.path}: ${i.message}`).join('; ');
    return new UsageError(`malformed PostgreSQL URL ${redactConnectionString(url)}: ${why}`);
  }
  return error;
}

/** A read-model store that the command closes when done. */
export interface OpenedReadModels extends ReadModelStore {
  /** The SQLite file the read models are kept in; undefined for a PostgreSQL schema. */
  readonly file?: string;
  close(): Promise<void>;
}

/**
 * The read models `--read-models` names: a `postgres://` URL (its schema is created when missing)
 * or a SQLite file, `sqlite:<file>` or a bare path, relative to `cwd`.
 */
export async function openReadModelStore(option: string, cwd: string): Promise<OpenedReadModels> {
  const where = fileOrUrl(option, cwd, '--read-models', 'read-model file');
  if ('url' in where) {
    try {
      return await openPostgresReadModelStore(where.url);
    } catch (error) {
      throw postgresUsageError(error, where.url);
    }
  }
  return Object.assign(openSqliteReadModelStore(where.path), { file: where.path });
}

/** A key store opened on its own, with what closes it. */
export type OpenedKeyStore = KeyStore & { close(): Promise<void> };

/**
 * The subjects' keys `--keys` names, kept apart from the events: a `postgres://` URL (its schema
 * is created when missing) or a SQLite file, `sqlite:<file>` or a bare path, relative to `cwd`
 * (created when missing). How a store that keeps no keys (EventStoreDB) seals personal data, and
 * how an office keeps keys on another machine than the events.
 */
export async function openKeyStore(option: string, cwd: string): Promise<OpenedKeyStore> {
  const where = fileOrUrl(option, cwd, '--keys', 'key file');
  if ('url' in where) {
    try {
      return await openPostgresKeyStore(where.url);
    } catch (error) {
      throw postgresUsageError(error, where.url);
    }
  }
  return openSqliteKeyStore(where.path);
}

/**
 * Where a `--read-models` or `--keys` option points: a `postgres://` URL, or a SQLite file
 * (`sqlite:<file>` or a bare path) resolved against `cwd` that is not a directory.
 */
function fileOrUrl(
  option: string,
  cwd: string,
  flag: string,
  what: string,
): { url: string } | { path: string } {
  const spec = option.trim();
  if (POSTGRES_URL.test(spec)) return { url: spec };
  const file = spec.startsWith('sqlite:') ? spec.slice('sqlite:'.length) : spec;
  if (file === '') {
    throw new UsageError(`${flag} needs a file or a URL: ${flag} <file.db|postgres://…>`);
  }
  const path = isAbsolute(file) ? file : resolve(cwd, file);
  refuseDirectory(path, what, `${flag} `);
  return { path };
}

function openSqliteStore(spec: StoreSpec & { kind: 'sqlite' }, access: 'read' | 'write') {
  refuseDirectory(spec.file, 'store', '--store sqlite:');
  if (access === 'read' && !existsSync(spec.file)) {
    throw new UsageError(
      `no store at ${spec.file}: the file does not exist (choose one with --store sqlite:<file> or $GRIDLEDGER_STORE)`,
    );
  }
  const opened = openSqlite(spec.file, { readonly: access === 'read' });
  return {
    spec,
    name: opened.events.name,
    events: opened.events,
    readModels: opened.readModels,
    keys: opened.keys,
    close: () => opened.close(),
  };
}

/** The connection string with any user name and password left out, for messages. */
export function redactConnectionString(connectionString: string): string {
  return connectionString.replace(/^([a-z+]+:\/\/)[^@/]*@/i, '$1');
}

async function openEventStoreDb(
  spec: StoreSpec & { kind: 'eventstoredb' },
  importClient: (name: string) => Promise<unknown>,
): Promise<OpenedStore> {
  const name = `eventstoredb:${redactConnectionString(spec.connectionString)}`;
  for (const candidate of EVENTSTOREDB_CLIENTS) {
    let loaded: unknown;
    try {
      loaded = await importClient(candidate.name);
    } catch (error) {
      if (isModuleMissing(error, candidate.name)) continue;
      throw error;
    }
    const client = connect(loaded, candidate, spec.connectionString, name);
    const deadline = deadlineOf(spec.connectionString);
    const events = createEventStoreDbEventStore(client, {
      name,
      disposeClientOnClose: true,
      ...(deadline === undefined ? {} : { deadline }),
    });
    return {
      spec,
      name,
      events,
      readModels: undefined,
      keys: undefined,
      close: () => events.close(),
    };
  }
  throw new StoreUnavailableError(
    name,
    `no EventStoreDB client is installed: install ${EVENTSTOREDB_CLIENTS.map((c) => c.name).join(' or ')} next to @gridledger/cli`,
  );
}

/**
 * The connection string's `defaultDeadline` (ms): the client's own setting, which the store then
 * keeps to for every call, so that a server that never answers is reported after that long.
 */
function deadlineOf(connectionString: string): number | undefined {
  const given = /[?&]defaultDeadline=([0-9]+)(?:&|$)/i.exec(connectionString)?.[1];
  return given === undefined ? undefined : Number(given);
}

function connect(
  loaded: unknown,
  candidate: (typeof EVENTSTOREDB_CLIENTS)[number],
  connectionString: string,
  name: string,
): EsdbClientLike {
  const exported = (loaded as Record<string, unknown> | undefined)?.[candidate.exportName] as
    { connectionString?: (cs: string) => EsdbClientLike } | undefined;
  if (typeof exported?.connectionString !== 'function') {
    throw new StoreUnavailableError(
      name,
      `${candidate.name} does not export ${candidate.exportName}.connectionString; is it a supported version?`,
    );
  }
  try {
    return exported.connectionString(inScheme(connectionString, candidate.scheme));
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new UsageError(`malformed connection string for ${name}: ${why}`);
  }
}

function isModuleMissing(error: unknown, name: string): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  const message = error instanceof Error ? error.message : '';
  return (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') && message.includes(name);
}
