// The whole contract in one call: every concern's checks, registered under one describe block.
import { describe } from 'vitest';
import { describeAppendContract } from './appendContract.js';
import { describeConcurrencyContract } from './concurrencyContract.js';
import { describeDurabilityContract } from './durabilityContract.js';
import type { ContractOptions, StoreFactory } from './harness.js';
import { describeModelContract } from './modelContract.js';
import { describeReadAllContract } from './readAllContract.js';
import { describeReadStreamContract } from './readStreamContract.js';
import { describeResumeContract } from './resumeContract.js';
import { describeRoundTripContract } from './roundTripContract.js';
import { describeSubscriptionContract } from './subscriptionContract.js';
import { describeSubscriptionLifecycleContract } from './subscriptionLifecycleContract.js';
import { describeSubscriptionRaceContract } from './subscriptionRaceContract.js';
import { describeTextContract } from './textContract.js';
import { describeValidationContract } from './validationContract.js';

export interface EventStoreContractOptions extends ContractOptions {
  /**
   * The store keeps its data across close and reopen; its factory provides `reopen`, and the
   * durability checks run too.
   */
  readonly durable?: boolean;
}

/**
 * Registers the full EventStore contract for one store. Call it at the top level of a test file:
 * `describeEventStoreContract('sqlite', async () => ({ store, dispose }))`.
 */
export function describeEventStoreContract(
  name: string,
  factory: StoreFactory,
  options: EventStoreContractOptions = {},
): void {
  describe(`EventStore contract: ${name}`, () => {
    describeAppendContract(name, factory, options);
    describeValidationContract(name, factory, options);
    describeTextContract(name, factory, options);
    describeReadStreamContract(name, factory, options);
    describeReadAllContract(name, factory, options);
    describeResumeContract(name, factory, options);
    describeRoundTripContract(name, factory, options);
    describeConcurrencyContract(name, factory, options);
    describeSubscriptionContract(name, factory, options);
    describeSubscriptionLifecycleContract(name, factory, options);
    describeSubscriptionRaceContract(name, factory, options);
    describeModelContract(name, factory, options);
    if (options.durable === true) describeDurabilityContract(name, factory, options);
  });
}
