import { describe, expect, it } from 'vitest';
import { closest, editDistance } from './suggest.js';

describe('did you mean', () => {
  it('counts edits, a swap of neighbours as one', () => {
    expect(editDistance('history', 'history')).toBe(0);
    expect(editDistance('histroy', 'history')).toBe(1);
    expect(editDistance('jsno', 'json')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('verify', 'report')).toBeGreaterThan(3);
  });

  it('prefers the one name a word begins', () => {
    expect(closest('form', ['from', 'format'])).toBe('format');
    expect(closest('fr', ['from', 'format'])).toBe('from');
  });

  it('finds a typo, else an abbreviation, else nothing', () => {
    const options = ['at', 'json', 'time-zone', 'store', 'help'];
    expect(closest('jsno', options)).toBe('json');
    expect(closest('stor', options)).toBe('store');
    expect(closest('tz', options)).toBe('time-zone');
    expect(closest('frobnicate', options)).toBeUndefined();
    expect(closest('x', options)).toBeUndefined();
  });
});
