// Kang's service visit from the source article: an elderly resident with limited mobility and
// an expired ID card; the station director, the community officer and a household-registration
// officer went to his home with community staff and applied for a new card on his behalf.
import type { VisitEvent, VisitEventOf } from '@gridledger/core';

export const visitors = ['m-zhao', 'm-jiang', 'm-zhou', 'm-staff-li'];

export const scheduled: VisitEventOf<'VisitScheduled'> = {
  type: 'VisitScheduled',
  data: {
    visitId: 'v-kang',
    community: 'xuzhai',
    grid: 'xuzhai-03',
    household: { householdId: 'h-kang', address: 'Xuzhai community, building 3, unit 2' },
    purpose: 'service',
    visitors,
    scheduledFor: '2026-07-15T09:30:00+08:00',
  },
};

export const conducted: VisitEventOf<'VisitConducted'> = {
  type: 'VisitConducted',
  data: { visitors },
};

export const wish: VisitEventOf<'MicroWishRecorded'> = {
  type: 'MicroWishRecorded',
  data: { wishId: 'w-1', description: 'A handrail on the stairwell' },
};

export const appeal: VisitEventOf<'MicroAppealRecorded'> = {
  type: 'MicroAppealRecorded',
  data: { appealId: 'ap-1', description: 'Street light outside is broken' },
};

export const hazard: VisitEventOf<'SafetyHazardReported'> = {
  type: 'SafetyHazardReported',
  data: { hazardId: 'hz-1', description: 'Gas hose cracked' },
};

export const cancelled: VisitEvent = {
  type: 'VisitCancelled',
  data: { reason: 'Kang in hospital' },
};
export const closed: VisitEvent = { type: 'VisitClosed', data: {} };

export const upTo = {
  scheduled: [scheduled],
  conducted: [scheduled, conducted],
  withItems: [scheduled, conducted, wish, appeal, hazard],
  closed: [scheduled, conducted, wish, appeal, hazard, closed],
  cancelled: [scheduled, cancelled],
} satisfies Record<string, VisitEvent[]>;
