// The event-sourcing kernel: envelope, store port, errors, registry, deciders, ids, canonical
// encoding and hash chain, the ledger and command handling.
export * from './envelope.js';
export * from './errors.js';
export * from './store.js';
export * from './decider.js';
export * from './registry.js';
export * from './aggregate.js';
export * from './readModelStore.js';
export { parseOrThrow, issuesFromZod } from './validation.js';
export { createUlidFactory, systemClock, type Clock, type UlidFactory } from './ids.js';
export { canonicalJson, type JsonValue } from './canonical.js';
export { identityEncoder, type EncodingSubject, type EventEncoder } from './encoder.js';
export { hashEvent, hashInputOf, type HashInput } from './hashChain.js';
export {
  createStreamChainVerifier,
  type ChainAnchor,
  type ChainFailure,
  type ChainFailureReason,
  type StreamChainVerifier,
  type StreamVerification,
} from './chainVerifier.js';
export { verifyStream, type VerifyStreamOptions } from './verifyStream.js';
export * from './audit/index.js';
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
export type { StreamHead } from './stampEvents.js';
export { assertOwnEvents, checkCommandId, parseCommand } from './commandBoundary.js';
export {
  createCommandHandler,
  type CommandContext,
  type CommandHandler,
  type CommandHandlerOptions,
  type HandleCommand,
  type HandledCommand,
} from './commandHandler.js';
// The zod the registry and aggregates are typed with, so schemas are built with the same copy.
export { z } from 'zod';
