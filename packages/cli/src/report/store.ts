// Opens what an analyst's command works on: the store's events and, beside them, the read
// models — in the same SQLite file or PostgreSQL schema, or for an EventStoreDB store in a
// SQLite file or PostgreSQL schema named by --read-models.
import { existsSync } from 'node:fs';
import type { EventStore, ReadModelStore } from '@gridledger/core';
import { UsageError } from '../errors.js';
import type { CliIo } from '../io.js';
import { openReadModelStore, openStore } from '../open-store.js';
import { storeSpecFrom } from '../store-spec.js';

export interface AnalystStore {
  /** For messages: `sqlite:/path/to.db`. */
  readonly name: string;
  readonly events: EventStore;
  readonly readModels: ReadModelStore;
  /**
   * The SQLite file the read models are kept in (the store's own, or --read-models), for the
   * rebuild lock; undefined for PostgreSQL, whose read-model store claims a read model itself.
   */
  readonly readModelsFile: string | undefined;
  close(): Promise<void>;
}

export interface AnalystStoreOptions {
  /** `--store`. */
  readonly store: string | undefined;
  /** `--read-models`: a SQLite file or PostgreSQL URL for the read models, instead of the store's own. */
  readonly readModels: string | undefined;
}

export async function openAnalystStore(
  options: AnalystStoreOptions,
  io: CliIo,
): Promise<AnalystStore> {
  const spec = storeSpecFrom(options.store, io.env, io.cwd);
  // Rebuilding and reporting write read models, so the file is opened for writing; but an
  // analyst's command never creates an empty store by mistake.
  if (spec.kind === 'sqlite' && !existsSync(spec.file)) {
    throw new UsageError(
      `no store at ${spec.file}: the file does not exist (choose one with --store sqlite:<file> or $GRIDLEDGER_STORE)`,
    );
  }
  // Said before connecting: a server store keeps no read models of its own.
  if (spec.kind === 'eventstoredb' && options.readModels === undefined) {
    throw new UsageError(
      'an EventStoreDB store keeps no read models: name a SQLite file or a postgres:// URL to keep them in with --read-models <file|url>',
    );
  }
  const opened = await openStore(spec, { access: 'write', create: false });
  try {
    const separate =
      options.readModels === undefined
        ? undefined
        : await openReadModelStore(options.readModels, io.cwd);
    const readModels = separate ?? opened.readModels;
    // open-store gives a SQLite file its read models; this guards a store kind added later.
    if (readModels === undefined) {
      throw new UsageError(
        `${opened.name} keeps no read models: name a SQLite file or a postgres:// URL to keep them in with --read-models <file|url>`,
      );
    }
    return {
      name: opened.name,
      events: opened.events,
      readModels,
      readModelsFile:
        separate === undefined ? (spec.kind === 'sqlite' ? spec.file : undefined) : separate.file,
      async close() {
        await separate?.close();
        await opened.close();
      },
    };
  } catch (error) {
    await opened.close();
    throw error;
  }
}
