// One well-formed command of every type of every aggregate, with every optional part filled in,
// so a test can poke at each object a command may hold. The types make the lists complete: a
// new command type that has no sample here does not compile.
import type {
  DisputeCommand,
  GridMemberCommand,
  GridOwnershipCommand,
  PatrolCommand,
  VisitCommand,
} from '@gridledger/core';

type Samples<C extends { type: string }> = { readonly [T in C['type']]: Extract<C, { type: T }> };

const household = { householdId: 'h-xu', address: 'Xuzhai community, building 5' };
const xu = { partyId: 'p-xu', name: 'Xu', role: 'landlord', household };

export const disputeSamples: Samples<DisputeCommand> = {
  reportDispute: {
    type: 'reportDispute',
    data: {
      disputeId: 'd-1',
      community: 'xuzhai',
      grid: 'xuzhai-07',
      category: 'tenancy',
      source: 'visit',
      sourceRef: 'v-1',
      parties: [xu],
      description: 'Return the TV or refund the deposit',
      reportedBy: { name: 'Li', role: 'community-staff', memberId: 'm-li', partyId: 'p-xu' },
    },
  },
  identifyParty: { type: 'identifyParty', data: { party: xu } },
  declineDispute: { type: 'declineDispute', data: { reason: 'A private debt' } },
  withdrawDispute: { type: 'withdrawDispute', data: { reason: 'Settled between them' } },
  classifyDispute: {
    type: 'classifyDispute',
    data: { category: 'tenancy', severity: 'minor', escalationRisk: 'low', note: 'Deposit' },
  },
  assignDispute: { type: 'assignDispute', data: { level: 'grid', mediators: ['m-1'] } },
  startIntervention: { type: 'startIntervention', data: { note: 'Called Jiang Lin' } },
  holdMediationSession: {
    type: 'holdMediationSession',
    data: {
      mediators: ['m-1'],
      parties: ['p-xu'],
      others: ['community staff'],
      outcome: 'agreed',
      summary: 'Both sides heard',
    },
  },
  reachAgreement: {
    type: 'reachAgreement',
    data: { terms: [{ obligatedPartyId: 'p-xu', action: 'Refund the full deposit' }] },
  },
  recordTermFulfilled: { type: 'recordTermFulfilled', data: { termId: 't-1', note: 'Paid' } },
  resolveDispute: { type: 'resolveDispute', data: { how: 'agreement' } },
  escalateDispute: {
    type: 'escalateDispute',
    data: { toLevel: 'community', reason: 'Tempers rose', mediators: ['m-2'] },
  },
  handleOnTheSpot: {
    type: 'handleOnTheSpot',
    data: { handledBy: ['m-1'], note: 'Separated the two and calmed them down' },
  },
  handDownDispute: {
    type: 'handDownDispute',
    data: { toLevel: 'grid', reason: 'The grid member knows both families', mediators: ['m-1'] },
  },
  referDisputeOut: {
    type: 'referDisputeOut',
    data: {
      to: 'criminal-case',
      body: 'Taihao Road station',
      reason: 'Assault',
      becameHomicide: false,
    },
  },
  recordFollowUpVisit: {
    type: 'recordFollowUpVisit',
    data: {
      satisfied: true,
      visitedBy: ['m-1'],
      visitId: 'v-2',
      channel: 'in-person',
      note: 'All well',
    },
  },
  closeDispute: { type: 'closeDispute', data: { note: 'Done' } },
  reopenDispute: { type: 'reopenDispute', data: { reason: 'relapse', note: 'The TV again' } },
  recordLaterCase: {
    type: 'recordLaterCase',
    data: { caseId: 'pc-1', kind: 'criminal', homicide: false, note: 'Assault on 20 September' },
  },
};

