// Realistic input for the benchmarks: six-event dispute histories made by the Dispute decider
// itself (reported → classified → assigned → intervention → mediation session → resolved).
import { createHash } from 'node:crypto';
import {
  createUlidFactory,
  Dispute,
  type DecideContext,
  type DomainEvent,
  type EventToAppend,
} from '@gridledger/core';

const actor = { id: 'member-jiang-lin', role: 'community-police-officer' } as const;

export function disputeHistory(n: number): DomainEvent[] {
  let counter = 0;
  const context: DecideContext = {
    now: '2026-08-01T09:00:00.000Z',
    actor,
    newId: () => `id-${n}-${counter++}`,
  };
  const disputeId = `d${n}`;
  const commands = [
    {
      type: 'reportDispute',
      data: {
        disputeId,
        community: 'xuzhai',
        grid: `grid-${String(n % 81).padStart(2, '0')}`,
        category: 'tenancy',
        source: 'walk-in',
        parties: [
          { partyId: 'p-xu', name: 'Xu', role: 'landlord' },
          { partyId: 'p-shang', name: 'Shang', role: 'tenant' },
        ],
        description: `Deposit and television, case ${n}`,
        reportedBy: { name: 'Xu', role: 'landlord', partyId: 'p-xu' },
      },
    },
    {
      type: 'classifyDispute',
      data: { category: 'tenancy', severity: 'minor', escalationRisk: 'low' },
    },
    { type: 'assignDispute', data: { level: 'grid', mediators: ['member-jiang-lin'] } },
    { type: 'startIntervention', data: {} },
    {
      type: 'holdMediationSession',
      data: {
        mediators: ['member-jiang-lin'],
        parties: ['p-xu', 'p-shang'],
        outcome: 'agreed',
        summary: 'Both sides agreed on the spot',
      },
    },
    { type: 'resolveDispute', data: { how: 'no-agreement-needed', reason: 'settled in session' } },
  ];
  let state = Dispute.initialState();
  const events: DomainEvent[] = [];
  for (const raw of commands) {
    const command = Dispute.commandSchema.parse(raw);
    for (const event of Dispute.decide(command, state, context)) {
      state = Dispute.evolve(state, event);
      events.push(event);
    }
  }
  return events;
}

const sha = (text: string): string => createHash('sha256').update(text).digest('hex');

/** Six-event dispute histories as complete envelopes (ids, actor, times, hash chain). */
export function envelopes(streams: number): EventToAppend[][] {
  const newId = createUlidFactory();
  return Array.from({ length: streams }, (_, n) => {
    let prevHash: string | null = null;
    const correlationId = newId();
    return disputeHistory(n).map((event, v) => {
      const id = v === 0 ? correlationId : newId();
      const hash = sha(`${id}:${v}`);
      const envelope: EventToAppend = {
        id,
        type: event.type,
        schemaVersion: 1,
        data: event.data,
        metadata: {
          actor,
          occurredAt: '2026-08-01T09:00:00.000Z',
          recordedAt: '2026-08-01T09:00:01.000Z',
          correlationId,
          prevHash,
          hash,
        },
      };
      prevHash = hash;
      return envelope;
    });
  });
}
