// A report as data, before it is formatted: sections of tables and charts built from read
// models. Table, CSV, JSON and HTML are four ways of printing the same Report.
import type { Month } from '@gridledger/projections';

/** How a column's values read: it picks alignment, human formatting and CSV encoding. */
export type ColumnKind =
  | 'text'
  | 'count'
  /** A share between 0 and 1, shown as a percentage. */
  | 'ratio'
  /** Month-over-month change as a fraction of last month, shown as ▲/▼ percent. */
  | 'change'
  | 'hours'
  /** A rate per 1,000 or 10,000 (cases per 1,000 households), shown with one decimal. */
  | 'rate'
  | 'flag';

export type CellValue = string | number | boolean | null;

export interface Column {
  /** Machine name: the CSV header. */
  readonly key: string;
  /** What a person reads in a table header. */
  readonly label: string;
  readonly kind: ColumnKind;
}

export interface Table {
  readonly columns: readonly Column[];
  readonly rows: readonly (readonly CellValue[])[];
  /** The figures over all rows, aligned with `columns` (the key columns say `total`). */
  readonly total?: readonly CellValue[];
  /** What to say when there are no rows (default: nothing in this period). */
  readonly empty?: string;
}

/** A share per month, drawn as bars labelled with their percentage. */
export interface RateChart {
  readonly kind: 'rate-by-month';
  readonly title: string;
  /** What the rate is, in words: `disputes resolved ÷ disputes accepted`. */
  readonly measure: string;
  readonly points: readonly {
    readonly month: Month;
    readonly rate: number | null;
    readonly part: number;
    readonly whole: number;
  }[];
}

/** A count per month, drawn as bars with the change on the month before (▲/▼). */
export interface CountChart {
  readonly kind: 'count-by-month';
  readonly title: string;
  /** What is counted, plural: `disputes reported`. */
  readonly measure: string;
  readonly points: readonly {
    readonly month: Month;
    readonly count: number;
    /** Fraction of the month before; `null` when the month before had none. */
    readonly change: number | null;
  }[];
}

/** How a whole splits into parts, per row (e.g. per month and in all), as stacked bars. */
export interface SharesChart {
  readonly kind: 'shares';
  readonly title: string;
  /** What is split: `disputes resolved`. */
  readonly measure: string;
  readonly parts: readonly string[];
  readonly rows: readonly { readonly label: string; readonly counts: readonly number[] }[];
}

export type Chart = RateChart | CountChart | SharesChart;

/** A figure worth putting first, e.g. `Resolution rate: 98%`. */
export interface Headline {
  readonly label: string;
  readonly value: CellValue;
  readonly kind: ColumnKind;
}

export interface Section {
  /** Stable id: the read model or view it shows, e.g. `resolution-rate`. */
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly headlines: readonly Headline[];
  readonly charts: readonly Chart[];
  readonly table: Table;
  /** The query's own result, for JSON: nothing rounded, nothing renamed. */
  readonly data: unknown;
}

export type Grouping = 'month' | 'community' | 'grid' | 'member';

/** What the report covers: months (both ends included), places, grouping, time zone. */
export interface ReportScope {
  readonly from?: Month;
  readonly to?: Month;
  readonly community?: string;
  readonly grid?: string;
  readonly by: Grouping;
  readonly timeZone: string;
  /** Count only what had occurred by this instant (ISO, UTC). */
  readonly asOf?: string;
  /** Count only what had been recorded by this instant: the figures as known then. */
  readonly knownAt?: string;
}

/** Where the figures came from: each read model read, and how many events it holds. */
export interface ReportSource {
  readonly readModel: string;
  readonly version: number;
  readonly eventsInModel: number;
  readonly updatedAt: string;
}

export interface Report {
  /** The report asked for: a read model (`incidence`) or `summary`. */
  readonly name: string;
  readonly title: string;
  readonly scope: ReportScope;
  readonly generatedAt: string;
  readonly store: string;
  readonly sources: readonly ReportSource[];
  readonly sections: readonly Section[];
}
