import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { ProjectionProgress } from '@gridledger/projections';
import { progressDisplay } from './display.js';
import { bar, formatCount, formatDuration, percentDone } from './format.js';

function stream(tty: boolean, columns = 100) {
  let text = '';
  const writable = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  return {
    writable: Object.assign(writable, tty ? { isTTY: true, columns } : {}),
    text: () => text,
  };
}

const progress = (done: number, extra: Partial<ProjectionProgress> = {}): ProjectionProgress => ({
  projection: 'incidence',
  mode: 'rebuild',
  eventsDone: done,
  eventsTotal: 48_000,
  eventsPerSecond: 8_100.4,
  etaSeconds: (48_000 - done) / 8_100.4,
  position: undefined,
  final: false,
  ...extra,
});

describe('plain progress lines (not a terminal)', () => {
  it('prints a line at most once a second, the first after a second of work', () => {
    let now = 0;
    const out = stream(false);
    const display = progressDisplay(out.writable, { now: () => now });
    const at = (t: number, done: number, extra: Partial<ProjectionProgress> = {}) => {
      now = t;
      display.show('[1/2] incidence', progress(done, extra));
    };
    at(0, 0);
    at(500, 4_000);
    at(1_000, 8_100);
    at(1_500, 12_000);
    at(2_100, 17_000);
    at(2_200, 48_000, { final: true, etaSeconds: 0 });
    expect(out.text()).toBe(
      '[1/2] incidence  8,100/48,000 events (16%)  8,100 events/s  ETA 5s\n' +
        '[1/2] incidence  17,000/48,000 events (35%)  8,100 events/s  ETA 4s\n',
    );
    // A new pass starts its own second.
    display.end();
    at(3_000, 0);
    at(3_900, 5_000);
    expect(out.text().split('\n')).toHaveLength(3);
    at(4_000, 8_000);
    expect(out.text().split('\n')[2]).toMatch(/^\[1\/2\] incidence {2}8,000\/48,000/);
  });

  it('leaves out the total and the ETA when the store cannot count', () => {
    let now = 0;
    const out = stream(false);
    const display = progressDisplay(out.writable, { now: () => now });
    const uncounted = (done: number) => {
      const { etaSeconds: _eta, eventsTotal: _total, ...rest } = progress(done);
      return rest;
    };
    display.show('coverage', uncounted(0));
    now = 1_000;
    display.show('coverage', uncounted(1_234));
    expect(out.text()).toBe('coverage  1,234 events  8,100 events/s\n');
  });
});

describe('the progress bar (a terminal)', () => {
  it('draws at once, redraws in place at most every 100 ms, always draws the end', () => {
    let now = 0;
    const out = stream(true);
    const display = progressDisplay(out.writable, { now: () => now });
    display.show('[2/7] incidence', progress(0));
    now = 50;
    display.show('[2/7] incidence', progress(1_000));
    now = 120;
    display.show('[2/7] incidence', progress(24_000));
    now = 130;
    display.show('[2/7] incidence', progress(48_000, { final: true, etaSeconds: 0 }));
    display.end();
    const frames = out.text().split('\r\u001b[K');
    expect(frames).toEqual([
      '',
      '[2/7] incidence ░░░░░░░░░░░░░░░░░░░░░░░░   0%  0/48,000  8,100 events/s  ETA 6s',
      '[2/7] incidence ████████████░░░░░░░░░░░░  50%  24,000/48,000  8,100 events/s  ETA 3s',
      '[2/7] incidence ████████████████████████ 100%  48,000/48,000  8,100 events/s  ETA <1s',
      '',
    ]);
  });

  it('drops the bar, then cuts the line, on a narrow terminal', () => {
    const narrow = stream(true, 60);
    progressDisplay(narrow.writable).show('[2/7] incidence', progress(24_000));
    expect(narrow.text()).toBe(
      '\r\u001b[K[2/7] incidence  24,000/48,000 events (50%)  8,100 events/…',
    );
    expect([...narrow.text().slice(4)].length).toBe(59);
  });

  it('clears nothing when nothing was drawn', () => {
    const out = stream(true);
    progressDisplay(out.writable).end();
    expect(out.text()).toBe('');
  });
});

describe('progress figures', () => {
  it('groups thousands and rounds', () => {
    expect([0, 999, 1_000, 48_000.4, 1_234_567, -12_345].map(formatCount)).toEqual([
      '0',
      '999',
      '1,000',
      '48,000',
      '1,234,567',
      '-12,345',
    ]);
  });

  it('says how long in the fewest words', () => {
    expect([undefined, Infinity, -1, 0.4, 4.4, 59.6, 65, 3_599, 7_380].map(formatDuration)).toEqual(
      ['?', '?', '?', '<1s', '4s', '1m 00s', '1m 05s', '59m 59s', '2h 03m'],
    );
  });

  it('never says 100% before the end', () => {
    expect(percentDone(47_999, 48_000)).toBe(99);
    expect(percentDone(48_000, 48_000)).toBe(100);
    expect(percentDone(0, 0)).toBe(100);
    expect(bar(1, 4, 8)).toBe('██░░░░░░');
    expect(bar(9, 4, 8)).toBe('████████');
  });
});
