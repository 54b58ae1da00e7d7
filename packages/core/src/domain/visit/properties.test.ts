import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Visit, type VisitState } from '@gridledger/core';
import {
  refold,
  runRecipes,
  runThroughHandler,
  type PropertySubject,
} from '../__fixtures__/deciderProperties.js';
import { visitRecipe } from './__fixtures__/recipes.js';

function invariant(s: VisitState): string[] {
  const broken: string[] = [];
  const check = (ok: boolean, rule: string) => {
    if (!ok) broken.push(rule);
  };
  const items = [...s.wishes, ...s.appeals, ...s.hazards];
  check((s.status === 'unscheduled') === (s.visitId === null), 'scheduled iff it has an id');
  check(s.status === 'unscheduled' || s.visitors.length > 0, 'a visit has visitors');
  check(
    items.length + s.servicesRendered + s.disputesSpotted === 0 ||
      s.status === 'conducted' ||
      s.status === 'closed',
    'things are recorded only on a visit that took place',
  );
  check(new Set(items.map((i) => i.id)).size === items.length, 'recorded ids are unique');
  check(
    s.status === 'unscheduled' || (s.purpose === 'dispute-follow-up') === (s.disputeId !== null),
    'a follow-up visit names its dispute',
  );
  return broken;
}

const subject: PropertySubject<never, never, VisitState> = {
  aggregate: Visit as never,
  invariant,
  id: 'v-1',
};
const runs = fc.array(visitRecipe, { maxLength: 40, size: 'max' });

describe('Visit properties', () => {
  it('any sequence of commands, accepted or rejected, leaves a valid state', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(runs, (recipes) => {
        for (const event of runRecipes(subject, recipes).events as { type: string }[]) {
          seen.add(event.type);
        }
      }),
      { numRuns: 150 },
    );
    expect([...seen].sort()).toEqual(Visit.events.map((d) => d.type).sort());
  });

  it('folding the events decide returned reproduces the state', () => {
    fc.assert(
      fc.property(runs, (recipes) => {
        const run = runRecipes(subject, recipes);
        expect(refold(Visit, run.events)).toEqual(run.state);
      }),
      { numRuns: 100 },
    );
  });

  it('rejected commands write nothing to the store', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(visitRecipe, { maxLength: 20 }), async (recipes) => {
        await runThroughHandler(subject, recipes);
      }),
      { numRuns: 25 },
    );
  });
});
