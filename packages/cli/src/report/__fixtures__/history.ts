// A small, known history for the report and rebuild tests, recorded through the aggregates'
// command handlers: 36 disputes and 9 patrols in Xuzhai community over June–August 2025, the
// four grids' household registers and the police station's public-order cases, with the figures
// the reports must show worked out by hand below.
import {
  createCommandHandler,
  createEventRegistry,
  createLedger,
  Dispute,
  gridledgerEvents,
  HouseholdRegister,
  Patrol,
  PoliceCase,
  type EventStore,
} from '@gridledger/core';

/** What each month holds, and therefore what every report must say. */
export const EXPECTED = {
  months: ['2025-06', '2025-07', '2025-08'],
  /** Disputes reported per month. */
  reported: [14, 12, 10],
  accepted: [13, 12, 10],
  resolved: [13, 11, 9],
  /** Resolution rate labels, as the report prints them. */
  rateLabels: ['100%', '91.7%', '90%'],
  /** Public-order incidents met on patrol per month. */
  publicOrder: [5, 4, 2],
  /** Month-over-month change of disputes reported. */
  disputeChangeLabels: ['–', '▼ 14.3%', '▼ 16.7%'],
  /** Escalated (grid → community) in July; none became a criminal case. */
  escalated: { month: '2025-07', count: 1 },
  /** Of the 33 disputes resolved: where. */
  settled: { grid: 25, community: 5, policeStation: 3 },
  /**
   * The 33 follow-ups by channel: dispute i % 3 === 2 by telephone (June 2, 5, 8, 11; July and
   * August 2, 5, 8: 10), the other 23 at the door; none without a channel.
   */
  followUps: { total: 33, visits: 23, telephoneCalls: 10, notRecorded: 0 },
  /** Households on the register (25 in each of the four grids from May; 2 leave in July). */
  households: [100, 98, 98],
  /** Public-order cases the station recorded per month, and per 1,000 households. */
  publicOrderCases: [4, 2, 1],
  perThousandLabels: ['40.0', '20.4', '10.2'],
} as const;

const actor = { id: 'jiang-lin', role: 'community-police-officer', name: 'Jiang Lin' };
const at = (month: string, day: number, hour: number) =>
  `${month}-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00+08:00`;

/**
 * Records the history into `store`; returns how many events it wrote. `year` moves it to June–
 * August of another year (ids stay apart), for a longer history made of several summers.
 */
