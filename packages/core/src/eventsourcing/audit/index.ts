// @gridledger/core/audit: for auditors. Recomputing a hash and verifying a stream's chain, a
// stream's full history with the state after each event, state as of a version or a time, causes
// across streams, verification naming each tampered event, export/import and its file names, and
// signed whole-log checkpoints.
export { canonicalJson, type JsonValue } from '../canonical.js';
export { hashEvent, hashInputOf, type HashInput } from '../hashChain.js';
export {
  createStreamChainVerifier,
  type ChainAnchor,
  type ChainFailure,
  type ChainFailureReason,
  type StreamChainVerifier,
  type StreamVerification,
} from '../chainVerifier.js';
export { verifyStream, type VerifyStreamOptions } from '../verifyStream.js';
export type { StreamAnchor, StreamAudit, TamperFinding, TamperKind } from './findings.js';
export {
  createStreamInspector,
  type EventVerdict,
  type StreamInspector,
  type StreamInspectorOptions,
} from './streamInspector.js';
export {
  auditStore,
  auditStream,
  type RecordedHashes,
  type StoreAudit,
  type StoreAuditOptions,
  type StreamAuditOptions,
} from './auditStore.js';
export { diffState, type StateChange, type StateChangeKind } from './stateDiff.js';
export { checkAsOf, type AsOf } from './asOf.js';
export {
  aggregateForStream,
  history,
  type AnyAggregate,
  type AuditSource,
  type HistoryEntry,
  type HistoryOptions,
} from './history.js';
export { stateAsOf, type StateAsOf, type StateAsOfOptions } from './stateAt.js';
export {
  findEvents,
  refOf,
  traceCauses,
  type CauseChain,
  type EventRef,
  type TraceCausesOptions,
} from './causes.js';
export {
  EVENTS_FILE,
  EXPORT_FORMAT,
  EXPORT_FORMAT_VERSION,
  MANIFEST_FILE,
  type ExportManifest,
  type ExportedStream,
} from './exportFormat.js';
export { exportStore, type ExportOptions, type ExportResult } from './exportStore.js';
export { readExportHashes } from './exportHashes.js';
export {
  importStore,
  readExportManifest,
  type ImportOptions,
  type ImportResult,
} from './importStore.js';
export {
  generateCheckpointKeys,
  keyFingerprint,
  privateKeyFrom,
  publicKeyFrom,
  type CheckpointKeyPair,
} from './checkpointKeys.js';
export {
  isOrigin as isCheckpointOrigin,
  type CheckpointHead,
  type SignedCheckpoint,
} from './checkpointNote.js';
export {
  CHECKPOINT_FORMAT,
  CHECKPOINT_FORMAT_VERSION,
  readCheckpoint,
  type Checkpoint,
} from './checkpointFile.js';
export { type LogEntry } from './logEntry.js';
export { type LogDifference, type LogDifferenceKind } from './logDifference.js';
export {
  writeCheckpoint,
  type CheckpointOptions,
  type CheckpointResult,
} from './writeCheckpoint.js';
export {
  verifyCheckpoint,
  type CheckpointVerification,
  type CheckpointVerifyOptions,
} from './verifyCheckpoint.js';
