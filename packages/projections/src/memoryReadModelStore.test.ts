import { describe, expect, it } from 'vitest';
import { isValidationError, type Position, type ReadModelRecord } from '@gridledger/core';
import { createMemoryReadModelStore } from '@gridledger/projections';

const record = <S>(state: S, checkpoint?: string): ReadModelRecord<S> => ({
  state,
  checkpoint: checkpoint as Position | undefined,
  projectionVersion: 1,
  eventsApplied: 3,
  updatedAt: '2026-08-31T16:00:00.000Z',
});

describe('the memory read-model store', () => {
  it('copies on the way in and out, like a store that serialises', async () => {
    const store = createMemoryReadModelStore();
    const state = { byGrid: { 'g-01': [1, 2] } };
    await store.save('m', record(state, '7'));
    state.byGrid['g-01'].push(3);
    const loaded = await store.load<typeof state>('m');
    expect(loaded?.state).toEqual({ byGrid: { 'g-01': [1, 2] } });
    loaded!.state.byGrid['g-01'].push(9);
    expect((await store.load<typeof state>('m'))?.state.byGrid['g-01']).toEqual([1, 2]);
    expect(loaded?.checkpoint).toBe('7');
    expect(store.saves).toBe(1);
  });

  it('refuses state JSON cannot carry, naming the path, and keeps what was saved', async () => {
    const store = createMemoryReadModelStore();
    await store.save('m', record({ n: 1 }));
    const bad: [unknown, string][] = [
      [{ at: new Date() }, 'state.at'],
      [{ grids: new Map() }, 'state.grids'],
      [{ rates: [0.5, NaN] }, 'state.rates[1]'],
      [{ list: [1, undefined] }, 'state.list[1]'],
      [{ big: 1n }, 'state.big'],
    ];
    for (const [state, path] of bad) {
      try {
        await store.save('m', record(state));
        expect.unreachable();
      } catch (e) {
        expect(isValidationError(e)).toBe(true);
        expect((e as { issues: { path: string }[] }).issues[0]?.path).toBe(path);
      }
    }
    expect((await store.load('m'))?.state).toEqual({ n: 1 });
  });

  it('refuses a record with a broken version or count', async () => {
    const store = createMemoryReadModelStore();
    await expect(store.save('m', { ...record({}), projectionVersion: 0 })).rejects.toThrow(
      /projectionVersion: must be a whole number ≥ 1/,
    );
    await expect(store.save('m', { ...record({}), eventsApplied: -1 })).rejects.toThrow(
      /eventsApplied/,
    );
    await expect(store.save('', record({}))).rejects.toThrow(/key/);
  });

  it('keeps a __proto__ key as data', async () => {
    const store = createMemoryReadModelStore();
    const state = JSON.parse('{"__proto__": {"x": 1}}') as Record<string, unknown>;
    await store.save('m', record(state));
    const loaded = await store.load<Record<string, unknown>>('m');
    expect(Object.keys(loaded!.state)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(loaded!.state)).toBe(Object.prototype);
  });

  it('promotes a copy over the live key and lists keys by prefix', async () => {
    const store = createMemoryReadModelStore();
    await store.save('rate', record({ v: 'old' }));
    await store.save('rate@v2#rebuild', record({ v: 'new' }));
    await store.save('other', record({}));
    expect(await store.keys('rate')).toEqual(['rate', 'rate@v2#rebuild']);
    await store.promote('rate@v2#rebuild', 'rate');
    expect((await store.load('rate'))?.state).toEqual({ v: 'new' });
    expect(await store.keys()).toEqual(['other', 'rate']);
    await expect(store.promote('missing', 'rate')).rejects.toThrow(
      /no read model is saved under 'missing'/,
    );
    await store.delete('rate');
    expect(await store.load('rate')).toBeUndefined();
  });
});
