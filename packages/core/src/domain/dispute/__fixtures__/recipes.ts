// Random Dispute commands for property tests: half of them the natural next step of the state
// (so runs reach agreements, resolutions and closing), half anything at all.
import fc from 'fast-check';
import { MEDIATION_LEVELS, type DisputeState } from '@gridledger/core';
import type { Recipe } from '../../__fixtures__/deciderProperties.js';

const partyPool = [
  { partyId: 'p-1', name: 'Xu', role: 'landlord' },
  { partyId: 'p-2', name: 'Shang', role: 'tenant' },
  { partyId: 'p-3', name: 'Wang', role: 'neighbour' },
];
const memberPool = ['m-1', 'm-2', 'm-3'];

const report = (parties: typeof partyPool) => ({
  type: 'reportDispute',
  data: {
    disputeId: 'd-1',
    community: 'xuzhai',
    grid: 'xuzhai-07',
    category: 'tenancy',
    source: 'walk-in',
    parties,
    description: 'TV against deposit',
    reportedBy: { name: 'Li', role: 'grid-worker' },
  },
});
const classify = {
  type: 'classifyDispute',
  data: { category: 'tenancy', severity: 'minor', escalationRisk: 'low' },
};
const severity = fc.constantFrom('minor', 'moderate', 'serious', 'major');

/** The step a diligent mediator would take next. */
export function nextStep(s: DisputeState): unknown {
  const partyIds = s.parties.map((p) => p.partyId);
  switch (s.status) {
    case 'unreported':
      return report(partyPool.slice(0, 2));
    case 'resolved':
      if (s.lastFollowUp === null)
        return { type: 'recordFollowUpVisit', data: { satisfied: true, visitedBy: ['m-1'] } };
      return s.lastFollowUp.satisfied
        ? { type: 'closeDispute', data: {} }
        : { type: 'reopenDispute', data: { reason: 'unhappy-follow-up' } };
    case 'referred-out':
    case 'declined':
    case 'withdrawn':
    case 'closed':
      return { type: 'closeDispute', data: {} };
    case 'open':
      break;
  }
  if (s.classification === null) return classify;
  if (s.level === null)
    return { type: 'assignDispute', data: { level: 'grid', mediators: ['m-1'] } };
  if (!s.interventionStarted) return { type: 'startIntervention', data: {} };
  if (partyIds.length === 0) return { type: 'identifyParty', data: { party: partyPool[0] } };
  if (s.sessionsHeld === 0 || s.agreement === null) {
    if (s.sessionsHeld > 0) {
      const terms = partyIds.map((id) => ({ obligatedPartyId: id, action: `Duty of ${id}` }));
      return { type: 'reachAgreement', data: { terms } };
    }
    const data = {
      mediators: [...s.mediators],
      parties: partyIds,
      outcome: 'agreed',
      summary: 'Met',
    };
    return { type: 'holdMediationSession', data };
  }
  const open = s.agreement.terms.find((t) => !t.fulfilled);
  if (open) return { type: 'recordTermFulfilled', data: { termId: open.termId } };
  return { type: 'resolveDispute', data: { how: 'agreement' } };
}

const level = fc.constantFrom(...MEDIATION_LEVELS);
const mediators = fc.subarray(memberPool, { minLength: 1 });
const text = fc.constantFrom('Because', 'Xu insists', 'Tempers rose');
const pick = <T>(list: readonly T[], i: number, fallback: T): T =>
  list[i % Math.max(list.length, 1)] ?? fallback;

