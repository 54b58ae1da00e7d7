// Two processes on one file: they race for every version of one stream, and a subscriber in a
// third (this one) sees everything either commits, in one gap-free global order.
import type { StoredEvent } from '@gridledger/core';
import { openSqlite } from '@gridledger/store-sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startChild } from './__fixtures__/children.js';
import { makeTempDir, type TempDir } from './__fixtures__/temp.js';

interface WriterReport {
  readonly writer: string;
  readonly won: number[];
  readonly lost: { version: number; actual: number | 'no-stream' }[];
  readonly own: string[];
}

const VERSIONS = 60;

let dir: TempDir;
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => dir.remove());

describe('two processes appending to one file', () => {
  it('let exactly one process win each version; the loser gets a conflict', async () => {
    const file = dir.file('shared.gridledger');
    // Both children open the file fresh: creating the schema must race safely too.
    const writers = ['north', 'south'].map((name) =>
      startChild('./racingWriter.ts', [file, 'patrol-1', String(VERSIONS), name]),
    );
    for (const writer of writers)
      expect(await writer.next()).toMatchObject({ ready: expect.any(String) });

    // A subscriber in this process, polling for the children's commits.
    const gridledger = openSqlite(file, { pollIntervalMs: 5 });
    const subscription = gridledger.events.subscribe();
    for (const writer of writers) writer.send('go');
    const [north, south] = (await Promise.all(writers.map((w) => w.next()))) as [
      WriterReport,
      WriterReport,
    ];
    for (const writer of writers) expect((await writer.exited).code).toBe(0);

    // Every version won exactly once, across both processes.
    const winners = [...north.won, ...south.won].sort((a, b) => a - b);
    expect(winners).toEqual(Array.from({ length: VERSIONS }, (_, v) => v));
    for (const { version, actual } of [...north.lost, ...south.lost]) {
      expect(actual === 'no-stream' ? -1 : actual).toBeGreaterThanOrEqual(version);
    }
    const stream: StoredEvent[] = [];
    for await (const event of gridledger.events.readStream('patrol-1')) stream.push(event);
    expect(stream.map((e) => e.streamVersion)).toEqual(winners);
    for (const event of stream) {
      const { writer, version } = event.data as { writer: string; version: number };
      expect(version).toBe(event.streamVersion);
      expect((writer === 'north' ? north : south).won).toContain(version);
    }

    // The global log: gap-free positions, each process's own batches whole and in order.
    const all: StoredEvent[] = [];
    for await (const event of gridledger.events.readAll()) all.push(event);
    expect(all.map((e) => Number(e.position))).toEqual(all.map((_, i) => i + 1));
    for (const report of [north, south]) {
      const own = all.filter((e) => e.streamId === `patrol-1-${report.writer}`);
      expect(own.map((e) => e.id)).toEqual(report.own);
    }

    // The subscriber saw the same log, in the same order, without gaps or repeats.
    const seen: StoredEvent[] = [];
    for await (const event of subscription) {
      seen.push(event);
      if (seen.length === all.length) break;
    }
    expect(seen.map((e) => e.id)).toEqual(all.map((e) => e.id));
    await gridledger.close();
  });
});
