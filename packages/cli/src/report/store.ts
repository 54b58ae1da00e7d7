// Opens what an analyst's command works on: the store's events and, beside them, the read
// models — in the same SQLite file, or for a server store in a SQLite file named by
// --read-models.
import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import type { EventStore, ReadModelStore } from '@gridledger/core';
import { openSqliteReadModelStore } from '@gridledger/store-sqlite';
import { UsageError } from '../errors.js';
import type { CliIo } from '../io.js';
import { openStore, refuseDirectory } from '../open-store.js';
import { storeSpecFrom } from '../store-spec.js';

export interface AnalystStore {
  /** For messages: `sqlite:/path/to.db`. */
  readonly name: string;
  readonly events: EventStore;
  readonly readModels: ReadModelStore;
  close(): Promise<void>;
}

export interface AnalystStoreOptions {
  /** `--store`. */
  readonly store: string | undefined;
  /** `--read-models`: a SQLite file for the read models, instead of the store's own. */
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
      'an EventStoreDB store keeps no read models: name a SQLite file to keep them in with --read-models <file>',
    );
  }
  const opened = await openStore(spec, { access: 'write' });
  try {
    const separate =
      options.readModels === undefined ? undefined : readModelFile(options.readModels, io);
    const readModels = separate ?? opened.readModels;
    // open-store gives a SQLite file its read models; this guards a store kind added later.
    if (readModels === undefined) {
      throw new UsageError(
        `${opened.name} keeps no read models: name a SQLite file to keep them in with --read-models <file>`,
      );
    }
    return {
      name: opened.name,
      events: opened.events,
      readModels,
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

function readModelFile(option: string, io: CliIo) {
  const file = option.startsWith('sqlite:') ? option.slice('sqlite:'.length) : option;
  if (file === '') throw new UsageError('--read-models needs a file: --read-models <file.db>');
  const path = isAbsolute(file) ? file : resolve(io.cwd, file);
  refuseDirectory(path, 'read-model file', '--read-models ');
  return openSqliteReadModelStore(path);
}