export async function recordXuzhaiHistory(store: EventStore, year = 2025): Promise<number> {
  const ledger = createLedger({ store, registry: createEventRegistry(gridledgerEvents) });
  const dispute = createCommandHandler(ledger, Dispute);
  const patrol = createCommandHandler(ledger, Patrol);
  const policeCase = createCommandHandler(ledger, PoliceCase);
  const register = createCommandHandler(ledger, HouseholdRegister);
  let events = 0;
  const onRegister = async (grid: string, type: string, data: unknown, now: string) => {
    events += (await register(grid, { type, data }, { actor, now })).events.length;
  };
  for (let g = 1; g <= 4; g++) {
    const grid = `xuzhai-0${g}`;
    for (let h = 1; h <= 25; h++) {
      const householdId = `${year}-${grid}-h${String(h).padStart(2, '0')}`;
      const data = { community: 'xuzhai', grid, householdId, residents: 1 + (h % 4) };
      await onRegister(grid, 'registerHousehold', data, at(`${year}-05`, 2, 9));
    }
  }
  for (const grid of ['xuzhai-01', 'xuzhai-03']) {
    const data = { householdId: `${year}-${grid}-h01`, reason: 'Moved to another city' };
    await onRegister(grid, 'deregisterHousehold', data, at(`${year}-07`, 20, 10));
  }
  const onDispute = async (id: string, type: string, data: unknown, now: string) => {
    const handled = await dispute(id, { type, data }, { actor, now });
    events += handled.events.length;
    return handled;
  };
  const onPatrol = async (id: string, type: string, data: unknown, now: string) => {
    events += (await patrol(id, { type, data }, { actor, now })).events.length;
  };

  for (const [m, expectedMonth] of EXPECTED.months.entries()) {
    const month = `${year}${expectedMonth.slice(4)}`;
    const count = EXPECTED.reported[m] ?? 0;
    for (let i = 0; i < count; i++) {
      const id = `${month}-d${String(i + 1).padStart(2, '0')}`;
      const day = 1 + i * 2;
      const grid = `xuzhai-0${(i % 4) + 1}`;
      // Every step within the month (the latest is day 25 + 3), so each counts where expected.
      const d = (type: string, data: unknown, days: number, hour = 10) =>
        onDispute(id, type, data, at(month, day + days, hour));
      await d('reportDispute', report(id, grid), 0, 9);
      // June's last dispute is outside the committee's remit: declined, never accepted.
      if (m === 0 && i === count - 1) {
        await d('declineDispute', { reason: 'A private debt, for the court' }, 0, 11);
        continue;
      }
      await d(
        'classifyDispute',
        { category: 'tenancy', severity: 'minor', escalationRisk: 'low' },
        0,
      );
      const level = levelOf(m, i);
      // July's fourth dispute starts in the grid and is escalated to the community.
      const escalated = m === 1 && i === 3;
      await d('assignDispute', { level: escalated ? 'grid' : level, mediators: ['m-01'] }, 0, 11);
      await d('startIntervention', {}, 0, 12);
      if (escalated) {
        const reason = 'The parties will not sit down with the grid member';
        await d('escalateDispute', { toLevel: level, reason, mediators: ['m-01'] }, 0, 17);
      }
      await d(
        'holdMediationSession',
        {
          mediators: ['m-01'],
          parties: [`${id}-xu`, `${id}-shang`],
          outcome: 'agreed',
          summary: 'Both sides heard; the TV against the deposit',
        },
        1,
      );
      // July's last dispute is withdrawn; August's last is still being mediated.
      if (m === 1 && i === count - 1) {
        await d('withdrawDispute', { reason: 'Settled between themselves' }, 1, 15);
        continue;
      }
      if (m === 2 && i === count - 1) continue;
      const agreed = await d(
        'reachAgreement',
        {
          terms: [
            { obligatedPartyId: `${id}-shang`, action: 'Return the TV' },
            { obligatedPartyId: `${id}-xu`, action: 'Refund the full deposit' },
          ],
        },
        1,
        11,
      );
      for (const term of agreed.state.agreement?.terms ?? []) {
        await d('recordTermFulfilled', { termId: term.termId }, 2);
      }
      await d('resolveDispute', { how: 'agreement' }, 2, 16);
      const satisfied = i % 6 !== 5;
      const channel = i % 3 === 2 ? 'telephone' : 'in-person';
      await d('recordFollowUpVisit', { satisfied, visitedBy: ['m-02'], channel }, 3);
      // An unhappy follow-up leaves the dispute resolved but not closed: the office looks again.
      if (satisfied) await d('closeDispute', {}, 3, 11);
    }
    for (let p = 0; p < 3; p++) {
      const id = `${month}-p${p + 1}`;
      const day = 5 + p * 8;
      await onPatrol(
        id,
        'schedulePatrol',
        {
          patrolId: id,
          community: 'xuzhai',
          route: 'Taihao Road, the market, the old blocks',
          grids: ['xuzhai-01', 'xuzhai-02'],
          members: ['m-03', 'm-04'],
          scheduledFor: at(month, day, 19),
        },
        at(month, day, 8),
      );
      await onPatrol(id, 'startPatrol', {}, at(month, day, 19));
      const incidents = publicOrderOn(m, p);
      for (let n = 0; n < incidents; n++) {
        await onPatrol(
          id,
          'reportPatrolIncident',
          {
            grid: 'xuzhai-02',
            kind: 'noise',
            description: 'Late-night noise outside the market',
            isDispute: false,
          },
          at(month, day, 20),
        );
      }
      await onPatrol(id, 'completePatrol', { durationMinutes: 120 }, at(month, day, 21));
    }
    for (let c = 0; c < (EXPECTED.publicOrderCases[m] ?? 0); c++) {
      const caseId = `${month}-c${c + 1}`;
      const data = {
        caseId,
        kind: 'public-order',
        community: 'xuzhai',
        grid: `xuzhai-0${(c % 2) + 1}`,
        policeGrid: 'taihao-3',
        category: 'fight',
        summary: 'A quarrel outside the market came to blows',
      };
      const now = at(month, 4 + c * 7, 22);
      events += (await policeCase(caseId, { type: 'recordPoliceCase', data }, { actor, now }))
        .events.length;
    }
  }
  return events;
}

function report(id: string, grid: string) {
  return {
    disputeId: id,
    community: 'xuzhai',
    grid,
    category: 'tenancy',
    source: 'walk-in',
    parties: [
      { partyId: `${id}-xu`, name: 'Xu', role: 'landlord' },
      { partyId: `${id}-shang`, name: 'Shang', role: 'tenant' },
    ],
    description: 'The lease ended; the tenant took the TV against the deposit',
    reportedBy: { name: 'Community staff', role: 'community-staff' },
  };
}

/** Settled where: 25 in the grid, 5 in the community, 3 at the police station (all June). */
function levelOf(month: number, i: number): 'grid' | 'community' | 'police-station' {
  if (i % 4 === 3) return month === 0 ? 'police-station' : 'community';
  if (month === 2 && i === 1) return 'community';
  return 'grid';
}

/** 5, 4 and 2 public-order incidents in June, July and August. */
function publicOrderOn(month: number, patrol: number): number {
  return (
    [
      [2, 2, 1],
      [2, 1, 1],
      [1, 1, 0],
    ][month]?.[patrol] ?? 0
  );
}
