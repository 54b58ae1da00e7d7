// Escalations: disputes moved up a level (and handed down one: the police station passing a
// dispute to the committee), referred out, reopened, and the ones that became
// criminal cases (民转刑) or homicides (刑转命), whose target is zero. A criminal case counts
// whether the dispute was referred out as one while it was handled (in the month of the referral)
// or the police station linked it later to a dispute already settled (in the month the dispute
// was settled: a settlement that did not hold). Every criminal case is also listed by dispute.
import type { MediationLevel, ReferralTarget } from '@gridledger/core';
import type { Month } from '../months.js';
import { defineProjection, type Projection } from '../projection.js';
import { cutOf } from './asOf.js';
import {
  cellAt,
  checkQuery,
  forEachCell,
  groupCells,
  type Cells,
  type GroupBy,
  type GroupKey,
  type QueryOptions,
  type Slice,
} from './cells.js';
import {
  disputeHandlers,
  viewDispute,
  type DisputeRead,
  type DisputeTimelineState,
  type DisputeView,
} from './disputeTimeline.js';
import { configure, type ReadModelOptions } from './options.js';
import { viewsOf } from './timelines.js';

interface EscalationCell {
  escalations: number;
  /** Disputes escalated at least once (each counted in the month of its first escalation). */
  disputesEscalated: number;
  handDowns: number;
  /** Disputes handed down at least once (each in the month of its first hand-down). */
  disputesHandedDown: number;
  referredOut: number;
  byTarget: Record<ReferralTarget, number>;
  reopened: number;
  referredAsCriminal: number;
  laterCriminalCases: number;
  laterPublicOrderCases: number;
  homicides: number;
}

export interface CriminalCase {
  readonly disputeId: string;
  /** The month it counts in: of the referral, or of the settlement a later case undid. */
  readonly month: Month;
  readonly community: string;
  readonly grid: string;
  /** `referred-out`: while it was handled; `later-case`: after it was settled. */
  readonly how: 'referred-out' | 'later-case';
  /** The police case, for a later case. */
  readonly caseId: string | null;
  /** The level that referred it, or that had settled it. */
  readonly fromLevel: MediationLevel | null;
  readonly becameHomicide: boolean;
  /** When the referral or the link happened (UTC). */
  readonly occurredAt: string;
}

export type EscalationsState = DisputeTimelineState;

const emptyCell = (): EscalationCell => ({
  escalations: 0,
  disputesEscalated: 0,
  handDowns: 0,
  disputesHandedDown: 0,
  referredOut: 0,
  byTarget: {
    court: 0,
    arbitration: 0,
    'labour-arbitration': 0,
    'criminal-case': 0,
    'other-body': 0,
  },
  reopened: 0,
  referredAsCriminal: 0,
  laterCriminalCases: 0,
  laterPublicOrderCases: 0,
  homicides: 0,
});

export function escalationsProjection(
  options?: ReadModelOptions,
): Projection<EscalationsState, DisputeRead> {
  const { timeZone, name, monthOf } = configure('escalations', options);
  return defineProjection<EscalationsState, DisputeRead>({
    name,
    version: 2,
    description:
      'Disputes escalated, referred out, reopened, and turned into criminal cases (target zero)',
    initialState: () => ({ timeZone, disputes: {} }),
    handlers: disputeHandlers(monthOf),
  });
}

/** The criminal cases of one dispute, in the order they happened. */
function casesOf(d: DisputeView): CriminalCase[] {
  const place = { disputeId: d.id, community: d.c, grid: d.g };
  const cases: CriminalCase[] = [];
  if (d.referral?.to === 'criminal-case') {
    cases.push({
      ...place,
      month: d.referral.at.m,
      how: 'referred-out',
      caseId: null,
      fromLevel: d.referral.from,
      becameHomicide: d.referral.homicide,
      occurredAt: new Date(d.referral.at.o).toISOString(),
    });
  }
  for (const later of d.laterCases) {
    if (later.kind !== 'criminal') continue;
    cases.push({
      ...place,
      month: later.settledMonth,
      how: 'later-case',
      caseId: later.caseId,
      fromLevel: d.resolution?.level ?? d.referral?.from ?? d.level,
      becameHomicide: later.homicide,
      occurredAt: new Date(later.at.o).toISOString(),
    });
  }
  return cases;
}

