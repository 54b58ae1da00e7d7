// Every event definition of the four aggregates (and grid ownership), so an app builds one
// registry: `createEventRegistry(gridledgerEvents)`.
import { disputeEvents } from './dispute/events.js';
import { gridMemberEvents } from './grid-member/events.js';
import { gridOwnershipEvents } from './grid-ownership/events.js';
import { householdRegisterEvents } from './household-register/events.js';
import { policeCaseEvents } from './police-case/events.js';
import { patrolEvents } from './patrol/events.js';
import { visitEvents } from './visit/events.js';

export const gridledgerEvents = [
  ...disputeEvents,
  ...visitEvents,
  ...gridMemberEvents,
  ...patrolEvents,
  ...gridOwnershipEvents,
  ...policeCaseEvents,
  ...householdRegisterEvents,
] as const;
