// The Xu/Shang tenancy dispute from the source article, as events at each stage: Shang took the
// TV fearing Xu would keep the deposit; the station director and the community officer mediated.
import type { DisputeEvent, DisputeEventOf } from '@gridledger/core';

export const xu = {
  partyId: 'p-xu',
  name: 'Xu',
  role: 'landlord',
  household: { householdId: 'h-xuzhai-0712', address: 'Xuzhai community, building 7, unit 12' },
};
export const shang = { partyId: 'p-shang', name: 'Shang', role: 'tenant' };

export const reported: DisputeEventOf<'DisputeReported'> = {
  type: 'DisputeReported',
  data: {
    disputeId: 'd-tv-deposit',
    community: 'xuzhai',
    grid: 'xuzhai-07',
    category: 'tenancy',
    source: 'walk-in',
    parties: [xu, shang],
    description: 'Tenant took the flat’s TV at the end of the lease, fearing the deposit is kept',
    reportedBy: { name: 'Li Min', role: 'grid-worker', memberId: 'm-li' },
  },
};

export const classified: DisputeEventOf<'DisputeClassified'> = {
  type: 'DisputeClassified',
  data: { category: 'tenancy', severity: 'moderate', escalationRisk: 'medium' },
};

export const assigned: DisputeEventOf<'DisputeAssigned'> = {
  type: 'DisputeAssigned',
  data: { level: 'police-station', mediators: ['m-zhao', 'm-jiang'] },
};

export const interventionStarted: DisputeEventOf<'DisputeInterventionStarted'> = {
  type: 'DisputeInterventionStarted',
  data: { level: 'police-station' },
};

export const sessionHeld: DisputeEventOf<'MediationSessionHeld'> = {
  type: 'MediationSessionHeld',
  data: {
    sessionId: 's-1',
    level: 'police-station',
    mediators: ['m-zhao', 'm-jiang'],
    parties: ['p-xu', 'p-shang'],
    others: [],
    outcome: 'agreed',
    summary: 'Shang returns the TV; Xu inspects the flat and refunds the deposit',
  },
};

export const agreementReached: DisputeEventOf<'DisputeAgreementReached'> = {
  type: 'DisputeAgreementReached',
  data: {
    agreementId: 'a-1',
    terms: [
      { termId: 't-tv', obligatedPartyId: 'p-shang', action: 'Return the TV' },
      { termId: 't-deposit', obligatedPartyId: 'p-xu', action: 'Refund the full deposit' },
    ],
  },
};

export const tvReturned: DisputeEventOf<'AgreementTermFulfilled'> = {
  type: 'AgreementTermFulfilled',
  data: { termId: 't-tv', obligatedPartyId: 'p-shang' },
};

export const depositRefunded: DisputeEventOf<'AgreementTermFulfilled'> = {
  type: 'AgreementTermFulfilled',
  data: { termId: 't-deposit', obligatedPartyId: 'p-xu' },
};

export const resolved: DisputeEventOf<'DisputeResolved'> = {
  type: 'DisputeResolved',
  data: { how: 'agreement', agreementId: 'a-1', level: 'police-station' },
};

export const followedUp: DisputeEventOf<'DisputeFollowUpVisitRecorded'> = {
  type: 'DisputeFollowUpVisitRecorded',
  data: { satisfied: true, visitedBy: ['m-jiang'] },
};

/** The history up to and including each stage. */
export const upTo = {
  reported: [reported],
  classified: [reported, classified],
  assigned: [reported, classified, assigned],
  mediating: [reported, classified, assigned, interventionStarted],
  sessionHeld: [reported, classified, assigned, interventionStarted, sessionHeld],
  agreed: [reported, classified, assigned, interventionStarted, sessionHeld, agreementReached],
  carriedOut: [
    reported,
    classified,
    assigned,
    interventionStarted,
    sessionHeld,
    agreementReached,
    tvReturned,
    depositRefunded,
  ],
} satisfies Record<string, DisputeEvent[]>;

export const resolvedHistory: DisputeEvent[] = [...upTo.carriedOut, resolved];
export const followedUpHistory: DisputeEvent[] = [...resolvedHistory, followedUp];
export const closedHistory: DisputeEvent[] = [
  ...followedUpHistory,
  { type: 'DisputeClosed', data: {} },
];
