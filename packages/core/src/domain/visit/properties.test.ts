import { Visit, type VisitState } from '@gridledger/core';
import {
  describeDeciderProperties,
  type PropertySubject,
} from '../__fixtures__/deciderProperties.js';
import { visitRecipe, visitTours } from './__fixtures__/recipes.js';

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
  check(
    Object.keys(s.claims).every((id) => s.wishes.some((w) => w.id === id)),
    'only a recorded micro-wish is claimed',
  );
  check(
    Object.keys(s.hazardsHandedOver).every((id) => s.hazards.some((h) => h.id === id && h.done)),
    'only a recorded hazard is handed over, and it is then dealt with',
  );
  return broken;
}

const subject: PropertySubject<never, never, VisitState> = {
  aggregate: Visit as never,
  invariant,
  id: 'v-kang',
  tours: visitTours,
};

describeDeciderProperties(subject, visitRecipe, { run: 40, throughHandler: 20 });
