// Shows a projection run's progress: on a terminal one line redrawn in place (a bar, events
// done / total, events/s, ETA); elsewhere (a log, a pipe, CI) a plain line at most once a second.
import type { Writable } from 'node:stream';
import type { ProjectionProgress } from '@gridledger/projections';
import { bar, formatCount, formatDuration, percentDone } from './format.js';

export interface ProgressDisplay {
  /** Shows one report of the runner under a label such as `[2/7] resolution-rate`. */
  show(label: string, progress: ProjectionProgress): void;
  /** Clears the progress line, so the next line written takes its place. */
  end(): void;
}

export interface ProgressDisplayOptions {
  /** Milliseconds on a monotonic clock (default `performance.now`). */
  readonly now?: () => number;
  /**
   * Least time between two plain lines (default 1000 ms; the first comes after that much work)
   * or between two redraws of the bar (default 100 ms; the first is drawn at once).
   */
  readonly intervalMs?: number;
}

type ProgressStream = Writable & { isTTY?: boolean; columns?: number };

/** A redrawn bar when `stream` is a terminal, plain lines otherwise. */
export function progressDisplay(
  stream: ProgressStream,
  options: ProgressDisplayOptions = {},
): ProgressDisplay {
  return stream.isTTY === true ? terminalDisplay(stream, options) : plainDisplay(stream, options);
}

/** `resolution-rate  12,000/48,000 events (25%)  8,100 events/s  ETA 4s`. */
export function describeProgress(label: string, p: ProjectionProgress): string {
  const rate = `${formatCount(p.eventsPerSecond)} events/s`;
  if (p.eventsTotal === undefined) return `${label}  ${formatCount(p.eventsDone)} events  ${rate}`;
  const done = `${formatCount(p.eventsDone)}/${formatCount(p.eventsTotal)} events`;
  const percent = percentDone(p.eventsDone, p.eventsTotal);
  return `${label}  ${done} (${percent}%)  ${rate}  ETA ${formatDuration(p.etaSeconds)}`;
}

function plainDisplay(stream: ProgressStream, options: ProgressDisplayOptions): ProgressDisplay {
  const now = options.now ?? (() => performance.now());
  const interval = options.intervalMs ?? 1000;
  let started: number | undefined;
  let last = -Infinity;
  return {
    show(label, progress) {
      const t = now();
      started ??= t;
      // A run shorter than the interval prints nothing but the command's own summary line, and
      // the final figures are that summary: a log needs them only once.
      if (progress.final || t - started < interval || t - last < interval) return;
      last = t;
      stream.write(`${describeProgress(label, progress)}\n`);
    },
    end() {
      started = undefined;
      last = -Infinity;
    },
  };
}

const ERASE_LINE = '\r\u001b[K';
const BAR_WIDTH = 24;

function terminalDisplay(stream: ProgressStream, options: ProgressDisplayOptions): ProgressDisplay {
  const now = options.now ?? (() => performance.now());
  const interval = options.intervalMs ?? 100;
  let last = -Infinity;
  let drawn = false;
  return {
    show(label, progress) {
      const t = now();
      if (!progress.final && t - last < interval) return;
      last = t;
      // One column short of the width: writing into the last column wraps on some terminals.
      // A terminal that does not know its size says 0 columns: assume the classic 80.
      const columns = stream.columns !== undefined && stream.columns > 0 ? stream.columns : 80;
      const width = Math.max(20, columns - 1);
      // A narrow terminal loses the bar first, then the end of the line.
      const full = terminalLine(label, progress);
      const line = [...full].length <= width ? full : describeProgress(label, progress);
      stream.write(ERASE_LINE + fit(line, width));
      drawn = true;
    },
    end() {
      if (drawn) stream.write(ERASE_LINE);
      drawn = false;
      last = -Infinity;
    },
  };
}

function terminalLine(label: string, p: ProjectionProgress): string {
  if (p.eventsTotal === undefined) return describeProgress(label, p);
  const percent = `${String(percentDone(p.eventsDone, p.eventsTotal)).padStart(3)}%`;
  const counts = `${formatCount(p.eventsDone)}/${formatCount(p.eventsTotal)}`;
  const rate = `${formatCount(p.eventsPerSecond)} events/s`;
  const eta = `ETA ${formatDuration(p.etaSeconds)}`;
  return `${label} ${bar(p.eventsDone, p.eventsTotal, BAR_WIDTH)} ${percent}  ${counts}  ${rate}  ${eta}`;
}

/** Shortens a line to `width` characters, ending it with `…` when cut. */
function fit(line: string, width: number): string {
  const chars = [...line];
  return chars.length <= width ? line : `${chars.slice(0, width - 1).join('')}…`;
}
