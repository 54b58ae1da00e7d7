import { describe, expect, it } from 'vitest';
import type { Report, Section } from './model.js';
import { renderReport } from './render.js';

const section = (over: Partial<Section> = {}): Section => ({
  id: 'resolution-rate',
  title: 'Resolution rate',
  description: 'Disputes resolved ÷ disputes accepted.',
  headlines: [{ label: 'Resolution rate', value: 0.98, kind: 'ratio' }],
  charts: [],
  table: {
    columns: [
      { key: 'community', label: 'Community', kind: 'text' },
      { key: 'grid', label: 'Grid', kind: 'text' },
      { key: 'accepted', label: 'Accepted', kind: 'count' },
      { key: 'rate', label: 'Rate', kind: 'ratio' },
      { key: 'change', label: 'Change', kind: 'change' },
      { key: 'onTarget', label: 'On target', kind: 'flag' },
    ],
    rows: [
      ['徐寨', 'g-1', 1200, 0.98, -0.125, true],
      ['Taihao, "east"', '=HYPERLINK("x")', 3, null, null, false],
      ['<script>alert(1)</script>', 'line\nbreak', 0, 0, 0.5, true],
    ],
    total: ['total', '', 1203, 0.975, null, false],
  },
  data: { rows: ['as the query returned them'] },
  ...over,
});

const report = (sections: Section[] = [section()]): Report => ({
  name: 'resolution-rate',
  title: 'Resolution rate',
  scope: { by: 'grid', from: '2025-06', to: '2025-08', timeZone: 'Asia/Shanghai' },
  generatedAt: '2025-09-01T08:00:00.000Z',
  store: 'sqlite:/data/xuzhai.db',
  sources: [
    {
      readModel: 'resolution-rate',
      version: 1,
      eventsInModel: 71,
      updatedAt: '2025-09-01T07:59:00Z',
    },
  ],
  sections,
});

