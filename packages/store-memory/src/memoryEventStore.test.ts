// What the memory store does beyond the shared contract: frozen, copied storage; its exact
// JSON rules; its position format; and the type index behind filtered reads.
import {
  isStoreUnavailable,
  isValidationError,
  type EventToAppend,
  type Position,
  type StoredEvent,
} from '@gridledger/core';
import { MAX_JSON_DEPTH } from '@gridledger/core/store';
import { describe, expect, it } from 'vitest';
import { createMemoryEventStore } from './index.js';

let counter = 0;
function event(type: string, ...given: [data?: unknown]): EventToAppend {
  counter++;
  const data = given.length > 0 ? given[0] : {};
  return {
    id: `01JTEST${String(counter).padStart(19, '0')}`,
    type,
    schemaVersion: 1,
    data,
    metadata: {
      actor: { id: 'officer-jiang', role: 'community-police-officer' },
      occurredAt: '2024-07-01T09:00:00.000Z',
      recordedAt: '2024-07-01T09:00:01.000Z',
      correlationId: `corr-${counter}`,
      prevHash: null,
      hash: `hash-${counter}`,
    },
  };
}

async function collect(read: () => AsyncIterable<StoredEvent>): Promise<StoredEvent[]> {
  const out: StoredEvent[] = [];
  for await (const e of read()) out.push(e);
  return out;
}

