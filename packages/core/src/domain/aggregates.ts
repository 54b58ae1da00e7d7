// Gridledger's aggregates, in one list. The event registry (`gridledgerEvents`), the CLI's stream
// lookup and the auditors' tools derive from it, and the package exports each aggregate's folder
// from here: a new aggregate is its folder, its `export *` line and one entry in the list.
import { Dispute } from './dispute/index.js';
import { GridMember } from './grid-member/index.js';
import { GridOwnership } from './grid-ownership/index.js';
import { GridNesting } from './grid-nesting/index.js';
import { GridStructure } from './grid-structure/index.js';
import { HouseholdRegister } from './household-register/index.js';
import { Patrol } from './patrol/index.js';
import { PoliceCase } from './police-case/index.js';
import { Visit } from './visit/index.js';

export * from './dispute/index.js';
export * from './visit/index.js';
export * from './grid-member/index.js';
export * from './patrol/index.js';
export * from './grid-ownership/index.js';
export * from './police-case/index.js';
export * from './household-register/index.js';
export * from './grid-structure/index.js';
export * from './grid-nesting/index.js';

/** Every aggregate; stream prefixes are distinct, and every stream belongs to one of them. */
export const gridledgerAggregates = [
  Dispute,
  Visit,
  GridMember,
  Patrol,
  GridOwnership,
  PoliceCase,
  HouseholdRegister,
  GridStructure,
  GridNesting,
] as const;
