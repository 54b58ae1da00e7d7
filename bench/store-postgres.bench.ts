// The PostgreSQL store beside raw node-postgres doing the same work on the same server in the
// same run (bench/postgres-raw.ts says what the raw side does). Appends are sequential, as one
// app server's request handler makes them; 8 concurrent appenders are measured too, without a
// target, because serialised positions cost most there (docs/decisions/010). The rebuild runs
// every read model over logs of 60,000 and 600,000 generated events: its cost per event must
// not grow with the log.
import { Dispute, streamIdOf, type EventToAppend, type RecordedEvent } from '@gridledger/core';
import { allReadModels, createProjectionRunner, type AnyProjection } from '@gridledger/projections';
import { openPostgres, type PostgresGridledger } from '@gridledger/store-postgres';
import { generateHistory } from '@gridledger/history-fixture';
import { envelopes } from './dispute-histories.js';
import { pair, throughput, type BenchModule, type Measurement } from './harness.js';
import { BENCH_URL, openRaw, pg, rawRead, type PgPool } from './postgres-raw.js';

const tag = `${process.pid}_${Date.now().toString(36)}`;
let schemas = 0;
const schemaName = (kind: string): string => `bench_${kind}_${tag}_${schemas++}`;

async function openStore(): Promise<PostgresGridledger & { schema: string }> {
  const schema = schemaName('gl');
  return Object.assign(await openPostgres(BENCH_URL, { schema }), { schema });
}

async function dropStore(admin: PgPool, store: PostgresGridledger & { schema: string }) {
  await store.close();
  await admin.query(`DROP SCHEMA IF EXISTS ${store.schema} CASCADE`);
}

/** `writers` appenders at once, each through its own streams, one event per append. */
async function concurrently(
  writers: number,
  streams: readonly string[],
  input: readonly EventToAppend[][],
  append: (stream: string, version: number, event: EventToAppend) => Promise<void>,
): Promise<void> {
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      for (let i = w; i < streams.length; i += writers) {
        for (let v = 0; v < 6; v++) await append(streams[i]!, v, input[i]![v]!);
      }
    }),
  );
}

/**
 * Fills a store's log with a generated history by bulk INSERT, 2,000 rows a statement: a loader
 * for the read and rebuild measurements (appends are measured above), filling exactly the rows,
 * positions and head an append would have written.
 */
async function load(admin: PgPool, schema: string, size: number): Promise<void> {
  const scale = size / 14;
  const history = generateHistory({
    seed: 20260831,
    disputes: Math.ceil(scale * 0.7),
    visits: Math.ceil(scale * 1.4),
    patrols: Math.ceil(scale * 0.42),
    communities: 3,
    gridsPerCommunity: 27,
    days: 365,
  }).slice(0, size);
  if (history.length < size) throw new Error(`generated ${history.length} events, wanted ${size}`);
  const versions = new Map<string, number>();
  for (let start = 0; start < size; start += 2000) {
    const columns: unknown[][] = [[], [], [], [], [], [], []];
    history.slice(start, start + 2000).forEach((event, i) => {
      const version = (versions.get(event.streamId) ?? -1) + 1;
      versions.set(event.streamId, version);
      const at = new Date(event.at).toISOString();
      const id = `e${start + i}`;
      const metadata = {
        actor: { id: 'generator', role: 'system' },
        occurredAt: at,
        recordedAt: at,
        correlationId: id,
        prevHash: null,
        hash: 'h',
      };
      const row = [event.streamId, version, id, event.type, JSON.stringify(event.data)];
      row.forEach((value, c) => columns[c]!.push(value));
      columns[5]!.push(JSON.stringify(metadata));
      columns[6]!.push(String(start + i + 1));
    });
    await admin.query({
      text: `INSERT INTO ${schema}.events
               (position, stream_id, stream_version, event_id, type, schema_version, data, metadata)
             SELECT p, s, v, id, t, 1, d, m
             FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[],
                         $7::bigint[]) AS r(s, v, id, t, d, m, p)`,
      values: columns,
    });
  }
  await admin.query(`UPDATE ${schema}.log_head SET position = ${size}`);
}