/** A strict RFC 4180 reader, to check what the writer wrote reads back the same. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  while (i < text.length) {
    if (text[i] === '"') {
      i++;
      while (!(text[i] === '"' && text[i + 1] !== '"')) {
        if (i >= text.length) throw new Error('unclosed quote');
        field += text[i] === '"' ? (i++, '"') : text[i];
        i++;
      }
      i++;
    } else if (text[i] === ',') {
      row.push(field);
      field = '';
      i++;
    } else if (text.startsWith('\r\n', i)) {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 2;
    } else {
      if (text[i] === '\n' || text[i] === '\r') throw new Error(`bare line break at ${i}`);
      field += text[i];
      i++;
    }
  }
  if (field !== '' || row.length > 0) throw new Error('last record not ended with CRLF');
  return rows;
}

describe('the table format', () => {
  it('aligns columns by how wide they show, figures to the right', () => {
    const text = renderReport(report(), 'table');
    expect(text.split('\n').slice(0, 3)).toEqual([
      'Resolution rate',
      '2025-06 to 2025-08 · by grid · months in Asia/Shanghai',
      'Figures from sqlite:/data/xuzhai.db: resolution-rate v1 (71 events)',
    ]);
    const lines = text.split('\n');
    const header = lines.findIndex((l) => l.startsWith('Community'));
    // 徐寨 takes four columns on a terminal: padded as if it were four letters.
    expect(lines[header + 2]).toBe(
      '徐寨                       g-1                 1,200    98%  ▼ 12.5%  yes',
    );
    expect(lines[header + 6]).toBe(
      'total                                          1,203  97.5%        –  no',
    );
  });
});

describe('the csv format', () => {
  it('quotes what needs quoting, uses CRLF, and reads back the same', () => {
    const text = renderReport(report(), 'csv');
    expect(text.startsWith('community,grid,accepted,rate,change,onTarget\r\n')).toBe(true);
    expect(parseCsv(text)).toEqual([
      ['community', 'grid', 'accepted', 'rate', 'change', 'onTarget'],
      ['徐寨', 'g-1', '1200', '0.98', '-0.125', 'true'],
      // A cell a spreadsheet would run as a formula is defused with an apostrophe.
      ['Taihao, "east"', `'=HYPERLINK("x")`, '3', '', '', 'false'],
      ['<script>alert(1)</script>', 'line\nbreak', '0', '0', '0.5', 'true'],
    ]);
  });

  it('refuses a report of several tables, naming them', () => {
    const two = report([section(), section({ id: 'incidence', title: 'Incidence' })]);
    expect(() => renderReport(two, 'csv')).toThrow(
      /--format csv writes one table, but the resolution-rate report has 2 \(resolution-rate, incidence\)/,
    );
  });
});

describe('the json format', () => {
  it('carries the scope, the sources and each query result as it was', () => {
    const json = JSON.parse(renderReport(report(), 'json'));
    expect(json).toMatchObject({
      report: 'resolution-rate',
      scope: { by: 'grid', from: '2025-06', to: '2025-08' },
      sources: [{ readModel: 'resolution-rate', eventsInModel: 71 }],
      sections: [
        {
          id: 'resolution-rate',
          headlines: [{ label: 'Resolution rate', value: 0.98 }],
          result: { rows: ['as the query returned them'] },
        },
      ],
    });
  });
});

describe('the html format', () => {
  const charted = section({
    charts: [
      {
        kind: 'rate-by-month',
        title: 'Resolution rate by month',
        measure: 'disputes resolved ÷ disputes accepted',
        points: [
          { month: '2025-06', rate: 0.98, part: 49, whole: 50 },
          { month: '2025-07', rate: null, part: 0, whole: 0 },
        ],
      },
      {
        kind: 'count-by-month',
        title: 'Disputes per month',
        measure: 'disputes reported',
        points: [
          { month: '2025-06', count: 14, change: null },
          { month: '2025-07', count: 12, change: -1 / 7 },
        ],
      },
      {
        kind: 'shares',
        title: 'Where settled',
        measure: 'disputes resolved',
        parts: ['In the grid', 'In <the> community'],
        rows: [
          { label: 'All', counts: [3, 1] },
          { label: '2025-07', counts: [0, 0] },
        ],
      },
    ],
  });
  const html = renderReport(report([charted, section({ id: 'second', charts: [] })]), 'html');

  it('escapes every name that came from the history', () => {
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('In &lt;the&gt; community (1)');
  });

  it('gives every chart a title and a description naming its figures', () => {
    const svgs = html.match(/<svg [^>]*>/g) ?? [];
    expect(svgs).toHaveLength(3);
    for (const svg of svgs) {
      const id = /id="([^"]+)"/.exec(svg)?.[1];
      expect(svg).toContain(
        `role="img" aria-labelledby="${id}-title" aria-describedby="${id}-desc"`,
      );
      expect(html).toContain(`<title id="${id}-title">`);
    }
    expect(html).toContain(
      'Bars show disputes resolved ÷ disputes accepted for each month. 2025-06: 98%, 49 of 50; ' +
        '2025-07: – (none to count), 0 of 0.',
    );
    expect(html).toContain('2025-07: 12 disputes reported, down 14.3% on the month before');
    expect(html).toContain(
      'All (4 disputes resolved): In the grid 75%, In &lt;the&gt; community 25%',
    );
    // A month with nothing to divide gets a dash, not a bar of 0%.
    expect(html).toMatch(/<g class="point empty">.*?>–<\/text>/);
    expect(html).toContain('>▼ 14.3%</text>');
  });

  it('is one page that fetches nothing and prints well', () => {
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    );
    expect(html).not.toMatch(/<script|<link|<img|@import|url\(/);
    expect(html).toMatch(/@media print \{/);
    // Two sections: a table of contents and the headlines at a glance.
    expect(html).toContain('<nav aria-label="Sections">');
    expect(html).toContain('<section id="at-a-glance"');
  });
});
