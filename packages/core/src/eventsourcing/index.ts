// The event-sourcing kernel as an app uses it: the envelope, the store port an app passes around,
// the error vocabulary, the registry, deciders and aggregates, ids and clocks, the encoder seam,
// the ledger and command handling. Store authors' helpers are in `@gridledger/core/store`,
// auditors' (verification, history, checkpoints, export) in `@gridledger/core/audit`, and
// given/when/then helpers in `@gridledger/core/testing`; see docs/architecture.md.
export type {
  Actor,
  AppendResult,
  DomainEvent,
  EventMetadata,
  EventToAppend,
  ExpectedVersion,
  Position,
  RecordedEvent,
  StoredEvent,
} from './envelope.js';
export * from './errors.js';
export type {
  AppendOptions,
  EventStore,
  GlobalFilter,
  ReadAllOptions,
  ReadStreamOptions,
  SubscribeOptions,
  Subscription,
} from './store.js';
export * from './decider.js';
export * from './registry.js';
export * from './aggregate.js';
export type { ReadModelClaim, ReadModelRecord, ReadModelStore } from './readModelStore.js';
export { createUlidFactory, systemClock, type Clock, type UlidFactory } from './ids.js';
export { identityEncoder, type EncodingSubject, type EventEncoder } from './encoder.js';
export * from './personal/index.js';
export {
  createLedger,
  type Ledger,
  type LedgerAppendOptions,
  type LedgerAppendResult,
  type LedgerOptions,
  type LedgerSubscription,
} from './ledger.js';
export type { LoadedAggregate } from './ledgerLoad.js';
export {
  createCommandHandler,
  type CommandContext,
  type CommandHandler,
  type CommandHandlerOptions,
  type HandleCommand,
  type HandledCommand,
} from './commandHandler.js';
