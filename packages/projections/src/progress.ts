// Progress reporting for long runs: events done, total when known, rate and ETA, throttled so a
// progress bar costs almost nothing per event.
import type { Position } from '@gridledger/core';

export type RunMode = 'catch-up' | 'rebuild' | 'live';

export interface ProjectionProgress {
  readonly projection: string;
  readonly mode: RunMode;
  /** Events folded into the read model so far, including those of earlier (resumed) runs. */
  readonly eventsDone: number;
  /** All events the read model will hold at the end of this pass, when the store can count. */
  readonly eventsTotal?: number;
  /** Events applied per second during this run. */
  readonly eventsPerSecond: number;
  /** Seconds left at the current rate, when the total is known. */
  readonly etaSeconds?: number;
  /** Position of the last event applied. */
  readonly position: Position | undefined;
  /** True on the last report of a pass. */
  readonly final: boolean;
}

export type ProgressListener = (progress: ProjectionProgress) => void;

/** How often the clock is read: every this many events (a power of two minus one mask). */
const CLOCK_MASK = 255;

export class ProgressMeter {
  private readonly started = performance.now();
  private lastReport = -Infinity;
  private readonly startDone: number;

  constructor(
    private readonly projection: string,
    private readonly mode: RunMode,
    startDone: number,
    private readonly total: number | undefined,
    private readonly listener: ProgressListener | undefined,
    private readonly intervalMs: number,
  ) {
    this.startDone = startDone;
  }

  /** Called after every event; reports at most once per interval. */
  tick(done: number, position: Position | undefined): void {
    if (this.listener === undefined || (done & CLOCK_MASK) !== 0) return;
    const now = performance.now();
    if (now - this.lastReport >= this.intervalMs) this.report(done, position, false, now);
  }

  /** Reports unconditionally (start and end of a pass). */
  report(done: number, position: Position | undefined, final: boolean, now = performance.now()) {
    if (this.listener === undefined) return;
    this.lastReport = now;
    const seconds = (now - this.started) / 1000;
    const ran = done - this.startDone;
    const eventsPerSecond = seconds > 0 ? ran / seconds : 0;
    const total = this.total === undefined ? undefined : Math.max(this.total, done);
    const progress: ProjectionProgress = {
      projection: this.projection,
      mode: this.mode,
      eventsDone: done,
      eventsPerSecond,
      position,
      final,
      ...(total === undefined ? {} : { eventsTotal: total }),
      ...(total !== undefined && (eventsPerSecond > 0 || total === done)
        ? { etaSeconds: total === done ? 0 : (total - done) / eventsPerSecond }
        : {}),
    };
    this.listener(progress);
  }
}
