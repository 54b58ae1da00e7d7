// Incidence: disputes reported and patrol incidents per month and grid, with the change on the
// month before (环比). Public-order incidents are the patrol incidents that are not disputes.
import type { DisputeEvent, PatrolEvent, RecordedEvent } from '@gridledger/core';
import { monthsBetween, previousMonth, type Month } from '../months.js';
import { defineProjection, type EventsOfType, type Projection } from '../projection.js';
import { cutOf, stampOf, type Stamp } from './asOf.js';
import {
  cellAt,
  checkQuery,
  forEachCell,
  groupCells,
  ratio,
  type Cells,
  type GroupBy,
  type GroupKey,
  type QueryOptions,
} from './cells.js';
import { configure, type ReadModelOptions } from './options.js';
import { factsInCut, recordFact, streamIdsOf, type Timelines } from './timelines.js';

interface IncidenceCell {
  disputes: number;
  patrolIncidents: number;
  publicOrderIncidents: number;
}

type IncidenceFact = Stamp &
  (
    | { readonly k: 'dispute'; readonly c: string; readonly g: string }
    | { readonly k: 'patrol'; readonly c: string }
    | { readonly k: 'incident'; readonly g: string; readonly isDispute: boolean }
    | { readonly k: 'ended' }
  );

export interface IncidenceState {
  readonly timeZone: string;
  /** Facts per dispute and patrol stream. */
  readonly streams: Timelines<IncidenceFact>;
}

type Read =
  | EventsOfType<DisputeEvent, 'DisputeReported'>
  | EventsOfType<
      PatrolEvent,
      'PatrolScheduled' | 'PatrolIncidentReported' | 'PatrolCompleted' | 'PatrolCancelled'
    >;

const emptyCell = (): IncidenceCell => ({
  disputes: 0,
  patrolIncidents: 0,
  publicOrderIncidents: 0,
});

export function incidenceProjection(options?: ReadModelOptions): Projection<IncidenceState, Read> {
  const { timeZone, name, monthOf } = configure('incidence', options);
  const keep = (state: IncidenceState, event: RecordedEvent, fact: object) => {
    recordFact(state.streams, event.streamId, {
      ...stampOf(event, monthOf),
      ...fact,
    } as IncidenceFact);
    return state;
  };
  return defineProjection<IncidenceState, Read>({
    name,
    version: 2,
    description: 'Disputes and patrol incidents per month and grid, with month-over-month change',
    initialState: () => ({ timeZone, streams: {} }),
    handlers: {
      DisputeReported: (state, event) =>
        keep(state, event, { k: 'dispute', c: event.data.community, g: event.data.grid }),
      PatrolScheduled: (state, event) =>
        keep(state, event, { k: 'patrol', c: event.data.community }),
      PatrolIncidentReported: (state, event) =>
        keep(state, event, { k: 'incident', g: event.data.grid, isDispute: event.data.isDispute }),
      PatrolCompleted: (state, event) => keep(state, event, { k: 'ended' }),
      PatrolCancelled: (state, event) => keep(state, event, { k: 'ended' }),
    },
  });
}

/** Adds one stream's facts inside the cut to the cells. */
function countStream(cells: Cells<IncidenceCell>, facts: Iterable<IncidenceFact>): void {
  let community: string | undefined;
  let ended = false;
  for (const fact of facts) {
    switch (fact.k) {
      case 'dispute':
        // A dispute counts once, where and when it was first reported.
        if (community === undefined) cellAt(cells, fact.m, fact.c, fact.g, emptyCell).disputes++;
        community = fact.c;
        break;
      case 'patrol':
        community ??= fact.c;
        break;
      case 'incident': {
        if (community === undefined || ended) break;
        const cell = cellAt(cells, fact.m, community, fact.g, emptyCell);
        cell.patrolIncidents++;
        if (!fact.isDispute) cell.publicOrderIncidents++;
        break;
      }
      case 'ended':
        if (community !== undefined) ended = true;
        break;
    }
  }
}

export interface IncidenceFigures {
  readonly disputes: number;
  readonly patrolIncidents: number;
  readonly publicOrderIncidents: number;
}

/** (this month − last month) ÷ last month; `null` when last month had none. */
export interface MonthOverMonth {
  readonly disputes: number | null;
  readonly patrolIncidents: number | null;
  readonly publicOrderIncidents: number | null;
}

export type IncidenceRow<B extends GroupBy> = GroupKey<B> &
  IncidenceFigures &
  (B extends 'month'
    ? { readonly previous: IncidenceFigures; readonly change: MonthOverMonth }
    : unknown);

export interface IncidenceResult<B extends GroupBy> {
  readonly rows: IncidenceRow<B>[];
  readonly total: IncidenceFigures;
}

/**
 * Incidence in a period. By month (the default), every month of the period is a row, quiet
 * months included, each compared with the month before it (even one before `from`).
 */
export function incidence<B extends GroupBy = 'month'>(
  state: IncidenceState,
  options: QueryOptions<B> = {},
): IncidenceResult<B> {
  const by = checkQuery(options) as B;
  const cut = cutOf(options);
  const cells: Cells<IncidenceCell> = {};
  for (const key of streamIdsOf(state.streams)) {
    countStream(cells, factsInCut(state.streams[key] as IncidenceFact[], cut));
  }
  const add = (acc: IncidenceCell, cell: IncidenceCell) => {
    acc.disputes += cell.disputes;
    acc.patrolIncidents += cell.patrolIncidents;
    acc.publicOrderIncidents += cell.publicOrderIncidents;
  };
  const { total, groups } = groupCells(cells, by, options, emptyCell, add);
  if (by !== 'month') {
    return { rows: groups.map(({ key, acc }) => ({ ...key, ...acc })) as IncidenceRow<B>[], total };
  }
  // Month totals over the places of the slice, for every month on record.
  const { community, grid } = options;
  const place = {
    ...(community === undefined ? {} : { community }),
    ...(grid === undefined ? {} : { grid }),
  };
  const perMonth = new Map<Month, IncidenceCell>();
  forEachCell(cells, place, (cell, month) => {
    let acc = perMonth.get(month);
    if (acc === undefined) perMonth.set(month, (acc = emptyCell()));
    add(acc, cell);
  });
  const known = [...perMonth.keys()].sort();
  const from = options.from ?? known[0];
  const to = options.to ?? known.at(-1);
  if (from === undefined || to === undefined) return { rows: [], total };
  const rows = monthsBetween(from, to).map((month) => {
    const current = perMonth.get(month) ?? emptyCell();
    const previous = perMonth.get(previousMonth(month)) ?? emptyCell();
    return {
      month,
      ...current,
      previous,
      change: {
        disputes: change(current.disputes, previous.disputes),
        patrolIncidents: change(current.patrolIncidents, previous.patrolIncidents),
        publicOrderIncidents: change(current.publicOrderIncidents, previous.publicOrderIncidents),
      },
    };
  });
  return { rows: rows as unknown as IncidenceRow<B>[], total };
}

const change = (current: number, previous: number): number | null =>
  ratio(current - previous, previous);
