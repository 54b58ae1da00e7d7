// Opens the store a report or rebuild works on: its events and, beside them, its read models.
import { existsSync } from 'node:fs';
import type { EventStore, ReadModelStore } from '@gridledger/core';
import { openSqlite } from '@gridledger/store-sqlite';
import { UsageError } from '../errors.js';
import type { CliIo } from '../io.js';
import { storeSpecFrom } from '../store-spec.js';

export interface AnalystStore {
  /** For messages: `sqlite:/path/to.db`. */
  readonly name: string;
  readonly events: EventStore;
  readonly readModels: ReadModelStore;
  close(): Promise<void>;
}

export async function openAnalystStore(
  option: string | undefined,
  io: CliIo,
): Promise<AnalystStore> {
  const spec = storeSpecFrom(option, io.env, io.cwd);
  switch (spec.kind) {
    case 'sqlite': {
      if (!existsSync(spec.file)) {
        throw new UsageError(
          `no store at ${spec.file}: pass --store sqlite:<file> of an existing store`,
        );
      }
      const opened = openSqlite(spec.file);
      return {
        name: opened.events.name,
        events: opened.events,
        readModels: opened.readModels,
        close: () => opened.close(),
      };
    }
    case 'eventstoredb':
      throw new UsageError('read models are kept in a SQLite store for now');
  }
}
