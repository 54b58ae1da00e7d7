// A share per month as bars on a 0–100% axis, each labelled with its percentage; a month with
// nothing to divide shows a dash instead of a bar, so no figure is invented.
import type { RateChart } from '../model.js';
import { formatCount } from '../../progress/format.js';
import { formatPercent, NONE } from '../values.js';
import { barLayout } from './layout.js';
import { line, rect, svgFrame, text, tooltip } from './svg.js';

export function renderRateChart(chart: RateChart, id: string): string {
  const { points } = chart;
  const layout = barLayout(points.length);
  const { left, top, plotWidth, plotHeight, baseline } = layout;
  const y = (rate: number) => baseline - rate * plotHeight;
  const parts: string[] = [];
  for (const tick of [0, 0.25, 0.5, 0.75, 1]) {
    parts.push(line(left, y(tick), left + plotWidth, y(tick), tick === 0 ? 'axis' : 'grid'));
    parts.push(text(left - 8, y(tick), `${tick * 100}%`, axisLabel));
  }
  points.forEach((point, i) => {
    const bar = layout.bar(i);
    const said = describePoint(point);
    if (point.rate === null) {
      parts.push(`<g class="point empty">${tooltip(said)}`);
      parts.push(text(bar.centre, baseline - 8, NONE, { anchor: 'middle', className: 'value' }));
    } else {
      parts.push(`<g class="point">${tooltip(said)}`);
      parts.push(rect(bar.x, y(point.rate), bar.width, point.rate * plotHeight, 'bar rate'));
      parts.push(
        text(bar.centre, y(point.rate) - 6, formatPercent(point.rate), {
          anchor: 'middle',
          className: 'value',
        }),
      );
    }
    parts.push(
      text(bar.centre, baseline + 18, point.month, { anchor: 'middle', className: 'month' }),
    );
    parts.push(
      text(bar.centre, baseline + 34, `${formatCount(point.part)} of ${formatCount(point.whole)}`, {
        anchor: 'middle',
        className: 'note',
      }),
    );
    parts.push('</g>');
  });
  if (points.length === 0) {
    parts.push(
      text(left + plotWidth / 2, top + plotHeight / 2, 'No months in this period', {
        anchor: 'middle',
        className: 'note',
      }),
    );
  }
  const description =
    points.length === 0
      ? `No figures: ${chart.measure} has no months in this period.`
      : `Bars show ${chart.measure} for each month. ${points.map(describePoint).join('; ')}.`;
  return svgFrame(
    {
      id,
      title: chart.title,
      description,
      width: layout.width,
      height: layout.height,
      className: 'rate-chart',
    },
    parts.join(''),
  );
}

const axisLabel = { anchor: 'end', baseline: 'middle', className: 'tick' } as const;

function describePoint(point: RateChart['points'][number]): string {
  const rate = point.rate === null ? `${NONE} (none to count)` : formatPercent(point.rate);
  return `${point.month}: ${rate}, ${formatCount(point.part)} of ${formatCount(point.whole)}`;
}
