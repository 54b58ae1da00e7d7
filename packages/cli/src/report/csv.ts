// The `csv` format (RFC 4180): one table, a header row of column keys, CRLF line ends, fields
// quoted when they hold a comma, a quote or a line break. Figures are written as plain numbers
// (a rate as 0.98, not 98%) so a spreadsheet or a script can compute with them.
import { UsageError } from '../errors.js';
import type { CellValue, ColumnKind, Report } from './model.js';

export function renderCsv(report: Report): string {
  const [section, ...others] = report.sections;
  if (section === undefined || others.length > 0) {
    const names = report.sections.map((s) => s.id).join(', ');
    throw new UsageError(
      `--format csv writes one table, but the ${report.name} report has ${report.sections.length} ` +
        `(${names}): name one of them, e.g. 'gridledger report ${report.sections[0]?.id ?? 'incidence'} --format csv'`,
    );
  }
  const { columns, rows } = section.table;
  const lines = [
    columns.map((c) => csvField(c.key)),
    ...rows.map((row) => columns.map((c, i) => csvField(csvValue(row[i] ?? null, c.kind)))),
  ];
  return lines.map((fields) => `${fields.join(',')}\r\n`).join('');
}

/** A value as CSV text: numbers in full, yes/no as true/false, nothing as an empty field. */
function csvValue(value: CellValue, kind: ColumnKind): string {
  if (value === null) return '';
  if (typeof value === 'string') return kind === 'text' ? guardFormula(value) : value;
  return String(value);
}

/**
 * A spreadsheet runs a cell that starts with = + - @ as a formula; names come from residents'
 * and members' records, so a text cell starting so is prefixed with an apostrophe (OWASP's
 * advice against CSV injection).
 */
function guardFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