/** Any command at all, well-formed or not quite, with ids drawn from what exists. */
const anyCommand: fc.Arbitrary<Recipe<DisputeState>> = fc.oneof(
  fc.subarray(partyPool).map((parties) => () => report(parties)),
  fc.constantFrom(...partyPool).map((party) => () => ({ type: 'identifyParty', data: { party } })),
  text.map((reason) => () => ({ type: 'declineDispute', data: { reason } })),
  text.map((reason) => () => ({ type: 'withdrawDispute', data: { reason } })),
  fc.constant(() => classify),
  severity.map((grade) => () => ({
    type: 'classifyDispute',
    data: { ...classify.data, severity: grade },
  })),
  fc.record({ level, mediators }).map((data) => () => ({ type: 'assignDispute', data })),
  fc.constant(() => ({ type: 'startIntervention', data: {} })),
  mediators.map((handledBy) => () => ({
    type: 'handleOnTheSpot',
    data: { handledBy, note: 'Calmed them down' },
  })),
  fc
    .record({ mediators, parties: fc.subarray(['p-1', 'p-2', 'p-4'], { minLength: 1 }) })
    .map((d) => () => ({
      type: 'holdMediationSession',
      data: { ...d, outcome: 'adjourned', summary: 'Met' },
    })),
  fc.subarray(['p-1', 'p-2', 'p-4'], { minLength: 1 }).map((ids) => () => ({
    type: 'reachAgreement',
    data: { terms: ids.map((id) => ({ obligatedPartyId: id, action: 'Pay' })) },
  })),
  fc.nat().map((i) => (s: DisputeState) => ({
    type: 'recordTermFulfilled',
    data: { termId: pick(s.agreement?.terms.map((t) => t.termId) ?? [], i, 't-none') },
  })),
  fc
    .constantFrom({ how: 'agreement' }, { how: 'no-agreement-needed', reason: 'Cleared up' })
    .map((data) => () => ({ type: 'resolveDispute', data })),
  fc
    .record({ toLevel: level, reason: text, mediators })
    .map((data) => () => ({ type: 'escalateDispute', data })),
  fc
    .record({ toLevel: level, reason: text, mediators })
    .map((data) => () => ({ type: 'handDownDispute', data })),
  fc
    .record({
      to: fc.constantFrom(
        'court',
        'arbitration',
        'labour-arbitration',
        'criminal-case',
        'other-body',
      ),
      reason: text,
      becameHomicide: fc.option(fc.boolean(), { nil: undefined }),
    })
    .map((data) => () => ({ type: 'referDisputeOut', data })),
  fc.boolean().map((satisfied) => () => ({
    type: 'recordFollowUpVisit',
    data: { satisfied, visitedBy: ['m-2'] },
  })),
  fc.constant(() => ({ type: 'closeDispute', data: {} })),
  fc
    .constantFrom('unhappy-follow-up', 'relapse', 'agreement-broken')
    .map((reason) => () => ({ type: 'reopenDispute', data: { reason } })),
  fc
    .record({
      caseId: fc.constantFrom('pc-1', 'pc-2'),
      kind: fc.constantFrom('criminal', 'public-order'),
      homicide: fc.option(fc.boolean(), { nil: undefined }),
    })
    .map((data) => () => ({ type: 'recordLaterCase', data })),
);

export const disputeRecipe: fc.Arbitrary<Recipe<DisputeState>> = fc.oneof(
  { weight: 4, arbitrary: fc.constant(nextStep) },
  { weight: 1, arbitrary: anyCommand },
);

const step =
  (command: unknown): Recipe<DisputeState> =>
  () =>
    command;
const firstSteps = (n: number): Recipe<DisputeState>[] => Array.from({ length: n }, () => nextStep);

/** Runs that together reach every Dispute event: the properties start from these. */
export const disputeTours: readonly (readonly Recipe<DisputeState>[])[] = [
  // Report to close by agreement: reported … term fulfilled, resolved, followed up, closed.
  firstSteps(14),
  // A witness turns up, the grid cannot settle it, and it becomes a criminal case.
  [
    ...firstSteps(4),
    step({ type: 'identifyParty', data: { party: partyPool[2] } }),
    step({
      type: 'escalateDispute',
      data: { toLevel: 'community', reason: 'Tempers rose', mediators: ['m-2'] },
    }),
    step({ type: 'referDisputeOut', data: { to: 'criminal-case', reason: 'Assault' } }),
  ],
  [...firstSteps(1), step({ type: 'declineDispute', data: { reason: 'Not a dispute' } })],
  // The grid member on the spot steps in before the office classifies it (先期处置).
  [
    ...firstSteps(1),
    step({ type: 'handleOnTheSpot', data: { handledBy: ['m-1'], note: 'Separated them' } }),
    ...firstSteps(13),
  ],
  // Resolved, the follow-up finds them unhappy, reopened; settled again, closed, and weeks later
  // it turns into a criminal case that the station links to it.
  [
    ...firstSteps(9),
    step({ type: 'recordFollowUpVisit', data: { satisfied: false, visitedBy: ['m-1'] } }),
    ...firstSteps(1),
    step({ type: 'resolveDispute', data: { how: 'no-agreement-needed', reason: 'Apologised' } }),
    ...firstSteps(2),
    step({ type: 'recordLaterCase', data: { caseId: 'pc-1', kind: 'criminal' } }),
  ],
  // Taken to the police station, which hands it down to the committee; settled there.
  [
    ...firstSteps(3),
    step({
      type: 'escalateDispute',
      data: { toLevel: 'police-station', reason: 'Threats', mediators: ['m-3'] },
    }),
    step({
      type: 'handDownDispute',
      data: { toLevel: 'community', reason: 'A neighbours’ matter', mediators: ['m-2'] },
    }),
    ...firstSteps(10),
  ],
  [...firstSteps(2), step({ type: 'withdrawDispute', data: { reason: 'Settled between them' } })],
];
