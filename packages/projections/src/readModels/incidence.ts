// Incidence: disputes reported and patrol incidents per month and grid, with the change on the
// month before (环比). Public-order incidents are the patrol incidents that are not disputes.
import type { DisputeEvent, PatrolEvent } from '@gridledger/core';
import { monthsBetween, previousMonth, type Month } from '../months.js';
import { defineProjection, type EventsOfType, type Projection } from '../projection.js';
import {
  cellAt,
  checkQuery,
  forEachCell,
  groupCells,
  own,
  put,
  ratio,
  type Cells,
  type GroupBy,
  type GroupKey,
  type QueryOptions,
} from './cells.js';
import { configure, type ReadModelOptions } from './options.js';

interface IncidenceCell {
  disputes: number;
  patrolIncidents: number;
  publicOrderIncidents: number;
}

export interface IncidenceState {
  readonly timeZone: string;
  /** Patrols under way, by stream id: their community (incidents name only the grid). */
  readonly patrols: Record<string, string>;
  readonly cells: Cells<IncidenceCell>;
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

const forget = (state: IncidenceState, event: { readonly streamId: string }) => {
  delete state.patrols[event.streamId];
  return state;
};

export function incidenceProjection(options?: ReadModelOptions): Projection<IncidenceState, Read> {
  const { timeZone, name, monthOf } = configure('incidence', options);
  return defineProjection<IncidenceState, Read>({
    name,
    version: 1,
    description: 'Disputes and patrol incidents per month and grid, with month-over-month change',
    initialState: () => ({ timeZone, patrols: {}, cells: {} }),
    handlers: {
      DisputeReported: (state, event) => {
        const month = monthOf(event.metadata.occurredAt);
        cellAt(state.cells, month, event.data.community, event.data.grid, emptyCell).disputes++;
        return state;
      },
      PatrolScheduled: (state, event) => {
        put(state.patrols, event.streamId, event.data.community);
        return state;
      },
      PatrolIncidentReported: (state, event) => {
        const community = own(state.patrols, event.streamId);
        if (community === undefined) return state;
        const month = monthOf(event.metadata.occurredAt);
        const cell = cellAt(state.cells, month, community, event.data.grid, emptyCell);
        cell.patrolIncidents++;
        if (!event.data.isDispute) cell.publicOrderIncidents++;
        return state;
      },
      PatrolCompleted: forget,
      PatrolCancelled: forget,
    },
  });
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
  const add = (acc: IncidenceCell, cell: IncidenceCell) => {
    acc.disputes += cell.disputes;
    acc.patrolIncidents += cell.patrolIncidents;
    acc.publicOrderIncidents += cell.publicOrderIncidents;
  };
  const { total, groups } = groupCells(state.cells, by, options, emptyCell, add);
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
  forEachCell(state.cells, place, (cell, month) => {
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
