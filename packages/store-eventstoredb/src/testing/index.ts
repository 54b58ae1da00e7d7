// Test-only: an in-process EventStoreDB double speaking the gRPC protocol of the client under
// test. Exported as `@gridledger/store-eventstoredb/testing` for the workspace's tests and docs;
// it is not part of the published runtime exports.
export {
  startEventStoreDbDouble,
  type EventStoreDbDouble,
  type EventStoreDbDoubleOptions,
} from './server.js';
export type { FaultKind, FaultOperation, FaultPlan } from './faults.js';
export type { NetworkMode, NetworkOptions } from './frontDoor.js';
export type { ClientPackage } from './protocol.js';
export { connectClient, type TestClient } from './connectClient.js';
