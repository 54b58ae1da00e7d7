import fc from 'fast-check';
import { describe, it } from 'vitest';
import { PoliceCase, type PoliceCaseState } from '@gridledger/core';
import { given } from '@gridledger/core/testing';
import {
  describeDeciderProperties,
  type PropertySubject,
  type Recipe,
} from '../__fixtures__/deciderProperties.js';

const officer = { actor: { id: 'officer-jiang', role: 'community-police-officer' } };
const fight = {
  caseId: 'pc-1',
  kind: 'public-order' as const,
  community: 'xuzhai',
  grid: 'xuzhai-07',
  policeGrid: 'taihao-3',
  category: 'fight',
  summary: 'Two neighbours came to blows over a parking space',
};
const recorded = { type: 'PoliceCaseRecorded' as const, data: fight };

describe('recordPoliceCase', () => {
  it('records a public-order case on the community grid and the police grid', () => {
    given(PoliceCase, [])
      .when({ type: 'recordPoliceCase', data: fight }, officer)
      .then([recorded])
      .thenState({ status: 'open', caseId: 'pc-1', kind: 'public-order', grid: 'xuzhai-07' });
  });

  it('is for the police station only', () => {
    given(PoliceCase, [])
      .when({ type: 'recordPoliceCase', data: fight }, { actor: { id: 'li', role: 'grid-worker' } })
      .thenThrows({ rule: 'police-case.not-police', message: /acts as grid-worker/ });
  });

  it('records a case once', () => {
    given(PoliceCase, [recorded])
      .when({ type: 'recordPoliceCase', data: fight }, officer)
      .thenThrows({ rule: 'police-case.already-recorded' });
  });

  it('refuses a case without a police grid', () => {
    const { policeGrid: _, ...noBeat } = fight;
    given(PoliceCase, [])
      .when({ type: 'recordPoliceCase', data: noBeat }, officer)
      .thenThrows({ code: 'VALIDATION_FAILED' });
  });
});

describe('closePoliceCase', () => {
  it('closes a recorded case once', () => {
    const closed = { type: 'PoliceCaseClosed' as const, data: { outcome: 'penalised' as const } };
    given(PoliceCase, [recorded])
      .when({ type: 'closePoliceCase', data: { outcome: 'penalised' } })
      .then([closed]);
    given(PoliceCase, [recorded, closed])
      .when({ type: 'closePoliceCase', data: { outcome: 'mediated' } })
      .thenThrows({ rule: 'police-case.closed' });
    given(PoliceCase, [])
      .when({ type: 'closePoliceCase', data: { outcome: 'no-case' } })
      .thenThrows({ rule: 'police-case.not-recorded' });
  });
});

const record = () => ({ type: 'recordPoliceCase', data: { ...fight, caseId: 'c-1' } });
const close = () => ({ type: 'closePoliceCase', data: { outcome: 'mediated' } });
const recipe: fc.Arbitrary<Recipe<PoliceCaseState>> = fc.oneof(
  fc.constant(record),
  fc.constant(close),
  fc.constantFrom('criminal', 'public-order', 'homicide').map((kind) => () => ({
    type: 'recordPoliceCase',
    data: { ...fight, caseId: 'c-1', kind },
  })),
);

function invariant(s: PoliceCaseState): string[] {
  const broken: string[] = [];
  if ((s.status === 'unrecorded') !== (s.caseId === null)) broken.push('recorded iff it has an id');
  if ((s.status === 'unrecorded') !== (s.kind === null)) broken.push('recorded iff it has a kind');
  return broken;
}

const subject: PropertySubject<never, never, PoliceCaseState> = {
  aggregate: PoliceCase as never,
  invariant,
  id: 'c-1',
  tours: [[record, close]],
};
describeDeciderProperties(subject, recipe, { run: 10, throughHandler: 6 });
