// Losing the server: a connection refused or killed is a typed PostgresUnavailableError, an
// append cut off by pg_terminate_backend lands whole or not at all, the next call recovers, and
// a subscription whose connections are killed resumes where it was, without gap or repeat.
import { isStoreUnavailable, type AppendResult, type StoredEvent } from '@gridledger/core';
import { collect, makeEvents } from '@gridledger/store-conformance';
import {
  isPostgresUnavailable,
  openPostgres,
  openPostgresEventStore,
  type PostgresUnavailableError,
} from '@gridledger/store-postgres';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  admin,
  dropSchema,
  freshSchema,
  POSTGRES_URL,
  terminateBackends,
} from './__fixtures__/database.js';

let schema: string;
beforeEach(() => {
  schema = freshSchema();
});
afterEach(() => dropSchema(schema));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Kills every backend named `name` every few milliseconds until stopped; counts the kills. */
function killer(name: string, everyMs: number) {
  let running = true;
  let kills = 0;
  const done = (async () => {
    while (running) {
      kills += await terminateBackends(name);
      await sleep(everyMs);
    }
  })();
  return {
    async stop() {
      running = false;
      await done;
      return kills;
    },
  };
}

describe('connection loss', () => {
  it('reports an unreachable server and a missing database as typed errors', async () => {
    const refused = await openPostgres('postgres://postgres@127.0.0.1:1/test').catch(
      (e: unknown) => e,
    );
    expect(isStoreUnavailable(refused)).toBe(true);
    expect(refused).toMatchObject({ reason: 'unreachable', sqlstate: undefined });
    expect(String(refused)).toContain("Store 'postgres://127.0.0.1:1/test?schema=gridledger'");

    const nowhere = await openPostgres('postgres://postgres@127.0.0.1:5432/no_such_db').catch(
      (e: unknown) => e,
    );
    expect(nowhere).toMatchObject({ reason: 'no-database', sqlstate: '3D000' });
  });

  it('never leaves part of an append when its connection is killed, and recovers after', async () => {
    const name = `appends-${schema}`;
    const store = await openPostgresEventStore(POSTGRES_URL, {
      schema,
      applicationName: name,
      maxConnections: 4,
    });
    const attempts: { ids: string[]; stream: string; result?: AppendResult; error?: unknown }[] =
      [];
    const kill = killer(name, 15);
    await Promise.all(
      [0, 1, 2, 3].map(async (w) => {
        for (let i = 0; i < 40; i++) {
          const events = makeEvents(1 + ((w + i) % 4), { data: { w, i } });
          const attempt = { ids: events.map((e) => e.id), stream: `patrol-${i % 3}` };
          attempts.push(attempt);
          try {
            Object.assign(attempt, {
              result: await store.append(attempt.stream, events, { expectedVersion: 'any' }),
            });
          } catch (error) {
            Object.assign(attempt, { error });
          }
        }
      }),
    );
    const kills = await kill.stop();
    expect(kills).toBeGreaterThan(0);

    const failed = attempts.filter((a) => a.error !== undefined);
    expect(failed.length).toBeGreaterThan(0);
    for (const { error } of failed) {
      expect(isPostgresUnavailable(error), String(error)).toBe(true);
      expect(['connection-lost', 'unreachable']).toContain(
        (error as PostgresUnavailableError).reason,
      );
    }
    // The next call recovers.
    const after = await store.append('patrol-0', makeEvents(1), { expectedVersion: 'any' });
    expect(after.streamVersion).toBeGreaterThan(0);

    const log = await collect(() => store.readAll());
    expect(log.map((e) => Number(e.position))).toEqual(log.map((_, i) => i + 1));
    const where = new Map(log.map((e, i) => [e.id, i]));
    for (const attempt of attempts) {
      const found = attempt.ids.map((id) => where.get(id));
      if (attempt.result !== undefined) {
        expect(found.every((i) => i !== undefined)).toBe(true);
        expect(log[found.at(-1)!]!.position).toBe(attempt.result.position);
      } else {
        // A failed append either committed whole before the kill, or left nothing.
        expect([0, attempt.ids.length]).toContain(found.filter((i) => i !== undefined).length);
      }
      // Whatever landed is one contiguous batch of one stream.
      if (found[0] !== undefined) {
        expect(found).toEqual(found.map((_, k) => found[0]! + k));
      }
    }
    for (const stream of ['patrol-0', 'patrol-1', 'patrol-2']) {
      const events = await collect(() => store.readStream(stream));
      expect(events.map((e) => e.streamVersion)).toEqual(events.map((_, v) => v));
    }
    await store.close();
  });

  it('keeps a subscription going through killed connections, without gap or repeat', async () => {
    const name = `subscriber-${schema}`;
    const writer = await openPostgres(POSTGRES_URL, { schema });
    const reader = await openPostgres(POSTGRES_URL, {
      schema,
      applicationName: name,
      pollIntervalMs: 50,
    });
    await writer.events.append('dispute-1', makeEvents(30), { expectedVersion: 'no-stream' });
    const subscription = reader.events.subscribe();
    const received: StoredEvent[] = [];
    const total = 30 + 120;
    const consuming = (async () => {
      for await (const event of subscription) {
        received.push(event);
        if (received.length === total) break;
      }
    })();
    const kill = killer(name, 25);
    for (let i = 0; i < 60; i++) {
      await writer.events.append(`visit-${i % 4}`, makeEvents(2), { expectedVersion: 'any' });
      await sleep(3);
    }
    expect(await kill.stop()).toBeGreaterThan(0);
    await consuming;
    const log = await collect(() => writer.events.readAll());
    expect(received.map((e) => e.id)).toEqual(log.map((e) => e.id));
    await reader.close();
    await writer.close();
  });

  it('fails a subscription with a typed error once the server stays away past the reconnect window, and recovers', async () => {
    const role = `${schema}_office`;
    await admin(`CREATE ROLE ${role} LOGIN`);
    await admin(`GRANT CREATE ON DATABASE test TO ${role}`);
    try {
      const url = POSTGRES_URL.replace('//postgres@', `//${role}@`);
      const store = await openPostgres(url, {
        schema,
        applicationName: role,
        pollIntervalMs: 20,
        reconnectTimeoutMs: 300,
      });
      await store.events.append('patrol-1', makeEvents(2), { expectedVersion: 'no-stream' });
      const subscription = store.events.subscribe();
      const iterator = subscription[Symbol.asyncIterator]();
      expect((await iterator.next()).done).toBe(false);
      expect((await iterator.next()).done).toBe(false);
      const waiting = iterator.next();

      // No new connection is let in, and the open ones are killed: the server is gone for it.
      await admin(`ALTER ROLE ${role} CONNECTION LIMIT 0`);
      await terminateBackends(role);
      const error = await waiting.catch((e: unknown) => e);
      expect(isPostgresUnavailable(error), String(error)).toBe(true);
      expect(error).toMatchObject({ reason: 'unreachable', sqlstate: '53300' });
      const append = await store.events
        .append('patrol-1', makeEvents(1), { expectedVersion: 1 })
        .catch((e: unknown) => e);
      expect(append).toMatchObject({ reason: 'unreachable' });

      // The server lets it in again: the next calls work, and a new subscription resumes.
      await admin(`ALTER ROLE ${role} CONNECTION LIMIT -1`);
      const next = await store.events.append('patrol-1', makeEvents(1), { expectedVersion: 1 });
      expect(next.streamVersion).toBe(2);
      const resumed = await collect(() => store.events.readAll({ after: next.position }));
      expect(resumed).toEqual([]);
      await store.close();
    } finally {
      await dropSchema(schema);
      await admin(`REVOKE CREATE ON DATABASE test FROM ${role}`);
      await admin(`DROP ROLE ${role}`);
    }
  });
});
