// The geometry of a month-by-month bar chart: margins, one band per month, bars centred in
// their bands. The plot grows with the months so labels never overlap.

export interface BarLayout {
  readonly width: number;
  readonly height: number;
  readonly left: number;
  readonly top: number;
  readonly plotWidth: number;
  readonly plotHeight: number;
  /** Bottom of the plot: the axis line. */
  readonly baseline: number;
  /** Left edge and width of the bar of the i-th month. */
  bar(i: number): { x: number; width: number; centre: number };
}

const BAND_MIN = 64;

export function barLayout(months: number): BarLayout {
  const left = 52;
  const right = 16;
  const top = 28;
  const bottom = 52;
  const width = Math.max(640, left + right + months * BAND_MIN);
  const height = 300;
  const plotWidth = width - left - right;
  const plotHeight = height - top - bottom;
  const band = plotWidth / Math.max(1, months);
  const barWidth = Math.min(56, band * 0.62);
  return {
    width,
    height,
    left,
    top,
    plotWidth,
    plotHeight,
    baseline: top + plotHeight,
    bar(i) {
      const centre = left + band * (i + 0.5);
      return { x: centre - barWidth / 2, width: barWidth, centre };
    },
  };
}
