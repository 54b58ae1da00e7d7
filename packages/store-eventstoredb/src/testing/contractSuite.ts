// Registers the store contract for one client: over the double, and against a real server when
// GRIDLEDGER_ESDB_URL is set. Each client runs in its own test file, hence its own process.
import { describeEventStoreContract, type ContractOptions } from '@gridledger/store-conformance';
import { afterAll, beforeAll, describe } from 'vitest';
import type { ClientPackage } from './protocol.js';
import {
  openDoubleTarget,
  openServerTarget,
  realServerUrl,
  type Connect,
  type StoreTarget,
} from './targets.js';

/**
 * Every check runs; the property runs and the number of racing writers are lowered from the
 * in-process defaults because each operation is a gRPC round trip (more so on a real server).
 */
const OVER_THE_DOUBLE: ContractOptions = { propertyRuns: 30, writers: 10, rounds: 6 };
const AGAINST_A_SERVER: ContractOptions = { propertyRuns: 10, writers: 10, rounds: 4 };

function registerContract(
  name: string,
  open: () => Promise<StoreTarget>,
  options: ContractOptions,
) {
  let target: StoreTarget | undefined;
  beforeAll(async () => {
    target = await open();
  });
  afterAll(async () => {
    await target?.close();
  });
  describeEventStoreContract(
    name,
    async () => {
      const store = (target as StoreTarget).newStore();
      return { store, dispose: () => store.close() };
    },
    options,
  );
}

export function describeContractForClient(clientPackage: ClientPackage, connect: Connect): void {
  describe(`${clientPackage} over the EventStoreDB double`, () => {
    registerContract(
      `eventstoredb via ${clientPackage} (double)`,
      () => openDoubleTarget(clientPackage, connect),
      OVER_THE_DOUBLE,
    );
  });

  const url = realServerUrl();
  // Runs only where a server is configured; over the double the same checks always run.
  describe.skipIf(url === undefined)(`${clientPackage} against GRIDLEDGER_ESDB_URL`, () => {
    registerContract(
      `eventstoredb via ${clientPackage} (real server)`,
      async () => openServerTarget(clientPackage, connect, url as string),
      AGAINST_A_SERVER,
    );
  });
}
