import { describe, expect, it } from 'vitest';
import { formatCell, formatChange, formatPercent } from './values.js';

describe('figures as a person reads them', () => {
  it('rounds a share to a tenth of a percent, never to 0% or 100% unless exact', () => {
    expect([0, 1, 0.98, 0.975, 11 / 12, 0.99996, 0.00001].map(formatPercent)).toEqual([
      '0%',
      '100%',
      '98%',
      '97.5%',
      '91.7%',
      '99.9%',
      '<0.1%',
    ]);
  });

  it('marks a change with ▲ or ▼, and no change as ±0%', () => {
    expect([-1 / 7, 0.25, 0].map(formatChange)).toEqual(['▼ 14.3%', '▲ 25%', '±0%']);
  });

  it('shows a missing figure as a dash, flags as yes/no, hours with one decimal', () => {
    expect(formatCell(null, 'ratio')).toBe('–');
    expect(formatCell(true, 'flag')).toBe('yes');
    expect(formatCell(1234.56, 'hours')).toBe('1,234.6');
    expect(formatCell(0.04, 'hours')).toBe('0.0');
    expect(formatCell(12345, 'count')).toBe('12,345');
  });
});
