// The kernel tests' own store keeps the port's promises the kernel relies on: exact versions,
// all-or-nothing appends of frozen copies, reads both ways, filtered global reads that resume
// after a position, and subscriptions that catch up and then follow live appends.
import { describe, expect, it } from 'vitest';
import {
  isConcurrencyConflict,
  isStoreUnavailable,
  isStreamNotFound,
  isValidationError,
  type EventToAppend,
  type Position,
} from '@gridledger/core';
import { isSyncRead } from '@gridledger/core/store';
import { createMemoryEventStore } from './memoryStore.js';

let n = 0;
const event = (type: string, data: Record<string, unknown> = {}): EventToAppend => ({
  id: `01J0000000000000000000${String(n++).padStart(4, '0')}`,
  type,
  schemaVersion: 1,
  data,
  metadata: {
    actor: { id: 'u-1', role: 'tester' },
    occurredAt: '2026-01-01T00:00:00.000Z',
    recordedAt: '2026-01-01T00:00:00.000Z',
    correlationId: 'c-1',
    hash: `h-${n}`,
    prevHash: null,
  },
});

async function collect<T>(events: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const one of events) all.push(one);
  return all;
}

describe('the kernel tests’ memory store', () => {
  it('appends with the exact version and refuses a stale one, writing nothing', async () => {
    const store = createMemoryEventStore();
    const first = await store.append('s-1', [event('A'), event('B')], {
      expectedVersion: 'no-stream',
    });
    expect(first.streamVersion).toBe(1);
    expect(first.positions).toEqual(['1', '2']);
    const stale = await store.append('s-1', [event('C')], { expectedVersion: 0 }).catch((e) => e);
    expect(isConcurrencyConflict(stale)).toBe(true);
    const bad = await store
      .append('s-1', [event('C'), { ...event('D'), data: { n: Number.NaN } }], {
        expectedVersion: 1,
      })
      .catch((e) => e);
    expect(isValidationError(bad)).toBe(true);
    expect((await collect(store.readStream('s-1'))).map((e) => e.type)).toEqual(['A', 'B']);
  });

  it('keeps frozen copies, so neither the caller nor a reader can rewrite history', async () => {
    const store = createMemoryEventStore();
    const data = { text: 'before' };
    await store.append('s-1', [event('A', data)], { expectedVersion: 'any' });
    data.text = 'after';
    const [stored] = await collect(store.readStream('s-1'));
    expect(stored?.data).toEqual({ text: 'before' });
    expect(Object.isFrozen(stored) && Object.isFrozen(stored?.data)).toBe(true);
  });

  it('reads a stream forwards, backwards and by limit, synchronously when asked', async () => {
    const store = createMemoryEventStore();
    await store.append(
      's-1',
      ['A', 'B', 'C'].map((t) => event(t)),
      { expectedVersion: 'any' },
    );
    const types = async (options: object) =>
      (await collect(store.readStream('s-1', options))).map((e) => e.type);
    expect(await types({ fromVersion: 1 })).toEqual(['B', 'C']);
    expect(await types({ direction: 'backwards', limit: 2 })).toEqual(['C', 'B']);
    expect(isSyncRead(store.readStream('s-1'))).toBe(true);
    const missing = await collect(store.readStream('s-2')).catch((e) => e);
    expect(isStreamNotFound(missing)).toBe(true);
  });

  it('reads the global log by type and stream prefix, after a position', async () => {
    const store = createMemoryEventStore();
    await store.append('case-1', [event('A'), event('B')], { expectedVersion: 'any' });
    await store.append('other-1', [event('A')], { expectedVersion: 'any' });
    await store.append('case-2', [event('A')], { expectedVersion: 'any' });
    const read = async (options: object) =>
      (await collect(store.readAll(options))).map((e) => `${e.streamId}:${e.type}`);
    expect(await read({ types: ['A'], streamPrefix: 'case-' })).toEqual(['case-1:A', 'case-2:A']);
    expect(await read({ after: '2' as Position })).toEqual(['other-1:A', 'case-2:A']);
    expect(await store.countEvents?.({ types: ['A'] })).toBe(3);
    const beyond = await collect(store.readAll({ after: '9' as Position })).catch((e) => e);
    expect(isValidationError(beyond)).toBe(true);
  });

  it('subscribes: catches up, follows live appends, and ends on close', async () => {
    const store = createMemoryEventStore();
    await store.append('s-1', [event('A')], { expectedVersion: 'any' });
    const subscription = store.subscribe({ types: ['A', 'C'] });
    const seen: string[] = [];
    const done = (async () => {
      for await (const one of subscription) {
        seen.push(one.type);
        if (seen.length === 2) await subscription.close();
      }
    })();
    await store.append('s-1', [event('B'), event('C')], { expectedVersion: 0 });
    await done;
    expect(seen).toEqual(['A', 'C']);
    await store.close();
    const closed = await store
      .append('s-1', [event('D')], { expectedVersion: 'any' })
      .catch((e) => e);
    expect(isStoreUnavailable(closed)).toBe(true);
  });
});
