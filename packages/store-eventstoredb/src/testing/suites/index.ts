// The adapter's own checks beyond the store contract, for one client. Each client's test file
// runs them in a process of its own.
import { afterAll, beforeAll, describe } from 'vitest';
import type { ClientPackage } from '../protocol.js';
import {
  openDoubleTarget,
  openServerTarget,
  realServerUrl,
  type Connect,
  type StoreTarget,
} from '../targets.js';
import { describeAppendPaths } from './appendPathsSuite.js';
import { describeCheckpoints } from './checkpointSuite.js';
import { describeDeletion } from './deletionSuite.js';
import { describeDouble } from './doubleSuite.js';
import { describeFailures } from './failureSuite.js';
import { describeForeignEvents } from './foreignEventsSuite.js';
import { describeHungServers } from './hangSuite.js';
import { describeIdempotency } from './idempotencySuite.js';
import { describeResources } from './resourcesSuite.js';
import { describeSystemEvents } from './systemEventsSuite.js';

export function describeAdapterBehaviour(clientPackage: ClientPackage, connect: Connect): void {
  describe(`${clientPackage} over the EventStoreDB double`, () => {
    let target: StoreTarget | undefined;
    beforeAll(async () => {
      target = await openDoubleTarget(clientPackage, connect);
    });
    afterAll(async () => target?.close());
    const current = (): StoreTarget => target as StoreTarget;
    describeCheckpoints(current);
    describeDeletion(current);
    describeSystemEvents(current);
    describeForeignEvents(current);
    describeDouble(current);
    describeAppendPaths(clientPackage, connect);
    describeIdempotency(clientPackage, connect);
    describeFailures(clientPackage, connect);
    describeResources(clientPackage, connect);
    describeHungServers(clientPackage, connect);
  });

  describe(`${clientPackage} over a double of its own, without a namespace`, () => {
    let target: StoreTarget | undefined;
    beforeAll(async () => {
      target = await openDoubleTarget(clientPackage, connect);
    });
    afterAll(async () => target?.close());
    describeCheckpoints(() => target as StoreTarget, true);
  });

  const url = realServerUrl();
  // What needs no injected failure also runs against a configured server.
  describe.skipIf(url === undefined)(`${clientPackage} against GRIDLEDGER_ESDB_URL`, () => {
    let target: StoreTarget | undefined;
    beforeAll(() => {
      target = openServerTarget(clientPackage, connect, url as string);
    });
    afterAll(async () => target?.close());
    const current = (): StoreTarget => target as StoreTarget;
    describeCheckpoints(current);
    describeDeletion(current);
    describeForeignEvents(current);
  });
}
