// Eight processes append concurrently to shared streams while three subscribers and a paging
// reader follow the log: every reader sees every event exactly once, in one order, with no
// position skipped or repeated, and every stream's hash chain verifies.
import { verifyStream } from '@gridledger/core/audit';
import { type Position, type StoredEvent } from '@gridledger/core';
import { collect } from '@gridledger/store-conformance';
import { openPostgres, type PostgresGridledger } from '@gridledger/store-postgres';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startChild } from './__fixtures__/children.js';
import { dropSchema, freshSchema, POSTGRES_URL } from './__fixtures__/database.js';

interface AppenderReport {
  readonly writer: string;
  readonly appended: { stream: string; position: string; count: number }[];
  readonly conflicts: number;
}

const APPENDERS = 8;
const BATCHES = 30;
const STREAMS = 4;

let schema: string;
beforeEach(() => {
  schema = freshSchema();
});
afterEach(() => dropSchema(schema));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('eight appending processes, three subscribers and a paging reader', () => {
  it(
    'agree on one log, with no event skipped, repeated or out of order',
    { timeout: 180_000 },
    async () => {
      const readers: PostgresGridledger[] = [];
      for (let r = 0; r < 4; r++) readers.push(await openPostgres(POSTGRES_URL, { schema }));
      const appenders = Array.from({ length: APPENDERS }, (_, w) =>
        startChild('./appender.ts', [
          POSTGRES_URL,
          schema,
          `member-${w}`,
          String(BATCHES),
          String(STREAMS),
        ]),
      );
      for (const appender of appenders) expect(await appender.next()).toHaveProperty('ready');

      // Three subscribers from the start of the log, and a reader paging 7 events at a time.
      const seen: StoredEvent[][] = [[], [], [], []];
      let finished = false;
      const subscriptions = [0, 1, 2].map((r) => readers[r]!.events.subscribe());
      const consumers = subscriptions.map(async (subscription, r) => {
        for await (const event of subscription) seen[r]!.push(event);
      });
      const pager = (async () => {
        let after: Position | undefined;
        while (!finished) {
          const page = await collect(() =>
            readers[3]!.events.readAll({ limit: 7, ...(after === undefined ? {} : { after }) }),
          );
          seen[3]!.push(...page);
          if (page.length > 0) after = page[page.length - 1]!.position;
          else await sleep(2);
        }
      })();

      for (const appender of appenders) appender.send('go');
      const reports = (await Promise.all(appenders.map((a) => a.next()))) as AppenderReport[];
      for (const appender of appenders) expect((await appender.exited).code).toBe(0);
      const total = reports.reduce(
        (sum, r) => sum + r.appended.reduce((n, a) => n + a.count, 0),
        0,
      );
      expect(total).toBe(APPENDERS * BATCHES * 2);
      // The appenders did race each other for the shared streams.
      expect(reports.reduce((sum, r) => sum + r.conflicts, 0)).toBeGreaterThan(0);

      await expect
        .poll(() => seen.map((events) => events.length), { timeout: 30_000 })
        .toEqual([total, total, total, total]);
      finished = true;
      await pager;
      for (const subscription of subscriptions) await subscription.close();
      await Promise.all(consumers);

      const log = await collect(() => readers[0]!.events.readAll());
      expect(log).toHaveLength(total);
      expect(log.map((e) => Number(e.position))).toEqual(log.map((_, i) => i + 1));
      for (const events of seen) {
        expect(events.map((e) => e.id)).toEqual(log.map((e) => e.id));
        expect(events.map((e) => e.position)).toEqual(log.map((e) => e.position));
      }
      // Each append landed whole, where its appender was told it did.
      const byPosition = new Map(log.map((e) => [e.position, e]));
      for (const report of reports) {
        for (const { stream, position, count } of report.appended) {
          const last = byPosition.get(position as Position);
          expect(last?.streamId).toBe(stream);
          const batch = log.slice(Number(position) - count, Number(position));
          expect(new Set(batch.map((e) => e.streamId))).toEqual(new Set([stream]));
          expect(new Set(batch.map((e) => e.metadata.actor.id))).toEqual(new Set([report.writer]));
        }
      }
      for (let s = 0; s < STREAMS; s++) {
        const stream = `patrol-shared-${s}`;
        const events = await collect(() => readers[0]!.events.readStream(stream));
        expect(events.map((e) => e.streamVersion)).toEqual(events.map((_, v) => v));
        expect(await verifyStream(readers[0]!.events, stream)).toMatchObject({ ok: true });
      }
      for (const reader of readers) await reader.close();
    },
  );
});
