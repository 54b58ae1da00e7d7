// @gridledger/projections: a projection runner that never double-counts or skips, the
// in-memory read-model store, and the read models analysts of a co-governed community need.
export {
  defineProjection,
  liveKeyOf,
  rebuildKeyOf,
  type AnyProjection,
  type EventsOfType,
  type Projection,
  type ProjectionHandler,
  type ProjectionHandlers,
} from './projection.js';
export {
  createProjectionRunner,
  type ProjectionRunner,
  type ProjectionStatus,
  type RunResult,
} from './runner.js';
export type {
  LedgerRunnerOptions,
  ProjectionRunnerOptions,
  RebuildOptions,
  RunOptions,
  StoreRunnerOptions,
} from './runnerOptions.js';
export { ProjectionHandlerError, isProjectionHandlerError } from './handlerError.js';
export type { ProgressListener, ProjectionProgress, RunMode } from './progress.js';
export type { EventSource } from './source.js';
export { createMemoryReadModelStore, type MemoryReadModelStore } from './memoryReadModelStore.js';
export { copyJson } from './jsonCopy.js';
export {
  DEFAULT_TIME_ZONE,
  checkTimeZone,
  monthOf,
  monthsIn,
  monthsBetween,
  nextMonth,
  type Month,
} from './months.js';
export * from './readModels/index.js';
