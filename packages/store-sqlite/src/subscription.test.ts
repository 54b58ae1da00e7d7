// Live subscriptions: commits from this process wake a subscriber at once (on any connection to
// the file), commits from other processes arrive within the polling interval.
import type { StoredEvent, Subscription } from '@gridledger/core';
import { makeEvents } from '@gridledger/store-conformance';
import { openSqlite, openSqliteEventStore } from '@gridledger/store-sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startChild } from './__fixtures__/children.js';
import { makeTempDir, type TempDir } from './__fixtures__/temp.js';

/** Long enough that only an in-process wake-up can deliver an event during the test. */
const NEVER_POLL = 3_600_000;

async function take(subscription: Subscription, count: number): Promise<StoredEvent[]> {
  const events: StoredEvent[] = [];
  if (count === 0) return events;
  for await (const event of subscription) {
    events.push(event);
    if (events.length === count) break;
  }
  return events;
}

/** Iterates a subscription to its end; `caughtUp` resolves once `count` events have arrived. */
function follow(subscription: Subscription, count: number) {
  let reached: () => void = () => undefined;
  const caughtUp = new Promise<void>((resolve) => (reached = resolve));
  const all = (async () => {
    const events: StoredEvent[] = [];
    for await (const event of subscription) {
      events.push(event);
      if (events.length === count) reached();
    }
    return events;
  })();
  return { subscription, caughtUp, all };
}

let dir: TempDir;
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => dir.remove());

describe('subscriptions', () => {
  it('see appends made through the same store at once, without polling', async () => {
    const store = openSqliteEventStore(dir.file('a.gridledger'), { pollIntervalMs: NEVER_POLL });
    const subscription = store.subscribe();
    const seen = take(subscription, 3);
    const appended = makeEvents(3);
    await store.append('dispute-1', appended, { expectedVersion: 'no-stream' });
    expect((await seen).map((e) => e.id)).toEqual(appended.map((e) => e.id));
    await store.close();
  });

  it('see appends made through another connection of this process at once', async () => {
    const file = dir.file('b.gridledger');
    const reader = openSqliteEventStore(file, { pollIntervalMs: NEVER_POLL });
    const writer = openSqliteEventStore(file, { pollIntervalMs: NEVER_POLL });
    const subscription = reader.subscribe({ types: ['VisitConducted'] });
    const seen = take(subscription, 2);
    await writer.append('dispute-1', makeEvents(2), { expectedVersion: 'no-stream' });
    const visits = makeEvents(2, { type: 'VisitConducted' });
    await writer.append('visit-1', visits, { expectedVersion: 'no-stream' });
    expect((await seen).map((e) => e.id)).toEqual(visits.map((e) => e.id));
    await writer.close();
    await reader.close();
  });

  it("see another process's appends by polling", async () => {
    const file = dir.file('c.gridledger');
    const gridledger = openSqlite(file, { pollIntervalMs: 10 });
    await gridledger.events.append('patrol-0', makeEvents(1), { expectedVersion: 'no-stream' });
    const subscription = gridledger.events.subscribe({ streamPrefix: 'patrol-7' });
    const seen = take(subscription, 4);
    const child = startChild('./appendOnce.ts', [file, 'patrol-7', '4']);
    const { ids } = await child.next<{ ids: string[] }>();
    expect((await seen).map((e) => e.id)).toEqual(ids);
    await gridledger.close();
  });

  it('resume strictly after a checkpoint, catching up before going live', async () => {
    const store = openSqliteEventStore(dir.file('d.gridledger'));
    const first = await store.append('dispute-1', makeEvents(600), {
      expectedVersion: 'no-stream',
    });
    const later = makeEvents(5);
    const subscription = store.subscribe({ after: first.position });
    const seen = take(subscription, 5);
    await store.append('dispute-1', later, { expectedVersion: first.streamVersion });
    expect((await seen).map((e) => e.id)).toEqual(later.map((e) => e.id));
    await store.close();
  });

  it('end quietly on close(), on abort, and when the store closes', async () => {
    const store = openSqliteEventStore(dir.file('e.gridledger'), { pollIntervalMs: NEVER_POLL });
    await store.append('dispute-1', makeEvents(2), { expectedVersion: 'no-stream' });

    const closed = follow(store.subscribe(), 2);
    const controller = new AbortController();
    const aborted = follow(store.subscribe({ signal: controller.signal }), 2);
    const orphan = follow(store.subscribe(), 2);
    await Promise.all([closed.caughtUp, aborted.caughtUp, orphan.caughtUp]);
    await closed.subscription.close();
    controller.abort();
    expect(await closed.all).toHaveLength(2);
    expect(await aborted.all).toHaveLength(2);
    await store.close();
    expect(await orphan.all).toHaveLength(2);
  });
});
