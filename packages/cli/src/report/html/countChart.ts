// A count per month as bars labelled with their figure, and under each month the change on the
// month before: ▲ more, ▼ fewer (for incidents, fewer is better), – when there is nothing to
// compare with. Arrows and words carry the meaning; colour only repeats it.
import type { CountChart } from '../model.js';
import { formatCount } from '../../progress/format.js';
import { formatChange, NONE } from '../values.js';
import { barLayout } from './layout.js';
import { line, niceAxis, rect, svgFrame, text, tooltip } from './svg.js';

export function renderCountChart(chart: CountChart, id: string): string {
  const { points } = chart;
  const layout = barLayout(points.length);
  const { left, top, plotWidth, plotHeight, baseline } = layout;
  const { top: axisTop, step } = niceAxis(Math.max(0, ...points.map((p) => p.count)));
  const y = (count: number) => baseline - (count / axisTop) * plotHeight;
  const parts: string[] = [];
  for (let tick = 0; tick <= axisTop; tick += step) {
    parts.push(line(left, y(tick), left + plotWidth, y(tick), tick === 0 ? 'axis' : 'grid'));
    parts.push(
      text(left - 8, y(tick), formatCount(tick), {
        anchor: 'end',
        baseline: 'middle',
        className: 'tick',
      }),
    );
  }
  points.forEach((point, i) => {
    const bar = layout.bar(i);
    parts.push(`<g class="point">${tooltip(describePoint(chart, point))}`);
    parts.push(rect(bar.x, y(point.count), bar.width, baseline - y(point.count), 'bar count'));
    parts.push(
      text(bar.centre, y(point.count) - 6, formatCount(point.count), {
        anchor: 'middle',
        className: 'value',
      }),
    );
    parts.push(
      text(bar.centre, baseline + 18, point.month, { anchor: 'middle', className: 'month' }),
    );
    parts.push(
      text(bar.centre, baseline + 34, point.change === null ? NONE : formatChange(point.change), {
        anchor: 'middle',
        className: `change ${direction(point.change)}`,
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
      ? `No figures: no ${chart.measure} in this period.`
      : `Bars show ${chart.measure} per month, with the change on the month before. ` +
        `${points.map((p) => describePoint(chart, p)).join('; ')}.`;
  return svgFrame(
    {
      id,
      title: chart.title,
      description,
      width: layout.width,
      height: layout.height,
      className: 'count-chart',
    },
    parts.join(''),
  );
}

const direction = (change: number | null) =>
  change === null ? 'none' : change > 0 ? 'up' : change < 0 ? 'down' : 'same';

function describePoint(chart: CountChart, point: CountChart['points'][number]): string {
  const change =
    point.change === null
      ? 'nothing the month before to compare with'
      : point.change === 0
        ? 'the same as the month before'
        : `${formatChange(point.change).replace('▲', 'up').replace('▼', 'down')} on the month before`;
  return `${point.month}: ${formatCount(point.count)} ${chart.measure}, ${change}`;
}
