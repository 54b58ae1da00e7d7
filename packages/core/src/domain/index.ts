// The four aggregates of police–community co-governance: Dispute, Visit, GridMember, Patrol,
// plus grid ownership and the reactions that link them.
export { Household } from './shared/schemas.js';
export * from './dispute/vocabulary.js';
export * from './dispute/events.js';
export * from './visit/events.js';
export * from './grid-member/events.js';
export * from './patrol/events.js';
export * from './grid-ownership/events.js';
export { gridledgerEvents } from './events.js';
