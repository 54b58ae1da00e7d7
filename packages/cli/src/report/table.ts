// The `table` format: aligned plain text for a terminal, figures right-aligned, one table per
// section under its title and headline figures.
import type { Report, Section, Table } from './model.js';
import {
  describeScope,
  describeSources,
  displayWidth,
  padEnd,
  padStart,
  printable,
} from './text.js';
import { emptyText, formatCell, isNumeric } from './values.js';

export function renderTable(report: Report): string {
  const lines = [report.title, describeScope(report), `Figures from ${describeSources(report)}`];
  for (const section of report.sections) lines.push('', ...renderSection(section));
  return `${lines.join('\n')}\n`;
}

function renderSection(section: Section): string[] {
  const lines = [section.title, '='.repeat(displayWidth(section.title))];
  if (section.headlines.length > 0) {
    lines.push(
      printable(
        section.headlines.map((h) => `${h.label}: ${formatCell(h.value, h.kind)}`).join('   '),
      ),
    );
  }
  lines.push('', ...alignedTable(section.table));
  return lines;
}

/** The table as aligned lines: header, rule, rows, and the total under a second rule. */
export function alignedTable(table: Table): string[] {
  const { columns } = table;
  if (table.rows.length === 0) return [emptyText(table)];
  const text = (row: readonly (string | number | boolean | null)[]) =>
    columns.map((c, i) => printable(formatCell(row[i] ?? null, c.kind)));
  const body = table.rows.map(text);
  const total = table.total === undefined ? undefined : text(table.total);
  const widths = columns.map((c, i) =>
    Math.max(
      displayWidth(c.label),
      ...body.map((r) => displayWidth(r[i] ?? '')),
      total === undefined ? 0 : displayWidth(total[i] ?? ''),
    ),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => {
        const width = widths[i] ?? 0;
        const kind = columns[i]?.kind ?? 'text';
        return isNumeric(kind) ? padStart(cell, width) : padEnd(cell, width);
      })
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [
    line(columns.map((c) => c.label)),
    rule,
    ...body.map(line),
    ...(total === undefined ? [] : [rule, line(total)]),
  ];
}
