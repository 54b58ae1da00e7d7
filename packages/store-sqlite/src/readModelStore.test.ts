// Read models in the same file as the events: state and checkpoint saved together, promoted
// atomically, kept across reopening.
import { isValidationError, type Position, type ReadModelRecord } from '@gridledger/core';
import { makeEvents } from '@gridledger/store-conformance';
import { openSqlite, openSqliteReadModelStore } from '@gridledger/store-sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir, type TempDir } from './__fixtures__/temp.js';

interface ResolutionRate {
  readonly accepted: number;
  readonly resolved: number;
  readonly byGrid: Record<string, number>;
}

const record = (
  state: ResolutionRate,
  checkpoint: Position | undefined,
  eventsApplied: number,
): ReadModelRecord<ResolutionRate> => ({
  state,
  checkpoint,
  projectionVersion: 2,
  eventsApplied,
  updatedAt: '2024-08-31T18:00:00.000Z',
});

let dir: TempDir;
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => dir.remove());

describe('SQLite read-model store', () => {
  it('saves state and checkpoint together and loads a copy, across reopening', async () => {
    const file = dir.file('models.gridledger');
    const gridledger = openSqlite(file);
    const appended = await gridledger.events.append('dispute-1', makeEvents(3), {
      expectedVersion: 'no-stream',
    });
    const saved = record(
      { accepted: 50, resolved: 49, byGrid: { '徐宅-07': 3 } },
      appended.position,
      3,
    );
    await gridledger.readModels.save('resolution-rate', saved);
    const loaded = await gridledger.readModels.load<ResolutionRate>('resolution-rate');
    expect(loaded).toEqual(saved);
    loaded!.state.byGrid['徐宅-07'] = 99;
    expect(await gridledger.readModels.load('resolution-rate')).toEqual(saved);
    await gridledger.close();

    const reopened = openSqliteReadModelStore(file);
    expect(await reopened.load('resolution-rate')).toEqual(saved);
    expect(await reopened.load('missing')).toBeUndefined();
    await reopened.close();
  });

  it('keeps an undefined checkpoint undefined', async () => {
    const store = openSqliteReadModelStore(dir.file('a.gridledger'));
    await store.save('fresh', record({ accepted: 0, resolved: 0, byGrid: {} }, undefined, 0));
    const loaded = await store.load('fresh');
    expect(loaded).toHaveProperty('checkpoint', undefined);
    await store.close();
  });

  it('promotes a rebuilt copy over the live key in one step, and refuses a missing source', async () => {
    const store = openSqliteReadModelStore(dir.file('b.gridledger'));
    const live = record({ accepted: 10, resolved: 9, byGrid: {} }, undefined, 10);
    const rebuilt = record({ accepted: 12, resolved: 12, byGrid: {} }, undefined, 12);
    await store.save('resolution-rate', live);
    await store.save('resolution-rate@rebuild', rebuilt);
    await store.promote('resolution-rate@rebuild', 'resolution-rate');
    expect(await store.load('resolution-rate')).toEqual(rebuilt);
    expect(await store.load('resolution-rate@rebuild')).toBeUndefined();

    const error = await store.promote('nothing-here', 'resolution-rate').catch((e: unknown) => e);
    expect(isValidationError(error)).toBe(true);
    expect(error).toMatchObject({ issues: [{ path: 'from' }] });
    expect(await store.load('resolution-rate')).toEqual(rebuilt);
    await store.close();
  });

  it('lists keys by exact prefix, deletes, and refuses bad input naming the field', async () => {
    const store = openSqliteReadModelStore(dir.file('c.gridledger'));
    const empty = record({ accepted: 0, resolved: 0, byGrid: {} }, undefined, 0);
    for (const key of ['grid/徐宅-07', 'grid/徐宅-08', 'grid/other', 'grid%/x', 'community']) {
      await store.save(key, empty);
    }
    expect(await store.keys('grid/徐宅')).toEqual(['grid/徐宅-07', 'grid/徐宅-08']);
    expect(await store.keys('grid%')).toEqual(['grid%/x']);
    expect(await store.keys()).toHaveLength(5);
    await store.delete('grid/other');
    await store.delete('never-saved');
    expect(await store.keys('grid/')).toEqual(['grid/徐宅-07', 'grid/徐宅-08']);

    const bad = await store
      .save('x', { ...empty, state: { when: new Date(0) }, eventsApplied: -1 })
      .catch((e: unknown) => e);
    expect(isValidationError(bad)).toBe(true);
    expect(bad).toMatchObject({ issues: [{ path: 'state.when' }, { path: 'eventsApplied' }] });
    expect(await store.load('x')).toBeUndefined();
    await store.close();
  });
});
