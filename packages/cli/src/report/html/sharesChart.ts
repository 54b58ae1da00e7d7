// How a whole splits into parts, one 100% stacked bar per row (all, then month by month), each
// part labelled with its share when there is room and named in the legend with its count.
import type { SharesChart } from '../model.js';
import { formatCount } from '../../progress/format.js';
import { formatPercent } from '../values.js';
import { rect, svgFrame, text, tooltip } from './svg.js';

const WIDTH = 720;
const LEFT = 76;
const RIGHT = 64;
const LEGEND_LINE = 20;
const ROW = 26;
const GAP = 10;
/** Narrowest segment that still gets its percentage written inside. */
const LABEL_MIN = 38;

export function renderSharesChart(chart: SharesChart, id: string): string {
  const plotWidth = WIDTH - LEFT - RIGHT;
  const totals = chart.parts.map((_, p) =>
    chart.rows[0] === undefined ? 0 : (chart.rows[0].counts[p] ?? 0),
  );
  const key = legend(chart, totals);
  const top = key.height + 12;
  const height = top + chart.rows.length * (ROW + GAP) + 8;
  const parts: string[] = [key.svg];
  chart.rows.forEach((row, r) => {
    const y = top + r * (ROW + GAP);
    const whole = row.counts.reduce((a, b) => a + b, 0);
    parts.push(
      text(LEFT - 8, y + ROW / 2, row.label, {
        anchor: 'end',
        baseline: 'middle',
        className: 'month',
      }),
    );
    if (whole === 0) {
      parts.push(
        text(LEFT, y + ROW / 2, `no ${chart.measure}`, { baseline: 'middle', className: 'note' }),
      );
      return;
    }
    let x = LEFT;
    row.counts.forEach((count, p) => {
      if (count === 0) return;
      const width = (count / whole) * plotWidth;
      const share = formatPercent(count / whole);
      const said = `${row.label} · ${chart.parts[p] ?? ''}: ${formatCount(count)} of ${formatCount(whole)} (${share})`;
      parts.push(`<g class="segment">${tooltip(said)}${rect(x, y, width, ROW, `part part-${p}`)}`);
      if (width >= LABEL_MIN) {
        parts.push(
          text(x + width / 2, y + ROW / 2, share, {
            anchor: 'middle',
            baseline: 'middle',
            className: 'inside',
          }),
        );
      }
      parts.push('</g>');
      x += width;
    });
    parts.push(
      text(LEFT + plotWidth + 8, y + ROW / 2, `n=${formatCount(whole)}`, {
        baseline: 'middle',
        className: 'note',
      }),
    );
  });
  return svgFrame(
    {
      id,
      title: chart.title,
      description: describe(chart),
      width: WIDTH,
      height,
      className: 'shares-chart',
    },
    parts.join(''),
  );
}

/** The legend: a swatch, the part's name and its count in all, wrapping onto more lines. */
function legend(chart: SharesChart, totals: readonly number[]): { svg: string; height: number } {
  let x = 8;
  let y = 10;
  const items = chart.parts.map((part, p) => {
    const label = `${part} (${formatCount(totals[p] ?? 0)})`;
    // 7 px a character is a safe width for the chart's 12 px font.
    const width = 17 + label.length * 7 + 16;
    if (x > 8 && x + width > WIDTH) {
      x = 8;
      y += LEGEND_LINE;
    }
    const item =
      `<g class="legend-item">${rect(x, y, 12, 12, `part part-${p}`)}` +
      `${text(x + 17, y + 6, label, { baseline: 'middle', className: 'legend' })}</g>`;
    x += width;
    return item;
  });
  return { svg: items.join(''), height: y + 12 };
}

function describe(chart: SharesChart): string {
  const rows = chart.rows.map((row) => {
    const whole = row.counts.reduce((a, b) => a + b, 0);
    if (whole === 0) return `${row.label}: none`;
    const split = row.counts
      .map((count, p) => `${chart.parts[p] ?? ''} ${formatPercent(count / whole)}`)
      .join(', ');
    return `${row.label} (${formatCount(whole)} ${chart.measure}): ${split}`;
  });
  return `Each bar splits ${chart.measure} into ${chart.parts.join(', ')}. ${rows.join('; ')}.`;
}
