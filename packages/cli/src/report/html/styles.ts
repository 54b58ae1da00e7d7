// The report's one stylesheet, inlined: readable on a screen, and on paper (no section split
// across pages, colours kept, link-free). Colours pass WCAG AA against white.
export const STYLES = `
:root { color-scheme: light; --ink: #1a1a1a; --muted: #555; --rule: #d0d4d9; --band: #f4f6f8;
  --rate: #1f5f99; --count: #4a5a6a; --up: #a3261e; --down: #1b7a5a;
  --part-0: #1b7a5a; --part-1: #1f5f99; --part-2: #9a5200; --part-3: #83397a; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1100px; padding: 24px; color: var(--ink); background: #fff;
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK SC", sans-serif; }
h1 { font-size: 1.6rem; margin: 0 0 4px; }
h2 { font-size: 1.25rem; margin: 0 0 4px; border-bottom: 2px solid var(--rule); padding-bottom: 4px; }
.scope, .sources, footer { color: var(--muted); font-size: 0.9rem; margin: 2px 0; }
nav ol { display: flex; flex-wrap: wrap; gap: 4px 16px; padding: 0; list-style: none; }
nav a { color: var(--rate); }
section { margin: 32px 0; }
section > p { max-width: 70ch; margin: 4px 0 12px; }
.headlines { display: flex; flex-wrap: wrap; gap: 12px; margin: 12px 0; padding: 0; }
.headlines div { background: var(--band); border-radius: 6px; padding: 8px 14px; min-width: 150px; }
.headlines dt { font-size: 0.85rem; color: var(--muted); }
.headlines dd { margin: 0; font-size: 1.6rem; font-weight: 650; }
figure { margin: 16px 0; }
figcaption { font-size: 0.9rem; color: var(--muted); }
svg.chart { display: block; max-width: 100%; height: auto; font-family: inherit; }
svg .grid { stroke: var(--rule); stroke-width: 1; }
svg .axis { stroke: var(--ink); stroke-width: 1; }
svg .tick, svg .note { font-size: 11px; fill: var(--muted); }
svg .month { font-size: 12px; fill: var(--ink); }
svg .value { font-size: 13px; font-weight: 650; fill: var(--ink); }
svg .legend { font-size: 12px; fill: var(--ink); }
svg .inside { font-size: 12px; font-weight: 650; fill: #fff; }
svg .bar.rate { fill: var(--rate); }
svg .bar.count { fill: var(--count); }
svg .change { font-size: 12px; font-weight: 650; }
svg .change.up { fill: var(--up); } svg .change.down { fill: var(--down); }
svg .change.same, svg .change.none { fill: var(--muted); }
svg .part-0 { fill: var(--part-0); } svg .part-1 { fill: var(--part-1); }
svg .part-2 { fill: var(--part-2); } svg .part-3 { fill: var(--part-3); }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; margin: 8px 0; font-size: 0.9rem; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 600; padding: 4px 0; }
th, td { padding: 4px 10px; border-bottom: 1px solid var(--rule); text-align: left; white-space: nowrap; }
thead th { border-bottom: 2px solid var(--ink); vertical-align: bottom; white-space: normal; }
td.num, th.num { text-align: right; }
tfoot th, tfoot td { border-top: 2px solid var(--ink); font-weight: 650; }
td.up { color: var(--up); } td.down { color: var(--down); }
.empty { color: var(--muted); font-style: italic; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  nav { display: none; }
  section, figure, table { break-inside: avoid; }
  h2 { break-after: avoid; }
  .table-wrap { overflow: visible; }
}
`;
