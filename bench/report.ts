// Formats benchmark sections as aligned text tables with ratio and target verdicts.
import type { BenchSection, Measurement } from './harness.js';

export const ratioOf = (m: Measurement): number => m.gridledger / m.baseline;

/** `met`/`missed` against the target ratio, or `-` when the measurement has none. */
export function verdict(m: Measurement): 'met' | 'missed' | '-' {
  if (m.target === undefined) return '-';
  const r = ratioOf(m);
  return (m.better === 'higher' ? r >= m.target : r <= m.target) ? 'met' : 'missed';
}

const fmt = (n: number): string =>
  n >= 1000 ? Math.round(n).toLocaleString('en-US') : n.toFixed(n >= 10 ? 1 : 2);

export function formatSection(section: BenchSection): string {
  const header = ['metric', 'gridledger', 'baseline', 'unit', 'ratio', 'target', 'verdict'];
  const rows = section.measurements.map((m) => [
    m.metric,
    fmt(m.gridledger),
    fmt(m.baseline),
    m.unit,
    ratioOf(m).toFixed(2),
    m.target === undefined ? '' : `${m.better === 'higher' ? '≥' : '≤'} ${m.target}`,
    verdict(m),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ');
  const out = [`${section.name}: ${section.description}`, line(header), ...rows.map(line)];
  for (const m of section.measurements) if (m.note) out.push(`  · ${m.metric}: ${m.note}`);
  for (const [k, v] of Object.entries(section.figures ?? {})) {
    out.push(`  ${k}: ${typeof v === 'number' ? fmt(v) : v}`);
  }
  return out.join('\n');
}
