import fc from 'fast-check';
import { describe, it } from 'vitest';
import { HouseholdRegister } from '@gridledger/core';
import { given } from '@gridledger/core/testing';
import {
  describeDeciderProperties,
  type PropertySubject,
  type Recipe,
} from '../__fixtures__/deciderProperties.js';

type State = ReturnType<typeof HouseholdRegister.initialState>;
const register = (householdId: string, residents = 3) => ({
  type: 'registerHousehold' as const,
  data: { community: 'xuzhai', grid: 'xuzhai-07', householdId, residents },
});
const registered = (householdId: string, residents = 3) => ({
  type: 'HouseholdRegistered' as const,
  data: register(householdId, residents).data,
});

describe('the household register of a grid', () => {
  it('registers households with the people living in them', () => {
    given(HouseholdRegister, [registered('h-1', 4)])
      .when(register('h-2', 2))
      .then([registered('h-2', 2)])
      .thenState({ grid: 'xuzhai-07', community: 'xuzhai', households: { 'h-1': 4, 'h-2': 2 } });
  });

  it('registers a household once', () => {
    given(HouseholdRegister, [registered('h-1')])
      .when(register('h-1', 5))
      .thenThrows({ rule: 'household-register.already-registered' });
  });

  it('keeps a grid in one community', () => {
    given(HouseholdRegister, [registered('h-1')])
      .when({ ...register('h-2'), data: { ...register('h-2').data, community: 'other' } })
      .thenThrows({ rule: 'household-register.other-community' });
  });

  it('takes a household that moved out off the register, only if it is on it', () => {
    const moved = {
      type: 'deregisterHousehold' as const,
      data: { householdId: 'h-1', reason: 'Moved away' },
    };
    given(HouseholdRegister, [registered('h-1'), registered('h-2')])
      .when(moved)
      .then([{ type: 'HouseholdDeregistered', data: moved.data }])
      .thenState({ grid: 'xuzhai-07', community: 'xuzhai', households: { 'h-2': 3 } });
    given(HouseholdRegister, [registered('h-2')])
      .when(moved)
      .thenThrows({ rule: 'household-register.not-registered' });
  });

  it('refuses an empty household', () => {
    given(HouseholdRegister, []).when(register('h-1', 0)).thenThrows({ code: 'VALIDATION_FAILED' });
  });
});

const household = fc.constantFrom('h-1', 'h-2', 'h-3');
const recipe: fc.Arbitrary<Recipe<State>> = fc.oneof(
  fc
    .record({
      h: household,
      residents: fc.integer({ min: 0, max: 6 }),
      c: fc.constantFrom('xuzhai', 'other'),
    })
    .map(({ h, residents, c }) => () => ({
      type: 'registerHousehold',
      data: { community: c, grid: 'g-1', householdId: h, residents },
    })),
  household.map((h) => () => ({
    type: 'deregisterHousehold',
    data: { householdId: h, reason: 'Moved' },
  })),
);

function invariant(s: State): string[] {
  const broken: string[] = [];
  if ((s.grid === null) !== (s.community === null)) broken.push('a grid has a community');
  if (Object.values(s.households).some((n) => n < 1)) broken.push('households have residents');
  if (s.grid === null && Object.keys(s.households).length > 0)
    broken.push('households need a grid');
  return broken;
}

const subject: PropertySubject<never, never, State> = {
  aggregate: HouseholdRegister as never,
  invariant,
  id: 'g-1',
  tours: [
    [
      () => ({
        type: 'registerHousehold',
        data: { community: 'xuzhai', grid: 'g-1', householdId: 'h-1', residents: 2 },
      }),
      () => ({ type: 'deregisterHousehold', data: { householdId: 'h-1', reason: 'Moved' } }),
    ],
  ],
};
describeDeciderProperties(subject, recipe, { run: 20, throughHandler: 10 });