function escalationCells(state: EscalationsState, options: Slice) {
  const cut = cutOf(options);
  const cells: Cells<EscalationCell> = {};
  const cases: CriminalCase[] = [];
  for (const d of viewsOf(state.disputes, (facts) => viewDispute(facts, cut))) {
    const at = (month: Month) => cellAt(cells, month, d.c, d.g, emptyCell);
    for (const [i, escalation] of d.escalations.entries()) {
      const cell = at(escalation.at.m);
      cell.escalations++;
      if (i === 0) cell.disputesEscalated++;
    }
    for (const [i, handDown] of d.handDowns.entries()) {
      const cell = at(handDown.at.m);
      cell.handDowns++;
      if (i === 0) cell.disputesHandedDown++;
    }
    for (const reopening of d.reopenings) at(reopening.at.m).reopened++;
    if (d.referral !== null) {
      const cell = at(d.referral.at.m);
      cell.referredOut++;
      cell.byTarget[d.referral.to]++;
    }
    for (const later of d.laterCases) {
      if (later.kind === 'public-order') at(later.settledMonth).laterPublicOrderCases++;
    }
    for (const c of casesOf(d)) {
      const cell = at(c.month);
      if (c.how === 'referred-out') cell.referredAsCriminal++;
      else cell.laterCriminalCases++;
      if (c.becameHomicide) cell.homicides++;
      cases.push(c);
    }
  }
  return { cells, cases };
}

export interface EscalationFigures {
  readonly escalations: number;
  readonly disputesEscalated: number;
  /** Passed down a level: the police station handing a dispute to the committee, and the like. */
  readonly handDowns: number;
  readonly disputesHandedDown: number;
  readonly referredOut: number;
  readonly byTarget: Readonly<Record<ReferralTarget, number>>;
  /** Settled disputes taken up again (an unhappy follow-up, a relapse, a broken agreement). */
  readonly reopened: number;
  /** 民转刑: disputes that became criminal cases, while handled or after being settled. */
  readonly criminalCases: number;
  /** Of those, referred out as a criminal case while the dispute was handled. */
  readonly referredAsCriminal: number;
  /** Of those, linked by the police station to a dispute already settled. */
  readonly laterCriminalCases: number;
  /** Public-order cases the police station linked to a settled dispute. */
  readonly laterPublicOrderCases: number;
  /** 刑转命: criminal cases that involved a death. */
  readonly homicides: number;
  /** Both zero: the target the report holds the community to. */
  readonly onTarget: boolean;
}

export interface EscalationsResult<B extends GroupBy> {
  readonly rows: (GroupKey<B> & EscalationFigures)[];
  readonly total: EscalationFigures;
}

/** Escalations and criminal cases in a period, grouped by month, community or grid. */
export function escalations<B extends GroupBy = 'month'>(
  state: EscalationsState,
  options: QueryOptions<B> = {},
): EscalationsResult<B> {
  const by = checkQuery(options) as B;
  const { cells } = escalationCells(state, options);
  const { total, groups } = groupCells(cells, by, options, emptyCell, (acc, cell) => {
    acc.escalations += cell.escalations;
    acc.disputesEscalated += cell.disputesEscalated;
    acc.handDowns += cell.handDowns;
    acc.disputesHandedDown += cell.disputesHandedDown;
    acc.referredOut += cell.referredOut;
    for (const target of Object.keys(acc.byTarget) as ReferralTarget[]) {
      acc.byTarget[target] += cell.byTarget[target];
    }
    acc.reopened += cell.reopened;
    acc.referredAsCriminal += cell.referredAsCriminal;
    acc.laterCriminalCases += cell.laterCriminalCases;
    acc.laterPublicOrderCases += cell.laterPublicOrderCases;
    acc.homicides += cell.homicides;
  });
  return {
    rows: groups.map(({ key, acc }) => ({ ...key, ...figures(acc) })),
    total: figures(total),
  };
}

/** Every criminal case counted in the slice, in the order they happened. */
export function criminalCases(state: EscalationsState, slice: Slice = {}): CriminalCase[] {
  checkQuery(slice);
  const { cells, cases } = escalationCells(state, slice);
  // Reuses the cell walk's month and place filter rules, so both queries agree on a slice.
  const inSlice = new Set<string>();
  forEachCell(cells, slice, (_cell, month, community, grid) => {
    inSlice.add(`${month}\u0000${community}\u0000${grid}`);
  });
  return cases
    .filter((c) => inSlice.has(`${c.month}\u0000${c.community}\u0000${c.grid}`))
    .sort((a, b) => compare(a.occurredAt, b.occurredAt) || compare(order(a), order(b)));
}

const order = (c: CriminalCase) => `${c.disputeId}\u0000${c.caseId ?? ''}`;
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const figures = (cell: EscalationCell): EscalationFigures => {
  const criminalCases = cell.referredAsCriminal + cell.laterCriminalCases;
  return {
    escalations: cell.escalations,
    disputesEscalated: cell.disputesEscalated,
    handDowns: cell.handDowns,
    disputesHandedDown: cell.disputesHandedDown,
    referredOut: cell.referredOut,
    byTarget: { ...cell.byTarget },
    reopened: cell.reopened,
    criminalCases,
    referredAsCriminal: cell.referredAsCriminal,
    laterCriminalCases: cell.laterCriminalCases,
    laterPublicOrderCases: cell.laterPublicOrderCases,
    homicides: cell.homicides,
    onTarget: criminalCases === 0 && cell.homicides === 0,
  };
};
