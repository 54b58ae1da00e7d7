import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main, type CliIo } from '@gridledger/cli';
import { createEventRegistry, gridledgerEvents } from '@gridledger/core';
import { createProjectionRunner, domainReadModels } from '@gridledger/projections';
import { openSqlite } from '@gridledger/store-sqlite';
import { xuzhaiFiles, type XuzhaiFiles } from '../report/__fixtures__/store.js';
import { captureIo } from '../test-io.js';

/** A stdout that calls `onWrite` synchronously, as a terminal or a pipe would receive it. */
function liveIo(
  options: { tty?: boolean; signal?: AbortSignal; onWrite?: (all: string) => void } = {},
) {
  let out = '';
  let err = '';
  const stdout = Object.assign(
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        out += chunk.toString();
        options.onWrite?.(out);
        done();
      },
    }),
    options.tty ? { isTTY: true, columns: 100 } : {},
  );
  const stderr = new Writable({
    write(chunk: Buffer, _encoding, done) {
      err += chunk.toString();
      done();
    },
  });
  const io: CliIo = {
    stdout,
    stderr,
    env: {},
    cwd: process.cwd(),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  };
  return { io, out: () => out, err: () => err };
}

let files: XuzhaiFiles;
beforeAll(async () => {
  files = await xuzhaiFiles();
});
afterAll(() => files.remove());

const ORDER = [
  'resolution-rate',
  'where-settled',
  'timeliness',
  'escalations',
  'incidence',
  'satisfaction',
  'coverage',
  'public-order',
];

async function reportJson(file: string, name: string) {
  const io = captureIo();
  expect(await main(['report', name, '--format', 'json', '--store', file], io)).toBe(0);
  const { generatedAt: _g, sources, ...rest } = JSON.parse(io.out());
  return { ...rest, sources: sources.map(({ updatedAt: _u, ...s }: { updatedAt: string }) => s) };
}

