// The four aggregates of police–community co-governance (Dispute, Visit, GridMember, Patrol),
// the grid-ownership lock that keeps one owner per red micro-grid, the nesting lock that keeps
// the grids' structure free of loops, and the reactions that link them.
export * from './aggregates.js';
export {
  assignGridOwner,
  type AssignGridOwnerRequest,
  type AssignGridOwnerResult,
} from './grid-ownership/assignGridOwner.js';
export {
  releaseStaleGridOwnership,
  type ReleaseStaleResult,
} from './grid-ownership/releaseStaleGridOwnership.js';
export {
  nestGridInStructure,
  type NestGridRequest,
  type NestGridResult,
} from './grid-structure/nestGridInStructure.js';
export type { ProcessContext, ProcessOptions } from './shared/process.js';
export { Household } from './shared/schemas.js';
export { gridledgerEvents } from './events.js';
export * from './reactions/index.js';