interface Tally {
  count: number;
  byType: Record<string, number>;
}
const tally = (acc: Tally, event: { readonly type: string }): void => {
  acc.count++;
  acc.byType[event.type] = (acc.byType[event.type] ?? 0) + 1;
};

/** The raw side of a rebuild: each projection's handlers over a raw read of its event types. */
async function rawFold(admin: PgPool, schema: string, projection: AnyProjection): Promise<unknown> {
  const handlers = projection.handlers as Record<string, (s: unknown, e: RecordedEvent) => unknown>;
  let state = projection.initialState();
  await rawRead(admin, `${schema}.events`, projection.eventTypes, (event) => {
    const handler = Object.hasOwn(handlers, event.type) ? handlers[event.type] : undefined;
    if (handler !== undefined) state = handler(state, event as unknown as RecordedEvent);
  });
  return state;
}

/** Runs `timed` on a fresh raw schema, which is made before and dropped after the clock. */
async function withRaw(
  timed: (raw: Awaited<ReturnType<typeof openRaw>>) => Promise<number>,
): Promise<number> {
  const raw = await openRaw(schemaName('raw'));
  try {
    return await timed(raw);
  } finally {
    await raw.close();
  }
}

const bench: BenchModule = async ({ quick }) => {
  const rounds = quick ? 1 : 3;
  const admin = new pg.Pool({ connectionString: BENCH_URL, max: 2 });
  const measurements: Measurement[] = [];
  const figures: Record<string, number | string> = {};
  const opened: (PostgresGridledger & { schema: string })[] = [];
  try {
    // Appends: fsync on, so both sides run at the disk's commit rate; fewer suffice.
    const streams = quick ? 4 : 120;
    const input = envelopes(streams);
    const ids = input.map((_, i) => streamIdOf(Dispute, `d${i}`));
    const events = streams * 6;
    const fresh = async () => {
      const store = await openStore();
      opened.push(store);
      return store;
    };

    const [rawSingle, storeSingle] = await pair(
      rounds,
      () =>
        withRaw((raw) =>
          throughput(events, async () => {
            for (let i = 0; i < streams; i++) {
              for (let v = 0; v < 6; v++) await raw.append(ids[i]!, v - 1, [input[i]![v]!]);
            }
          }),
        ),
      async () => {
        const store = await fresh();
        return throughput(events, async () => {
          for (let i = 0; i < streams; i++) {
            for (let v = 0; v < 6; v++) {
              await store.events.append(ids[i]!, [input[i]![v]!], {
                expectedVersion: v === 0 ? 'no-stream' : v - 1,
              });
            }
          }
        });
      },
    );
    const [rawBatch, storeBatch] = await pair(
      rounds,
      () =>
        withRaw((raw) =>
          throughput(events, async () => {
            for (let i = 0; i < streams; i++) await raw.append(ids[i]!, -1, input[i]!);
          }),
        ),
      async () => {
        const store = await fresh();
        return throughput(events, async () => {
          for (let i = 0; i < streams; i++) {
            await store.events.append(ids[i]!, input[i]!, { expectedVersion: 'no-stream' });
          }
        });
      },
    );
    const [rawConcurrent, storeConcurrent] = await pair(
      rounds,
      () =>
        withRaw((raw) =>
          throughput(events, () =>
            concurrently(8, ids, input, (s, v, e) => raw.append(s, v - 1, [e])),
          ),
        ),
      async () => {
        const store = await fresh();
        return throughput(events, () =>
          concurrently(8, ids, input, async (s, v, e) => {
            await store.events.append(s, [e], { expectedVersion: v === 0 ? 'no-stream' : v - 1 });
          }),
        );
      },
    );
    measurements.push(
      {
        metric: 'single-event appends, version checked',
        unit: 'events/s',
        gridledger: storeSingle,
        baseline: rawSingle,
        better: 'higher',
        target: 0.8,
      },
      {
        metric: '6-event appends',
        unit: 'events/s',
        gridledger: storeBatch,
        baseline: rawBatch,
        better: 'higher',
        target: 0.8,
      },
      {
        metric: 'single-event appends, 8 appenders at once',
        unit: 'events/s',
        gridledger: storeConcurrent,
        baseline: rawConcurrent,
        better: 'higher',
        note: 'positions are handed out one commit at a time, so concurrent commits cannot share an fsync (decision 010)',
      },
    );

    // Reading and rebuilding: logs of a tenth and of the full size, loaded once each.
    const large = quick ? 30_000 : 600_000;
    const sizes = [large / 10, large];
    const logs: (PostgresGridledger & { schema: string })[] = [];
    for (const size of sizes) {
      const store = await fresh();
      await load(admin, store.schema, size);
      logs.push(store);
    }
    const big = logs[1]!;
    const [rawReadRate, storeReadRate] = await pair(
      quick ? 1 : 5,
      () =>
        throughput(large, async () => {
          const acc: Tally = { count: 0, byType: {} };
          await rawRead(admin, `${big.schema}.events`, undefined, (event) => tally(acc, event));
          if (acc.count !== large) throw new Error('raw read fell short');
        }),
      () =>
        throughput(large, async () => {
          const acc: Tally = { count: 0, byType: {} };
          for await (const event of big.events.readAll()) tally(acc, event);
          if (acc.count !== large) throw new Error('store read fell short');
        }),
    );
    measurements.push({
      metric: 'global log read into a reducer',
      unit: 'events/s',
      gridledger: storeReadRate,
      baseline: rawReadRate,
      better: 'higher',
      target: 0.7,
      note: `${large.toLocaleString('en-US')} events, read in order after position 0`,
    });

    const rebuildRate = async (store: PostgresGridledger, size: number) => {
      const runner = createProjectionRunner({ store: store.events, readModels: store.readModels });
      return throughput(size, async () => {
        for (const projection of allReadModels) await runner.rebuild(projection);
      });
    };
    const rawRebuildRate = (schema: string, size: number) =>
      throughput(size, async () => {
        for (const projection of allReadModels) await rawFold(admin, schema, projection);
      });
    const [smallRate, largeRate] = await pair(
      rounds,
      () => rebuildRate(logs[0]!, sizes[0]!),
      () => rebuildRate(big, large),
    );
    let rawLarge = 0;
    for (let i = 0; i < rounds; i++)
      rawLarge = Math.max(rawLarge, await rawRebuildRate(big.schema, large));
    measurements.push(
      {
        metric: `rebuild all read models: ${large.toLocaleString('en-US')} vs ${sizes[0]!.toLocaleString('en-US')} events`,
        unit: 'events/s',
        gridledger: largeRate,
        baseline: smallRate,
        better: 'higher',
        target: 0.8,
        note: 'the same rebuild on a log ten times longer: a ratio near 1 is a flat cost per event',
      },
      {
        metric: 'rebuild all read models vs raw read and fold',
        unit: 'events/s',
        gridledger: largeRate,
        baseline: rawLarge,
        better: 'higher',
        note: `raw: each projection's handlers over a raw pg read of the ${large.toLocaleString('en-US')}-event log, in memory`,
      },
    );
    figures['log sizes rebuilt'] = sizes.map((n) => n.toLocaleString('en-US')).join(' and ');
    figures['server'] = BENCH_URL.replace(/\/\/[^@/]*@/, '//');
  } finally {
    for (const store of opened) await dropStore(admin, store);
    await admin.end();
  }
  return {
    name: 'store-postgres',
    description:
      'PostgreSQL event store vs raw node-postgres on the same server (prepared statements, fsync on)',
    measurements,
    figures,
  };
};
export default bench;