describe('memory store storage', () => {
  it('keeps its own copy: mutating the appended input changes nothing stored', async () => {
    const store = createMemoryEventStore();
    const data = { parties: [{ name: 'Xu' }], deposit: 1500 };
    const input = event('DisputeReported', data);
    await store.append('dispute-1', [input], { expectedVersion: 'no-stream' });
    data.parties[0]!.name = 'Shang';
    data.deposit = 0;
    (input.metadata.actor as { id: string }).id = 'someone-else';
    const [stored] = await collect(() => store.readStream('dispute-1'));
    expect(stored!.data).toEqual({ parties: [{ name: 'Xu' }], deposit: 1500 });
    expect(stored!.metadata.actor.id).toBe('officer-jiang');
  });

  it('hands out deeply frozen events, so a reader cannot rewrite history', async () => {
    const store = createMemoryEventStore();
    await store.append('dispute-1', [event('DisputeReported', { parties: [{ name: 'Xu' }] })], {
      expectedVersion: 'any',
    });
    const [stored] = await collect(() => store.readAll());
    const data = stored!.data as { parties: { name: string }[] };
    expect(Object.isFrozen(stored)).toBe(true);
    expect(Object.isFrozen(stored!.metadata.actor)).toBe(true);
    expect(() => {
      data.parties[0]!.name = 'Shang';
    }).toThrow(TypeError);
    expect(() => data.parties.push({ name: 'Shang' })).toThrow(TypeError);
    const [again] = await collect(() => store.readStream('dispute-1'));
    expect(again!.data).toEqual({ parties: [{ name: 'Xu' }] });
  });

  it('stores -0 as 0 and a "__proto__" key as an ordinary property, as JSON stores do', async () => {
    const store = createMemoryEventStore();
    const data = JSON.parse('{"__proto__": {"polluted": true}, "delta": 0}') as object;
    (data as { delta: number }).delta = -0;
    await store.append('s', [event('T', data)], { expectedVersion: 'any' });
    const [stored] = await collect(() => store.readAll());
    expect(Object.is((stored!.data as { delta: number }).delta, 0)).toBe(true);
    expect(Object.getPrototypeOf(stored!.data)).toBe(Object.prototype);
    expect(JSON.stringify(stored!.data)).toBe('{"__proto__":{"polluted":true},"delta":0}');
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it.each([
    ['a function', { notify: () => 1 }, 'events.0.data.notify'],
    ['undefined in an array', { grids: ['g1', undefined] }, 'events.0.data.grids.1'],
    ['undefined as the whole data', undefined, 'events.0.data'],
    ['NaN', { rate: [0.98, NaN] }, 'events.0.data.rate.1'],
    ['Infinity', { rate: Infinity }, 'events.0.data.rate'],
    ['a Date', { at: new Date(0) }, 'events.0.data.at'],
    ['a Map', { grids: new Map() }, 'events.0.data.grids'],
    ['a bigint', { big: 1n }, 'events.0.data.big'],
    ['a sparse array hole', { list: new Array<number>(3).fill(1, 0, 1) }, 'events.0.data.list.1'],
    ['a class instance', { x: new (class Banner {})() }, 'events.0.data.x'],
  ])('rejects %s in data with a ValidationError naming the path', async (_, data, path) => {
    const store = createMemoryEventStore();
    const error: unknown = await store
      .append('s', [event('T', data)], { expectedVersion: 'any' })
      .catch((e: unknown) => e);
    expect(isValidationError(error)).toBe(true);
    expect(isValidationError(error) && error.issues.map((i) => i.path)).toContain(path);
    expect(await store.countEvents!()).toBe(0);
  });

  it('leaves out properties whose value is undefined, as JSON and the canonical hash do', async () => {
    const store = createMemoryEventStore();
    await store.append('s', [event('T', { grid: 'g7', notes: undefined })], {
      expectedVersion: 'any',
    });
    const [stored] = await collect(() => store.readAll());
    expect(stored!.data).toStrictEqual({ grid: 'g7' });
  });

  it('rejects circular data without overflowing the stack', async () => {
    const store = createMemoryEventStore();
    const data: Record<string, unknown> = { a: { b: {} } };
    (data['a'] as { b: Record<string, unknown> }).b['back'] = data;
    await expect(
      store.append('s', [event('T', data)], { expectedVersion: 'any' }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [{ path: 'events.0.data.a.b.back', message: 'circular reference' }],
    });
  });

  it('refuses a cycle through an array, and nesting past the kit depth limit', async () => {
    const store = createMemoryEventStore();
    const terms: unknown[] = [];
    terms.push({ who: 'Shang', then: terms });
    await expect(
      store.append('s', [event('T', { terms })], { expectedVersion: 'any' }),
    ).rejects.toMatchObject({
      issues: [{ path: 'events.0.data.terms.0.then', message: 'circular reference' }],
    });
    const nest = (depth: number): unknown => (depth === 0 ? 'leaf' : { n: nest(depth - 1) });
    await store.append('s', [event('T', nest(MAX_JSON_DEPTH))], { expectedVersion: 'any' });
    await expect(
      store.append('s', [event('T', nest(MAX_JSON_DEPTH + 1))], { expectedVersion: 'any' }),
    ).rejects.toMatchObject({
      issues: [{ message: `nested more than ${MAX_JSON_DEPTH} levels deep` }],
    });
  });

  it('accepts shared (non-circular) sub-objects and stores each occurrence', async () => {
    const store = createMemoryEventStore();
    const party = { name: 'Xu' };
    await store.append('s', [event('T', { from: party, to: party })], { expectedVersion: 'any' });
    const [stored] = await collect(() => store.readAll());
    expect(stored!.data).toEqual({ from: { name: 'Xu' }, to: { name: 'Xu' } });
  });
});

describe('memory store positions', () => {
  it('issues the 1-based decimal global sequence', async () => {
    const store = createMemoryEventStore();
    const first = await store.append('a', [event('T'), event('T')], { expectedVersion: 'any' });
    const result = await store.append('b', [event('T')], { expectedVersion: 'any' });
    expect(first.positions).toEqual(['1', '2']);
    expect(result.position).toBe('3');
    expect(result.positions).toEqual(['3']);
    expect((await collect(() => store.readAll())).map((e) => e.position)).toEqual(['1', '2', '3']);
  });

  it.each(['0', '01', '4', '1e2', ' 1', 'C:1/P:1'])(
    'rejects position %j, which it never issued',
    async (after) => {
      const store = createMemoryEventStore();
      await store.append('a', [event('T'), event('T'), event('T')], { expectedVersion: 'any' });
      await expect(collect(() => store.readAll({ after: after as Position }))).rejects.toSatisfy(
        isValidationError,
      );
      await expect(store.countEvents!({ after: after as Position })).rejects.toSatisfy(
        isValidationError,
      );
    },
  );
});

describe('memory store type index', () => {
  it('merges several type filters in commit order and picks up types first seen later', async () => {
    const store = createMemoryEventStore();
    await store.append('a', [event('A'), event('B'), event('C')], { expectedVersion: 'any' });
    const sub = store.subscribe({ types: ['C', 'D', 'A'] });
    const iterator = sub[Symbol.asyncIterator]();
    expect((await iterator.next()).value?.type).toBe('A');
    expect((await iterator.next()).value?.type).toBe('C');
    await store.append('b', [event('D'), event('B'), event('A')], { expectedVersion: 'any' });
    expect((await iterator.next()).value?.type).toBe('D');
    expect((await iterator.next()).value?.type).toBe('A');
    await sub.close();
    expect((await iterator.next()).done).toBe(true);
    expect(await store.countEvents!({ types: ['A', 'A', 'D'] })).toBe(3);
  });
});

describe('memory store close', () => {
  it('refuses appends and reads once closed', async () => {
    const store = createMemoryEventStore({ name: 'memory:test' });
    await store.append('a', [event('T')], { expectedVersion: 'any' });
    await store.close();
    await expect(store.append('a', [event('T')], { expectedVersion: 'any' })).rejects.toSatisfy(
      isStoreUnavailable,
    );
    await expect(collect(() => store.readStream('a'))).rejects.toThrow(/memory:test/);
  });
});
