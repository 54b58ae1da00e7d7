// Random Visit commands for property tests: often the natural next step, sometimes anything.
import fc from 'fast-check';
import type { VisitState } from '@gridledger/core';
import type { Recipe } from '../../__fixtures__/deciderProperties.js';
import { scheduled } from './kang.js';

const schedule = (purpose: string, disputeId?: string) => ({
  type: 'scheduleVisit',
  data: { ...scheduled.data, purpose, ...(disputeId === undefined ? {} : { disputeId }) },
});

export function nextStep(s: VisitState): unknown {
  switch (s.status) {
    case 'unscheduled':
      return schedule('routine');
    case 'scheduled':
      return { type: 'conductVisit', data: {} };
    case 'conducted':
      if (s.wishes.length === 0)
        return { type: 'recordMicroWish', data: { description: 'Handrail' } };
      if (s.appeals.length === 0)
        return { type: 'recordMicroAppeal', data: { description: 'Light' } };
      if (s.hazards.length === 0)
        return { type: 'reportSafetyHazard', data: { description: 'Gas' } };
      return { type: 'closeVisit', data: {} };
    case 'closed': {
      const wish = s.wishes.find((w) => !w.done);
      if (wish) return { type: 'fulfilMicroWish', data: { wishId: wish.id } };
      const hazard = s.hazards.find((h) => !h.done);
      if (hazard) return { type: 'recordHazardRemoved', data: { hazardId: hazard.id } };
      return { type: 'closeVisit', data: {} };
    }
    case 'cancelled':
      return { type: 'conductVisit', data: {} };
  }
}

const ids = (list: readonly { id: string }[], i: number) =>
  list[i % Math.max(list.length, 1)]?.id ?? 'x-none';
const text = fc.constantFrom('Handrail', 'Broken light', 'Leaking pipe');

const anyCommand: fc.Arbitrary<Recipe<VisitState>> = fc.oneof(
  fc
    .constantFrom<[string, string?]>(
      ['routine'],
      ['service'],
      ['hazard-check'],
      ['dispute-follow-up', 'd-1'],
      ['dispute-follow-up'],
    )
    .map(
      ([purpose, disputeId]) =>
        () =>
          schedule(purpose, disputeId),
    ),
  fc.constant(() => ({ type: 'rescheduleVisit', data: { scheduledFor: '2026-07-16T09:30:00Z' } })),
  fc
    .option(fc.subarray(['m-1', 'm-2'], { minLength: 1 }), { nil: undefined })
    .map((visitors) => () => ({
      type: 'conductVisit',
      data: visitors ? { visitors } : {},
    })),
  text.map((description) => () => ({ type: 'recordMicroWish', data: { description } })),
  fc.nat().map((i) => (s: VisitState) => ({
    type: 'claimMicroWish',
    data: { wishId: ids(s.wishes, i), claimedBy: i % 2 === 0 ? 'm-1' : 'm-2' },
  })),
  fc.nat().map((i) => (s: VisitState) => ({
    type: 'fulfilMicroWish',
    data: { wishId: ids(s.wishes, i) },
  })),
  text.map((description) => () => ({ type: 'recordMicroAppeal', data: { description } })),
  fc.nat().map((i) => (s: VisitState) => ({
    type: 'fulfilMicroAppeal',
    data: { appealId: ids(s.appeals, i) },
  })),
  fc.constantFrom('id-card-application', 'Not A Slug').map((kind) => () => ({
    type: 'renderService',
    data: { kind, details: 'Applied at home' },
  })),
  text.map((description) => () => ({ type: 'reportSafetyHazard', data: { description } })),
  fc.nat().map((i) => (s: VisitState) => ({
    type: 'recordHazardRemoved',
    data: { hazardId: ids(s.hazards, i) },
  })),
  fc.nat().map((i) => (s: VisitState) => ({
    type: 'followUpHazard',
    data: { hazardId: ids(s.hazards, i), followedUpBy: ['m-1'], note: 'Still there' },
  })),
  fc.nat().map((i) => (s: VisitState) => ({
    type: 'handOverHazard',
    data: { hazardId: ids(s.hazards, i), to: 'gas company' },
  })),
  text.map((description) => () => ({ type: 'noteDisputeSpotted', data: { description } })),
  fc.constant(() => ({ type: 'cancelVisit', data: { reason: 'Away' } })),
  fc.constant(() => ({ type: 'closeVisit', data: {} })),
);

export const visitRecipe: fc.Arbitrary<Recipe<VisitState>> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(nextStep) },
  { weight: 2, arbitrary: anyCommand },
);

const step =
  (command: unknown): Recipe<VisitState> =>
  () =>
    command;

/** Runs that together reach every Visit event: the properties start from these. */
export const visitTours: readonly (readonly Recipe<VisitState>[])[] = [
  // Scheduled, conducted, a wish, an appeal and a hazard recorded, closed, then followed up.
  Array.from({ length: 10 }, () => nextStep),
  [
    step(schedule('service')),
    step({ type: 'rescheduleVisit', data: { scheduledFor: '2026-07-16T09:30:00Z' } }),
    step({ type: 'conductVisit', data: {} }),
    step({ type: 'renderService', data: { kind: 'id-card-application', details: 'At home' } }),
    step({ type: 'noteDisputeSpotted', data: { description: 'Neighbours quarrel' } }),
    step({ type: 'recordMicroWish', data: { description: 'A handrail' } }),
    (s) => ({ type: 'claimMicroWish', data: { wishId: ids(s.wishes, 0), claimedBy: 'm-2' } }),
    step({ type: 'recordMicroAppeal', data: { description: 'Light' } }),
    (s) => ({ type: 'fulfilMicroAppeal', data: { appealId: ids(s.appeals, 0) } }),
    // A hazard followed up, still there, then handed over to the body that can remove it.
    step({ type: 'reportSafetyHazard', data: { description: 'Gas pipe corroded' } }),
    (s) => ({
      type: 'followUpHazard',
      data: { hazardId: ids(s.hazards, 0), followedUpBy: ['m-1'], note: 'Still corroded' },
    }),
    (s) => ({ type: 'handOverHazard', data: { hazardId: ids(s.hazards, 0), to: 'gas company' } }),
  ],
  [step(schedule('routine')), step({ type: 'cancelVisit', data: { reason: 'Away' } })],
];
