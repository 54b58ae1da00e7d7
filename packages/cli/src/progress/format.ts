// How progress figures read to a person: counts with separators, rates, short ETAs. Written by
// hand so output is the same whatever the machine's locale.

/** `48000` → `48,000`. */
export function formatCount(n: number): string {
  const whole = Math.round(n);
  const digits = String(Math.abs(whole));
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return whole < 0 ? `-${grouped}` : grouped;
}

/** Seconds as a short duration: `<1s`, `4s`, `1m 05s`, `2h 03m`; `?` when unknown. */
export function formatDuration(seconds: number | undefined): string {
  if (seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return '?';
  if (seconds < 1) return '<1s';
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  const pad = (n: number) => String(n).padStart(2, '0');
  if (s < 3600) return `${Math.floor(s / 60)}m ${pad(s % 60)}s`;
  return `${Math.floor(s / 3600)}h ${pad(Math.floor((s % 3600) / 60))}m`;
}

/** Whole percent done, never 100 before the end. */
export function percentDone(done: number, total: number): number {
  if (total <= 0) return 100;
  const percent = Math.floor((done / total) * 100);
  return done < total ? Math.min(percent, 99) : 100;
}

/** A bar of `width` cells, e.g. `██████░░░░`. */
export function bar(done: number, total: number, width: number): string {
  const filled = total <= 0 ? width : Math.min(width, Math.floor((done / total) * width));
  return '█'.repeat(filled) + '░'.repeat(width - filled);
}
