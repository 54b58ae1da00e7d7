// The small drawing kit the charts share: an accessible <svg> frame (title and desc for screen
// readers), text, numbers rounded for coordinates, and a "nice" top for a count axis.
import { escapeHtml } from './escape.js';

/** Coordinates rounded to a tenth of a pixel keep the file small and the output stable. */
export const px = (n: number): string => String(Math.round(n * 10) / 10);

export interface Frame {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly width: number;
  readonly height: number;
  readonly className: string;
}

export function svgFrame(frame: Frame, body: string): string {
  const { id, width, height } = frame;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" id="${id}" class="chart ${frame.className}"`,
    ` width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"`,
    ` role="img" aria-labelledby="${id}-title" aria-describedby="${id}-desc">`,
    `<title id="${id}-title">${escapeHtml(frame.title)}</title>`,
    `<desc id="${id}-desc">${escapeHtml(frame.description)}</desc>`,
    body,
    '</svg>',
  ].join('');
}

export interface TextOptions {
  readonly anchor?: 'start' | 'middle' | 'end';
  readonly className?: string;
  /** Vertical alignment of the text on `y`. */
  readonly baseline?: 'auto' | 'middle' | 'hanging';
}

export function text(x: number, y: number, content: string, options: TextOptions = {}): string {
  const anchor = options.anchor === undefined ? '' : ` text-anchor="${options.anchor}"`;
  const cls = options.className === undefined ? '' : ` class="${options.className}"`;
  const baseline = options.baseline === undefined ? '' : ` dominant-baseline="${options.baseline}"`;
  return `<text x="${px(x)}" y="${px(y)}"${anchor}${baseline}${cls}>${escapeHtml(content)}</text>`;
}

export function rect(x: number, y: number, width: number, height: number, cls: string): string {
  return `<rect x="${px(x)}" y="${px(y)}" width="${px(Math.max(0, width))}" height="${px(Math.max(0, height))}" class="${cls}"/>`;
}

export function line(x1: number, y1: number, x2: number, y2: number, cls: string): string {
  return `<line x1="${px(x1)}" y1="${px(y1)}" x2="${px(x2)}" y2="${px(y2)}" class="${cls}"/>`;
}

/** A tooltip for the element it opens (the first child of a <g>). */
export const tooltip = (content: string): string => `<title>${escapeHtml(content)}</title>`;

/** The smallest 1, 2 or 5 × 10ⁿ step that covers `max` in `ticks` steps, and the axis top. */
export function niceAxis(max: number, ticks = 4): { top: number; step: number } {
  if (max <= 0) return { top: ticks, step: 1 };
  const rough = max / ticks;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step =
    [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= rough && Number.isInteger(s)) ??
    Math.ceil(rough);
  return { top: step * Math.ceil(max / step), step };
}
