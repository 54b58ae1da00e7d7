// A section's table in HTML: a caption, column headers with scope, figures right-aligned, the
// total in a footer row, and ▲/▼ changes coloured as well as marked.
import type { CellValue, Column, Table } from '../model.js';
import { emptyText, formatCell, isNumeric } from '../values.js';
import { escapeHtml } from './escape.js';

export function renderHtmlTable(table: Table, caption: string): string {
  if (table.rows.length === 0) {
    return `<p class="empty">${escapeHtml(emptyText(table))}</p>`;
  }
  const head = table.columns
    .map((c) => `<th scope="col"${numClass(c)}>${escapeHtml(c.label)}</th>`)
    .join('');
  const body = table.rows.map((row) => `<tr>${cells(table.columns, row)}</tr>`).join('\n');
  const foot =
    table.total === undefined
      ? ''
      : `<tfoot><tr>${cells(table.columns, table.total, true)}</tr></tfoot>`;
  return [
    '<div class="table-wrap"><table>',
    `<caption>${escapeHtml(caption)}</caption>`,
    `<thead><tr>${head}</tr></thead>`,
    `<tbody>\n${body}\n</tbody>`,
    foot,
    '</table></div>',
  ].join('\n');
}

function cells(columns: readonly Column[], row: readonly CellValue[], total = false): string {
  return columns
    .map((column, i) => {
      const value = row[i] ?? null;
      const classes = [
        isNumeric(column.kind) ? 'num' : '',
        column.kind === 'change' && typeof value === 'number' && value !== 0
          ? value > 0
            ? 'up'
            : 'down'
          : '',
      ].filter((c) => c !== '');
      const cls = classes.length === 0 ? '' : ` class="${classes.join(' ')}"`;
      // The first cell names the row: a header cell for screen readers.
      const tag = i === 0 ? 'th' : 'td';
      const scope = i === 0 ? ' scope="row"' : '';
      const content = total && i === 0 ? 'Total' : formatCell(value, column.kind);
      return `<${tag}${scope}${cls}>${escapeHtml(content)}</${tag}>`;
    })
    .join('');
}

const numClass = (column: Column) => (isNumeric(column.kind) ? ' class="num"' : '');