export const visitSamples: Samples<VisitCommand> = {
  scheduleVisit: {
    type: 'scheduleVisit',
    data: {
      visitId: 'v-1',
      community: 'xuzhai',
      grid: 'xuzhai-07',
      household,
      purpose: 'dispute-follow-up',
      visitors: ['m-1'],
      scheduledFor: '2026-07-15T09:30:00+08:00',
      disputeId: 'd-1',
    },
  },
  rescheduleVisit: {
    type: 'rescheduleVisit',
    data: { scheduledFor: '2026-07-16T09:30:00+08:00', reason: 'Rain' },
  },
  conductVisit: { type: 'conductVisit', data: { visitors: ['m-1'], summary: 'Tea' } },
  recordMicroWish: { type: 'recordMicroWish', data: { description: 'A handrail' } },
  fulfilMicroWish: { type: 'fulfilMicroWish', data: { wishId: 'w-1', note: 'Fitted' } },
  claimMicroWish: { type: 'claimMicroWish', data: { wishId: 'w-1', claimedBy: 'm-2' } },
  recordMicroAppeal: { type: 'recordMicroAppeal', data: { description: 'A street light' } },
  fulfilMicroAppeal: { type: 'fulfilMicroAppeal', data: { appealId: 'a-1', note: 'Fixed' } },
  renderService: {
    type: 'renderService',
    data: { kind: 'id-card-application', details: 'Applied at home', renderedBy: ['m-zhou'] },
  },
  reportSafetyHazard: { type: 'reportSafetyHazard', data: { description: 'Gas hose cracked' } },
  recordHazardRemoved: { type: 'recordHazardRemoved', data: { hazardId: 'hz-1', note: 'New' } },
  followUpHazard: {
    type: 'followUpHazard',
    data: {
      hazardId: 'hz-1',
      followedUpBy: ['m-1'],
      note: 'Still cracked; the gas company is called',
    },
  },
  handOverHazard: {
    type: 'handOverHazard',
    data: { hazardId: 'hz-1', to: 'gas company', note: 'Their pipe, their repair' },
  },
  noteDisputeSpotted: {
    type: 'noteDisputeSpotted',
    data: {
      description: 'Neighbours quarrel',
      parties: [{ name: 'Wang', role: 'neighbour' }],
      category: 'neighbours',
    },
  },
  cancelVisit: { type: 'cancelVisit', data: { reason: 'Away' } },
  closeVisit: { type: 'closeVisit', data: { note: 'Done' } },
};

export const gridMemberSamples: Samples<GridMemberCommand> = {
  enrolGridMember: {
    type: 'enrolGridMember',
    data: { memberId: 'm-1', community: 'xuzhai', name: 'Li', roles: ['party-member'] },
  },
  assignToGrid: { type: 'assignToGrid', data: { grid: 'xuzhai-07' } },
  reassignToGrid: { type: 'reassignToGrid', data: { grid: 'xuzhai-08', reason: 'Moved' } },
  joinPatrolTeam: { type: 'joinPatrolTeam', data: {} },
  leavePatrolTeam: { type: 'leavePatrolTeam', data: { reason: 'Knee' } },
  addRole: { type: 'addRole', data: { role: 'volunteer' } },
  dropRole: { type: 'dropRole', data: { role: 'volunteer' } },
  appointToPosition: {
    type: 'appointToPosition',
    data: { position: 'deputy-party-secretary', organisation: 'Xuzhai community party committee' },
  },
  endPosition: {
    type: 'endPosition',
    data: {
      position: 'deputy-party-secretary',
      organisation: 'Xuzhai community party committee',
      reason: 'Term ended',
    },
  },
  retireGridMember: { type: 'retireGridMember', data: { reason: 'Moved away' } },
};

export const patrolSamples: Samples<PatrolCommand> = {
  schedulePatrol: {
    type: 'schedulePatrol',
    data: {
      patrolId: 'pt-1',
      community: 'xuzhai',
      route: 'Market to school',
      grids: ['xuzhai-07'],
      members: ['m-1', 'm-2'],
      scheduledFor: '2026-07-15T19:00:00+08:00',
    },
  },
  startPatrol: { type: 'startPatrol', data: { members: ['m-1', 'm-2'] } },
  logObservation: { type: 'logObservation', data: { grid: 'xuzhai-07', note: 'Quiet' } },
  reportPatrolHazard: {
    type: 'reportPatrolHazard',
    data: { grid: 'xuzhai-07', description: 'Loose wire' },
  },
  recordPatrolHazardRemoved: {
    type: 'recordPatrolHazardRemoved',
    data: { hazardId: 'hz-1', note: 'Taped' },
  },
  followUpPatrolHazard: {
    type: 'followUpPatrolHazard',
    data: {
      hazardId: 'hz-1',
      followedUpBy: ['m-1', 'm-2'],
      note: 'Still loose; the property office told again',
      stillThere: true,
    },
  },
  handOverPatrolHazard: {
    type: 'handOverPatrolHazard',
    data: { hazardId: 'hz-1', to: 'property office', note: 'Their wiring, their repair' },
  },
  reportPatrolIncident: {
    type: 'reportPatrolIncident',
    data: {
      grid: 'xuzhai-07',
      kind: 'quarrel',
      description: 'Shouting',
      isDispute: true,
      parties: [{ name: 'Wang', role: 'neighbour' }],
      category: 'neighbours',
    },
  },
  completePatrol: { type: 'completePatrol', data: { durationMinutes: 90, note: 'Quiet night' } },
  cancelPatrol: { type: 'cancelPatrol', data: { reason: 'Storm' } },
};

export const gridOwnershipSamples: Samples<GridOwnershipCommand> = {
  claimGridOwnership: {
    type: 'claimGridOwnership',
    data: {
      grid: 'xuzhai-07',
      memberId: 'm-1',
      memberVersion: 1,
      replacing: { memberId: 'm-2', reason: 'retired', note: 'Moved away' },
    },
  },
  releaseGridOwnership: {
    type: 'releaseGridOwnership',
    data: { grid: 'xuzhai-07', memberId: 'm-1', reason: 'retired' },
  },
};
