// Order statistics for durations: the median and the 90th percentile, by linear interpolation
// between closest ranks (the method of numpy's default and Excel's PERCENTILE.INC).

export interface DurationSummary {
  readonly count: number;
  /** `null` when there are no durations. */
  readonly medianHours: number | null;
  readonly p90Hours: number | null;
}

/** The `q`-quantile (0..1) of values already sorted ascending. */
export function quantile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const rank = q * (sorted.length - 1);
  const lower = Math.floor(rank);
  const low = sorted[lower] as number;
  const high = sorted[Math.min(lower + 1, sorted.length - 1)] as number;
  return low + (high - low) * (rank - lower);
}

/** Summarises durations given in minutes, in hours. */
export function summariseMinutes(minutes: readonly number[]): DurationSummary {
  const sorted = [...minutes].sort((a, b) => a - b);
  const median = quantile(sorted, 0.5);
  const p90 = quantile(sorted, 0.9);
  return {
    count: sorted.length,
    medianHours: median === null ? null : median / 60,
    p90Hours: p90 === null ? null : p90 / 60,
  };
}
