// Crash safety: a child appending through the ledger in a loop is killed with SIGKILL at random
// moments. After every kill the file opens, each append is wholly there or wholly absent, every
// acknowledged append is there, positions have no gap, and every stream's hash chain verifies.
import { verifyStream } from '@gridledger/core/audit';
import { type StoredEvent } from '@gridledger/core';
import { openSqliteEventStore } from '@gridledger/store-sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startChild } from './__fixtures__/children.js';
import { makeTempDir, type TempDir } from './__fixtures__/temp.js';

interface Ack {
  readonly acked: string;
  readonly stream: string;
  readonly size: number;
}

const KILLS = 6;

/** Appends found in the file, by tag, with the stream and versions each event landed at. */
function appendsIn(events: readonly StoredEvent[]) {
  const found = new Map<string, { stream: string; size: number; versions: number[] }>();
  for (const event of events) {
    const id = (event.data as { observationId: string }).observationId;
    const [, tag, index, size] = /^(.+)-(\d+)-of-(\d+)$/.exec(id) ?? [];
    const entry = found.get(tag!) ?? { stream: event.streamId, size: Number(size), versions: [] };
    expect(entry.stream).toBe(event.streamId);
    expect(Number(index)).toBe(entry.versions.length);
    entry.versions.push(event.streamVersion);
    found.set(tag!, entry);
  }
  return found;
}

let dir: TempDir;
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => dir.remove());

describe('killing a writer with SIGKILL', () => {
  it(`never leaves a partial append or a broken chain (${KILLS} kills)`, async () => {
    const file = dir.file('crash.gridledger');
    const acked: Ack[] = [];
    let previous = 0;
    for (let round = 0; round < KILLS; round++) {
      const child = startChild('./crashAppender.ts', [file]);
      await child.next();
      // A random moment: after some acknowledged appends, then a little later still.
      const appends = 1 + Math.floor(Math.random() * 40);
      for (let i = 0; i < appends; i++) acked.push(await child.next<Ack>());
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 5));
      child.process.kill('SIGKILL');
      expect((await child.exited).signal).toBe('SIGKILL');
      // Acknowledgements printed before the kill still count.
      for (;;) {
        const late = await child.next<Ack>().catch(() => undefined);
        if (late === undefined) break;
        acked.push(late);
      }

      const store = openSqliteEventStore(file);
      const events: StoredEvent[] = [];
      for await (const event of store.readAll()) events.push(event);
      expect(events.map((e) => Number(e.position))).toEqual(events.map((_, i) => i + 1));
      expect(events.length).toBeGreaterThan(previous);
      previous = events.length;

      const found = appendsIn(events);
      for (const [tag, append] of found) {
        // Wholly there: every event of the append, at consecutive versions of one stream.
        expect(append.versions, tag).toHaveLength(append.size);
        expect(append.versions.at(-1)! - append.versions[0]!, tag).toBe(append.size - 1);
      }
      for (const ack of acked) {
        expect(found.get(ack.acked), ack.acked).toMatchObject({
          stream: ack.stream,
          size: ack.size,
        });
      }

      for (const streamId of new Set(events.map((e) => e.streamId))) {
        const verification = await verifyStream(store, streamId);
        expect(verification, streamId).toMatchObject({ ok: true });
      }
      await store.close();
    }
  });
});
