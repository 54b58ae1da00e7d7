// How the memory store keeps its footprint small without giving up its own frozen copies: one
// shared actor object per distinct actor, and reads the kernel can pull without a promise.
import {
  isStreamNotFound,
  isValidationError,
  type EventToAppend,
  type StoredEvent,
} from '@gridledger/core';
import { isSyncRead, type SyncRead } from '@gridledger/core/store';
import { describe, expect, it } from 'vitest';
import { createMemoryEventStore } from './index.js';

let counter = 0;
function event(actor: unknown, extra: Record<string, unknown> = {}): EventToAppend {
  counter++;
  return {
    id: `01JPOOL${String(counter).padStart(19, '0')}`,
    type: 'VisitRecorded',
    schemaVersion: 1,
    data: { household: `h-${counter}` },
    metadata: {
      actor,
      occurredAt: '2024-07-01T09:00:00.000Z',
      recordedAt: '2024-07-01T09:00:01.000Z',
      correlationId: `corr-${counter}`,
      prevHash: null,
      hash: `hash-${counter}`,
      ...extra,
    },
  } as EventToAppend;
}

async function all(store: ReturnType<typeof createMemoryEventStore>): Promise<StoredEvent[]> {
  const out: StoredEvent[] = [];
  for await (const e of store.readAll()) out.push(e);
  return out;
}

describe('memory store sharing', () => {
  it('shares one frozen actor among events by the same actor, and no more', async () => {
    const store = createMemoryEventStore();
    const jiang = { id: 'officer-jiang', role: 'community-police-officer' };
    await store.append('visit-1', [event(jiang), event({ ...jiang })], { expectedVersion: 'any' });
    jiang.role = 'mediator';
    await store.append('visit-2', [event(jiang)], { expectedVersion: 'any' });
    await store.append(
      'visit-3',
      [event({ id: 'officer-jiang', role: 'mediator', name: 'Jiang' })],
      {
        expectedVersion: 'any',
      },
    );
    const [a, b, c, d] = (await all(store)).map((e) => e.metadata.actor);
    expect(a).toBe(b);
    expect(a).toEqual({ id: 'officer-jiang', role: 'community-police-officer' });
    expect(c).toEqual({ id: 'officer-jiang', role: 'mediator' });
    expect(c).not.toBe(a);
    expect(d).toEqual({ id: 'officer-jiang', role: 'mediator', name: 'Jiang' });
    expect(Object.isFrozen(a) && Object.isFrozen(d)).toBe(true);
  });

  it('copies an actor with extra fields like any other value, and still refuses bad metadata', async () => {
    const store = createMemoryEventStore();
    const grid = { id: 'gw-li', role: 'grid-worker', shift: { from: 'am' } };
    await store.append('visit-1', [event(grid), event(grid)], { expectedVersion: 'any' });
    const [a, b] = (await all(store)).map((e) => e.metadata.actor);
    expect(a).toEqual(grid);
    expect(a).not.toBe(b);
    expect(Object.isFrozen((a as unknown as typeof grid).shift)).toBe(true);

    const bad = event({ id: 'gw-li', role: 'grid-worker' }, { note: () => 'no' });
    const error = await store
      .append('visit-2', [bad], { expectedVersion: 'any' })
      .catch((e: unknown) => e);
    expect(isValidationError(error)).toBe(true);
    expect(JSON.stringify(error)).toContain('events.0.metadata.note');
  });

  it('offers its reads as synchronous pulls that give what iterating gives', async () => {
    const store = createMemoryEventStore();
    const actor = { id: 'officer-jiang', role: 'community-police-officer' };
    await store.append('visit-1', [event(actor), event(actor)], { expectedVersion: 'any' });
    const read = store.readStream('visit-1', { direction: 'backwards' });
    expect(isSyncRead(read)).toBe(true);
    const pull = (read as SyncRead).openSync();
    const pulled = [pull(), pull(), pull()];
    expect(pulled.map((e) => e?.streamVersion)).toEqual([1, 0, undefined]);
    let missing: unknown;
    try {
      (store.readStream('visit-none') as SyncRead).openSync();
    } catch (error) {
      missing = error;
    }
    expect(isStreamNotFound(missing)).toBe(true);
  });
});
