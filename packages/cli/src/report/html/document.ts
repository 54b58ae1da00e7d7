// The `html` format: one self-contained page (inline CSS, inline SVG charts, no script, nothing
// fetched — the content security policy forbids it) that a person can open, read and print.
import type { Chart, Headline, Report, Section } from '../model.js';
import { describePeriod, describeScope, describeSources } from '../text.js';
import { formatCell } from '../values.js';
import { renderCountChart } from './countChart.js';
import { escapeHtml, safeId } from './escape.js';
import { renderRateChart } from './rateChart.js';
import { renderSharesChart } from './sharesChart.js';
import { STYLES } from './styles.js';
import { renderHtmlTable } from './tables.js';

const POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

export function renderHtml(report: Report): string {
  const title = `${report.title} — ${describePeriod(report.scope)}`;
  const many = report.sections.length > 1;
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="${POLICY}">`,
    '<meta name="generator" content="gridledger report">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLES}</style>`,
    '</head>',
    '<body>',
    '<header>',
    `<h1>${escapeHtml(report.title)}</h1>`,
    `<p class="scope">${escapeHtml(describeScope(report))}</p>`,
    '</header>',
    '<main>',
    many ? atAGlance(report.sections) : '',
    many ? contents(report.sections) : '',
    ...report.sections.map(renderSection),
    '</main>',
    '<footer>',
    `<p>Generated ${escapeHtml(report.generatedAt)} by gridledger from ${escapeHtml(describeSources(report))}.</p>`,
    '</footer>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function renderSection(section: Section): string {
  const id = safeId(section.id);
  return [
    `<section id="${id}" aria-labelledby="${id}-heading">`,
    `<h2 id="${id}-heading">${escapeHtml(section.title)}</h2>`,
    `<p>${escapeHtml(section.description)}</p>`,
    headlines(section.headlines),
    ...section.charts.map((chart, i) => figure(chart, `${id}-chart-${i + 1}`)),
    renderHtmlTable(section.table, section.title),
    '</section>',
  ].join('\n');
}

function figure(chart: Chart, id: string): string {
  return `<figure>${drawChart(chart, id)}<figcaption>${escapeHtml(caption(chart))}</figcaption></figure>`;
}

function drawChart(chart: Chart, id: string): string {
  switch (chart.kind) {
    case 'rate-by-month':
      return renderRateChart(chart, id);
    case 'count-by-month':
      return renderCountChart(chart, id);
    case 'shares':
      return renderSharesChart(chart, id);
  }
}

function caption(chart: Chart): string {
  switch (chart.kind) {
    case 'rate-by-month':
      return `${chart.title}: ${chart.measure}; under each month, how many of how many.`;
    case 'count-by-month':
      return `${chart.title}, with the change on the month before: ▲ more, ▼ fewer, – nothing to compare with.`;
    case 'shares':
      return `${chart.title}: shares of ${chart.measure}, in all and month by month (n = how many).`;
  }
}

function headlines(items: readonly Headline[]): string {
  if (items.length === 0) return '';
  const entries = items
    .map(
      (h) =>
        `<div><dt>${escapeHtml(h.label)}</dt><dd>${escapeHtml(formatCell(h.value, h.kind))}</dd></div>`,
    )
    .join('');
  return `<dl class="headlines">${entries}</dl>`;
}

/** The first figure of every section, together at the top. */
function atAGlance(sections: readonly Section[]): string {
  const first = sections.flatMap((s) => s.headlines.slice(0, 1));
  if (first.length === 0) return '';
  return `<section id="at-a-glance" aria-label="At a glance">${headlines(first)}</section>`;
}

function contents(sections: readonly Section[]): string {
  const items = sections
    .map((s) => `<li><a href="#${safeId(s.id)}">${escapeHtml(s.title)}</a></li>`)
    .join('');
  return `<nav aria-label="Sections"><ol>${items}</ol></nav>`;
}
