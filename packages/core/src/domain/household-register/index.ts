// The HouseholdRegister aggregate: one grid's register of households. A household is registered
// once in a grid; a household that moves to another grid leaves this register and joins that one.
import { z } from 'zod';
import type { AggregateType } from '../../eventsourcing/aggregate.js';
import { RuleViolationError } from '../../eventsourcing/errors.js';
import { CommunityId, GridId, Id, Text } from '../shared/schemas.js';
import { Residents, householdRegisterEvents, type HouseholdRegisterEvent } from './events.js';

const command = <T extends string, D extends z.ZodType>(type: T, data: D) =>
  z.strictObject({ type: z.literal(type), data });

export const HouseholdRegisterCommand = z.discriminatedUnion('type', [
  command(
    'registerHousehold',
    z.strictObject({ community: CommunityId, grid: GridId, householdId: Id, residents: Residents }),
  ),
  command('deregisterHousehold', z.strictObject({ householdId: Id, reason: Text })),
]);
export type HouseholdRegisterCommand = z.infer<typeof HouseholdRegisterCommand>;

export interface HouseholdRegisterState {
  readonly grid: string | null;
  readonly community: string | null;
  /** Residents per registered household id. */
  readonly households: Readonly<Record<string, number>>;
}

const initialState = (): HouseholdRegisterState => ({
  grid: null,
  community: null,
  households: {},
});

const violation = (rule: string, message: string, details: Record<string, unknown> = {}) =>
  new RuleViolationError(`household-register.${rule}`, message, details);

const registered = (state: HouseholdRegisterState, householdId: string): boolean =>
  Object.hasOwn(state.households, householdId);

function decide(
  command: HouseholdRegisterCommand,
  state: HouseholdRegisterState,
): HouseholdRegisterEvent[] {
  switch (command.type) {
    case 'registerHousehold': {
      const { data } = command;
      if (state.community !== null && data.community !== state.community) {
        throw violation(
          'other-community',
          `Grid '${state.grid}' belongs to community '${state.community}', not '${data.community}'`,
          { grid: state.grid, community: data.community },
        );
      }
      if (registered(state, data.householdId)) {
        throw violation(
          'already-registered',
          `Household '${data.householdId}' is already on the register of grid '${state.grid}'`,
          { householdId: data.householdId },
        );
      }
      return [{ type: 'HouseholdRegistered', data }];
    }
    case 'deregisterHousehold':
      if (!registered(state, command.data.householdId)) {
        throw violation(
          'not-registered',
          `Household '${command.data.householdId}' is not on the register of grid '${state.grid ?? '?'}'`,
          { householdId: command.data.householdId },
        );
      }
      return [{ type: 'HouseholdDeregistered', data: command.data }];
  }
}

function evolve(
  state: HouseholdRegisterState,
  event: HouseholdRegisterEvent,
): HouseholdRegisterState {
  switch (event.type) {
    case 'HouseholdRegistered': {
      const { grid, community, householdId, residents } = event.data;
      return { grid, community, households: { ...state.households, [householdId]: residents } };
    }
    case 'HouseholdDeregistered': {
      const households = { ...state.households };
      delete households[event.data.householdId];
      return { ...state, households };
    }
  }
}

export const HouseholdRegister: AggregateType<
  HouseholdRegisterCommand,
  HouseholdRegisterEvent,
  HouseholdRegisterState
> = {
  name: 'HouseholdRegister',
  streamPrefix: 'household-register-',
  idField: 'grid',
  commandSchema: HouseholdRegisterCommand,
  events: householdRegisterEvents,
  initialState,
  decide,
  evolve,
};

export * from './events.js';
