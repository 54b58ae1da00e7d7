// @gridledger/store-conformance: the one contract suite every Gridledger event store passes,
// plus helpers to build valid events in any package's tests.
export { describeEventStoreContract, type EventStoreContractOptions } from './contract.js';
export { describeAppendContract } from './appendContract.js';
export { describeValidationContract } from './validationContract.js';
export { describeTextContract } from './textContract.js';
export { describeReadStreamContract } from './readStreamContract.js';
export { describeReadAllContract } from './readAllContract.js';
export { describeResumeContract } from './resumeContract.js';
export { describeRoundTripContract } from './roundTripContract.js';
export { describeConcurrencyContract } from './concurrencyContract.js';
export { describeSubscriptionContract } from './subscriptionContract.js';
export { describeSubscriptionLifecycleContract } from './subscriptionLifecycleContract.js';
export { describeSubscriptionRaceContract } from './subscriptionRaceContract.js';
export { describeModelContract } from './modelContract.js';
export { describeDurabilityContract } from './durabilityContract.js';
export {
  collect,
  withStore,
  type ContractOptions,
  type StoreFactory,
  type StoreUnderTest,
} from './harness.js';
export { makeEvent, makeEvents, testActor, type EventInput } from './events.js';
export { describeKeyStoreContract, type KeyStoreUnderTest } from './keyStoreContract.js';
export { readerOf, type SubscriptionReader } from './subscriptionReader.js';