describe('gridledger rebuild', () => {
  it('rebuilds every read model, one line each when not on a terminal', async () => {
    const file = files.copy('all.db');
    const before = await reportJson(file, 'summary');
    const { io, out } = liveIo();
    expect(await main(['rebuild', '--store', file], io)).toBe(0);
    const lines = out().trimEnd().split('\n');
    expect(lines).toHaveLength(9);
    ORDER.forEach((name, i) => {
      expect(lines[i]).toMatch(
        new RegExp(`^\\[${i + 1}/8\\] ${name}: rebuilt from \\d+ events in (<1s|\\d+s)`),
      );
    });
    expect(lines[8]).toBe(`Rebuilt 8 read models on sqlite:${file}.`);
    // A rebuilt model says what the incrementally built one said.
    expect(await reportJson(file, 'summary')).toEqual(before);
  });

  it('draws a bar on a terminal, redrawn in place and cleared when done', async () => {
    const file = files.copy('tty.db');
    const { io, out } = liveIo({ tty: true });
    expect(await main(['rebuild', 'incidence', '--store', file], io)).toBe(0);
    // Each redraw starts by going back to the start of the line and erasing it: shown here as ⟲.
    const text = out().replaceAll('\r\u001b[K', '⟲');
    expect(text).toContain('⟲[1/1] incidence ░░░░░░░░░░░░░░░░░░░░░░░░   0%  0/65');
    expect(text).toMatch(/⟲\[1\/1\] incidence █{24} 100% {2}65\/65 {2}[\d,]+ events\/s {2}ETA <1s/);
    expect(text).toMatch(/⟲\[1\/1\] incidence: rebuilt from 65 events/);
    // No line is wider than the terminal.
    for (const line of text.split(/⟲|\n/)) expect([...line].length).toBeLessThan(100);
  });

  it('stops cleanly on Ctrl-C, and running it again carries on where it stopped', async () => {
    // Two summers of history, so the pass is long enough to be stopped half-way.
    const long = await xuzhaiFiles([2024, 2025]);
    try {
      const file = long.copy('interrupted.db');
      const done = liveIo();
      expect(await main(['rebuild', 'incidence', '--store', file], done.io)).toBe(0);
      const controller = new AbortController();
      const first = liveIo({ signal: controller.signal });
      // Runs only when the command lets the event loop turn, as a signal handler does.
      setImmediate(() => setImmediate(() => controller.abort()));
      expect(await main(['rebuild', '--store', file], first.io)).toBe(130);
      expect(first.err()).toBe(
        `Interrupted while rebuilding ${ORDER.join(', ')} (saved where it stopped); 0 of 8 read models rebuilt.\n` +
          `Run the same command again to carry on from there: gridledger rebuild --store ${file}\n`,
      );

      const again = liveIo();
      expect(await main(['rebuild', '--store', file], again.io)).toBe(0);
      const lines = again.out().trimEnd().split('\n');
      expect(lines[0]).toMatch(/^Resuming the rebuild started \d{4}-\d\d-\d\dT.* on sqlite:/);
      ORDER.forEach((name, i) => {
        expect(lines[1 + i]).toMatch(
          new RegExp(`^\\[${i + 1}/8\\] ${name}: resuming from event \\d+`),
        );
        expect(lines[9 + i]).toMatch(
          new RegExp(
            `^\\[${i + 1}/8\\] ${name}: rebuilt from \\d+ events, \\d+ of them in this run in`,
          ),
        );
      });
      expect(lines.at(-1)).toMatch(/^Rebuilt 8 read models/);
      // Resumed or not, the incidence model is what it was.
      const resumed = await reportJson(file, 'incidence');
      const fresh = liveIo();
      expect(await main(['rebuild', 'incidence', '--restart', '--store', file], fresh.io)).toBe(0);
      expect(await reportJson(file, 'incidence')).toEqual(resumed);

      // Done: the plan is forgotten, so the next rebuild starts afresh.
      const opened = openSqlite(file);
      expect(await opened.readModels.keys('#')).toEqual([]);
      await opened.close();
      const third = liveIo();
      expect(await main(['rebuild', 'incidence', '--store', file], third.io)).toBe(0);
      expect(third.out()).not.toMatch(/Resuming/);
    } finally {
      long.remove();
    }
  });

  it('skips the read models an interrupted run had already rebuilt', async () => {
    const file = files.copy('partly.db');
    // A run over two read models that rebuilt both; then one over all eight, stopped at once.
    const plan = liveIo();
    expect(await main(['rebuild', '--store', file], plan.io)).toBe(0);
    const opened = openSqlite(file);
    const runner = createProjectionRunner({
      store: opened.events,
      registry: createEventRegistry(gridledgerEvents),
      readModels: opened.readModels,
    });
    const { REBUILD_PLAN_KEY } = await import('../progress/plan.js');
    await opened.readModels.save(REBUILD_PLAN_KEY, {
      state: {
        readModels: ORDER,
        rebuilt: ORDER.slice(0, 2),
        startedAt: '2026-09-01T08:00:00.000Z',
      },
      checkpoint: undefined,
      projectionVersion: 1,
      eventsApplied: 0,
      updatedAt: '2026-09-01T08:00:00.000Z',
    });
    expect((await runner.status(domainReadModels.resolutionRate)).current).toBe(true);
    await opened.close();
    const again = liveIo();
    expect(await main(['rebuild', '--store', file], again.io)).toBe(0);
    const lines = again.out().trimEnd().split('\n');
    expect(lines[0]).toBe(
      `Resuming the rebuild started 2026-09-01T08:00:00.000Z on sqlite:${file}.`,
    );
    expect(lines[1]).toBe('[1/8] resolution-rate: already rebuilt before the interruption');
    expect(lines[2]).toBe('[2/8] where-settled: already rebuilt before the interruption');
    expect(lines[3]).toMatch(/^\[3\/8\] timeliness: rebuilt from 239 events in/);
    expect(lines.at(-1)).toMatch(/^Rebuilt 8 read models/);
  });

  it('resumes a read model from the event where it was interrupted', async () => {
    // Two summers of history, so a read model folds enough events to be stopped half-way.
    const long = await xuzhaiFiles([2024, 2025]);
    try {
      const file = long.copy('long.db');
      const opened = openSqlite(file);
      const runner = createProjectionRunner({
        store: opened.events,
        registry: createEventRegistry(gridledgerEvents),
        readModels: opened.readModels,
      });
      const controller = new AbortController();
      const stopped = await runner.rebuild(domainReadModels.timeliness, {
        signal: controller.signal,
        batchSize: 100,
        progressIntervalMs: 0,
        onProgress: (p) => p.eventsDone >= 256 && controller.abort(),
      });
      await opened.close();
      expect(stopped).toMatchObject({ outcome: 'cancelled', eventsInModel: 256 });

      const resumed = liveIo();
      expect(await main(['rebuild', 'timeliness', '--store', file], resumed.io)).toBe(0);
      expect(resumed.out()).toMatch(/^\[1\/1\] timeliness: resuming from event 256$/m);
      expect(resumed.out()).toMatch(
        /^\[1\/1\] timeliness: rebuilt from 478 events, 222 of them in this run in /m,
      );
      const afterResume = await reportJson(file, 'timeliness');

      const restarted = liveIo();
      expect(
        await main(['rebuild', 'timeliness', '--restart', '--store', file], restarted.io),
      ).toBe(0);
      expect(restarted.out()).toMatch(/^\[1\/1\] timeliness: rebuilt from 478 events in /m);
      expect(await reportJson(file, 'timeliness')).toEqual(afterResume);
    } finally {
      long.remove();
    }
  });

  it('hears Ctrl-C while it reads, though SQLite reads never wait on anything', async () => {
    const file = files.copy('signal.db');
    const controller = new AbortController();
    // Runs only when the command lets the event loop turn, as a signal handler does.
    setImmediate(() => controller.abort());
    const { io, err } = liveIo({ signal: controller.signal });
    expect(await main(['rebuild', '--store', file], io)).toBe(130);
    expect(err()).toMatch(/^Interrupted (while rebuilding|before) resolution-rate, where-settled/);
    const again = liveIo();
    expect(await main(['rebuild', '--store', file], again.io)).toBe(0);
    expect(again.out()).toMatch(/^\[1\/8\] resolution-rate: rebuilt from 239 events/m);
  });

  it('does not start when Ctrl-C came first', async () => {
    const file = files.copy('early.db');
    const { io, err } = liveIo({ signal: AbortSignal.abort() });
    expect(await main(['rebuild', 'coverage', 'incidence', '--store', file], io)).toBe(130);
    expect(err()).toMatch(/^Interrupted before coverage, incidence; 0 of 2 read models rebuilt\./);
    expect(err()).toMatch(/gridledger rebuild coverage incidence --store /);
  });

  it('names the read models it knows when given one it does not', async () => {
    const io = captureIo();
    expect(await main(['rebuild', 'happiness', '--store', files.copy('unknown.db')], io)).toBe(2);
    expect(io.err()).toMatch(
      /unknown read model 'happiness': use one of resolution-rate, where-settled, timeliness, escalations, incidence, satisfaction, coverage/,
    );
  });
});
