// `report --redact`: the figures for someone who holds no keys and may see no personal data.
// The store is opened read-only, events are read with every personal field redacted (no key is
// ever asked for), and the read models are built in memory, leaving the store's own untouched.
import {
  createEventRegistry,
  createLedger,
  createRedactingEncoder,
  gridledgerEvents,
  type EventStore,
  type ReadModelStore,
} from '@gridledger/core';
import {
  createMemoryReadModelStore,
  createProjectionRunner,
  type ProjectionRunner,
} from '@gridledger/projections';
import type { CliIo } from '../io.js';
import { openStore } from '../open-store.js';
import { storeSpecFrom } from '../store-spec.js';
import type { AnalystStore } from './store.js';

export async function openRedactedStore(
  store: string | undefined,
  io: CliIo,
): Promise<AnalystStore> {
  const opened = await openStore(storeSpecFrom(store, io.env, io.cwd), {
    access: 'read',
    create: false,
  });
  return {
    name: `${opened.name} (redacted)`,
    events: opened.events,
    readModels: createMemoryReadModelStore(),
    readModelsFile: undefined,
    close: () => opened.close(),
  };
}

export function redactedRunner(events: EventStore, readModels: ReadModelStore): ProjectionRunner {
  const ledger = createLedger({
    store: events,
    registry: createEventRegistry(gridledgerEvents),
    encoder: createRedactingEncoder(gridledgerEvents),
  });
  return createProjectionRunner({ ledger, readModels });
}
