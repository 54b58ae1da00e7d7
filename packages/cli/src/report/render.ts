// One entry point for the four formats of a report.
import { renderCsv } from './csv.js';
import { renderHtml } from './html/document.js';
import { renderJson } from './json.js';
import type { Report } from './model.js';
import type { ReportFormat } from './options.js';
import { renderTable } from './table.js';

export function renderReport(report: Report, format: ReportFormat): string {
  switch (format) {
    case 'table':
      return renderTable(report);
    case 'csv':
      return renderCsv(report);
    case 'json':
      return renderJson(report);
    case 'html':
      return renderHtml(report);
  }
}
