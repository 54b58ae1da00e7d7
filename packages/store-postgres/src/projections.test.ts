// PostgreSQL as the home of projections: the runner from @gridledger/projections reads the events
// and keeps its read models and checkpoints in the same schema; several workers on one read model
// take turns through its claim, so none double-counts, even when a worker's connection is killed.
import { isRuleViolation, isStoreUnavailable, type DomainEvent } from '@gridledger/core';
import { createProjectionRunner, defineProjection } from '@gridledger/projections';
import { makeEvents } from '@gridledger/store-conformance';
import { openPostgres, type PostgresGridledger } from '@gridledger/store-postgres';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  admin,
  dropSchema,
  freshSchema,
  POSTGRES_URL,
  terminateBackends,
} from './__fixtures__/database.js';

type Observation = DomainEvent<'PatrolObservationLogged', { grid: string }>;

interface Tally {
  perGrid: Record<string, number>;
  /** Every event id folded, so a double count shows as a repeated id. */
  seen: string[];
}

const observationsPerGrid = defineProjection<Tally, Observation>({
  name: 'observations-per-grid',
  version: 1,
  initialState: () => ({ perGrid: {}, seen: [] }),
  handlers: {
    PatrolObservationLogged: (state, event) => {
      state.perGrid[event.data.grid] = (state.perGrid[event.data.grid] ?? 0) + 1;
      state.seen.push(event.id);
      return state;
    },
  },
});

const observe = (gridledger: PostgresGridledger, stream: string, grids: string[]) =>
  gridledger.events.append(
    stream,
    makeEvents(grids.length, (i) => ({
      type: 'PatrolObservationLogged',
      data: { grid: grids[i] },
    })),
    { expectedVersion: 'any' },
  );

const runnerOn = (gridledger: PostgresGridledger) =>
  createProjectionRunner({
    store: gridledger.events,
    readModels: gridledger.readModels,
    now: () => '2024-08-31T18:00:00.000Z',
  });

/** The application_name of the worker whose session holds an advisory lock, if any. */
async function claimHolder(schema: string): Promise<string | undefined> {
  const rows = await admin<{ name: string }>(
    `SELECT a.application_name AS name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
     WHERE l.locktype = 'advisory' AND l.granted AND a.application_name LIKE $1`,
    [`worker-%-${schema}`],
  );
  return rows[0]?.name;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let schema: string;
beforeEach(() => {
  schema = freshSchema();
});
afterEach(() => dropSchema(schema));

describe('projections on PostgreSQL', () => {
  it('resume from the checkpoint saved in the schema, folding only what is new', async () => {
    const first = await openPostgres(POSTGRES_URL, { schema });
    await observe(first, 'patrol-1', ['xuzhai-07', 'xuzhai-07', 'xuzhai-08']);
    expect(await runnerOn(first).catchUp(observationsPerGrid)).toMatchObject({
      outcome: 'rebuilt',
      eventsApplied: 3,
    });
    await observe(first, 'patrol-2', ['xuzhai-08']);
    await first.close();

    const second = await openPostgres(POSTGRES_URL, { schema });
    const runner = runnerOn(second);
    expect(await runner.catchUp(observationsPerGrid)).toMatchObject({
      outcome: 'caught-up',
      eventsApplied: 1,
      eventsInModel: 4,
    });
    const model = await runner.read(observationsPerGrid);
    expect(model?.state.perGrid).toEqual({ 'xuzhai-07': 2, 'xuzhai-08': 2 });
    // A rebuild from position zero, switched in atomically, equals the incremental model.
    expect(await runner.rebuild(observationsPerGrid)).toMatchObject({ outcome: 'rebuilt' });
    expect((await runner.read(observationsPerGrid))?.state).toEqual(model?.state);
    expect(await second.readModels.keys()).toEqual(['observations-per-grid']);
    await second.close();
  });

  it('lets several workers follow one read model in turns, without double-counting', async () => {
    const writer = await openPostgres(POSTGRES_URL, { schema });
    const stop = new AbortController();
    const refusals: number[] = [0, 0, 0];
    const takeovers: number[] = [0, 0, 0];
    const worker = async (w: number): Promise<void> => {
      const gridledger = await openPostgres(POSTGRES_URL, {
        schema,
        applicationName: `worker-${w}-${schema}`,
        pollIntervalMs: 50,
        reconnectTimeoutMs: 0,
      });
      const runner = runnerOn(gridledger);
      while (!stop.signal.aborted) {
        try {
          await runner.follow(observationsPerGrid, { signal: stop.signal, batchSize: 7 });
        } catch (error) {
          // Another worker holds the claim, or this one's connection was killed: try again.
          if (isRuleViolation(error)) refusals[w]!++;
          else if (isStoreUnavailable(error)) takeovers[w]!++;
          else throw error;
          await sleep(20);
        }
      }
      await gridledger.close();
    };
    const workers = [0, 1, 2].map(worker);

    const grids = ['xuzhai-07', 'xuzhai-08', 'xuzhai-09'];
    for (let round = 0; round < 60; round++) {
      await observe(writer, `patrol-${round % 5}`, grids.slice(0, 1 + (round % 3)));
      // Three times, kill every connection of the worker holding the claim: another takes over.
      if (round % 15 === 14) {
        let holder: string | undefined;
        await expect.poll(async () => (holder = await claimHolder(schema))).toBeDefined();
        expect(await terminateBackends(holder!)).toBeGreaterThan(0);
      }
      await sleep(5);
    }
    // Let whoever holds the claim now catch up with the last appends, then stop everyone.
    const expected = (await writer.events.countEvents?.()) ?? 0;
    await expect
      .poll(async () => (await runnerOn(writer).read(observationsPerGrid))?.eventsApplied, {
        timeout: 20_000,
      })
      .toBe(expected);
    stop.abort();
    await Promise.all(workers);

    expect(refusals.reduce((a, b) => a + b)).toBeGreaterThan(0);
    expect(takeovers.reduce((a, b) => a + b)).toBeGreaterThanOrEqual(3);
    const log: string[] = [];
    for await (const event of writer.events.readAll()) log.push(event.id);
    const model = await runnerOn(writer).read(observationsPerGrid);
    expect(model?.state.seen).toEqual(log);
    expect(Object.values(model?.state.perGrid ?? {}).reduce((a, b) => a + b)).toBe(log.length);
    await writer.close();
  });
});
