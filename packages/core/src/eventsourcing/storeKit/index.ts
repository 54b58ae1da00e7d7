// @gridledger/core/store: the store kit. Everything an event store needs besides its own storage:
// the port it implements, the error vocabulary it answers in, and the checks every store makes the
// same way — appends (stream id, options, expected version, envelope, storable JSON, well-formed
// Unicode), read options, the expected-version rule and its conflict error, metadata read back —
// with hooks for a store's own rules. A new store calls these and passes the conformance suite
// (`@gridledger/store-conformance`); see docs/stores.md.
export type {
  AppendOptions,
  EventStore,
  GlobalFilter,
  PullEvent,
  ReadAllOptions,
  ReadStreamOptions,
  SubscribeOptions,
  Subscription,
  SyncRead,
} from '../store.js';
export { isSyncRead } from '../store.js';
export type {
  Actor,
  AppendResult,
  EventMetadata,
  EventToAppend,
  ExpectedVersion,
  Position,
  StoredEvent,
} from '../envelope.js';
export type { ReadModelClaim, ReadModelRecord, ReadModelStore } from '../readModelStore.js';
export {
  AccessDeniedError,
  ConcurrencyConflictError,
  CorruptedEventError,
  StoreUnavailableError,
  StreamDeletedError,
  StreamNotFoundError,
  ValidationError,
  isAccessDenied,
  isConcurrencyConflict,
  isCorruptedEvent,
  isGridledgerError,
  isStoreUnavailable,
  isStreamDeleted,
  isStreamNotFound,
  isValidationError,
  type CorruptionReason,
  type ValidationIssue,
} from '../errors.js';
export { ActorPool } from './actorPool.js';
export { checkAppend, type AppendRules, type CheckedAppend } from './appendInput.js';
export {
  assertExpectedVersion,
  checkExpectedVersion,
  satisfiesExpectedVersion,
} from './expectedVersion.js';
export {
  checkGlobalReadOptions,
  checkReadLimit,
  checkStreamId,
  checkStreamReadOptions,
  describeValue,
  streamIdIssue,
} from './readOptions.js';
export { frozenJsonCopy, jsonShapeIssue, JsonShapeError } from './jsonShape.js';
export { MAX_JSON_DEPTH, identifierIssue, textIssue } from './text.js';
export { storedMetadataProblem } from './envelope.js';
export { pullBatch, pullIterable, syncRead } from './syncReads.js';
