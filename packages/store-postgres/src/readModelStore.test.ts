// Read models in the same schema as the events: state and checkpoint saved together, promoted
// atomically, kept across reopening, and claimed by one worker at a time.
import {
  isStoreUnavailable,
  isValidationError,
  type Position,
  type ReadModelRecord,
} from '@gridledger/core';
import { makeEvents } from '@gridledger/store-conformance';
import {
  isPostgresUnavailable,
  openPostgres,
  openPostgresReadModelStore,
} from '@gridledger/store-postgres';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  dropSchema,
  freshSchema,
  POSTGRES_URL,
  terminateBackends,
} from './__fixtures__/database.js';

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

let schema: string;
beforeEach(() => {
  schema = freshSchema();
});
afterEach(() => dropSchema(schema));

describe('PostgreSQL read-model store', () => {
  it('saves state and checkpoint together and loads a copy, across reopening', async () => {
    const gridledger = await openPostgres(POSTGRES_URL, { schema });
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

    const reopened = await openPostgresReadModelStore(POSTGRES_URL, { schema });
    expect(await reopened.load('resolution-rate')).toEqual(saved);
    expect(await reopened.load('missing')).toBeUndefined();
    await reopened.close();
  });

  it('keeps an undefined checkpoint undefined', async () => {
    const store = await openPostgresReadModelStore(POSTGRES_URL, { schema });
    await store.save('fresh', record({ accepted: 0, resolved: 0, byGrid: {} }, undefined, 0));
    expect(await store.load('fresh')).toHaveProperty('checkpoint', undefined);
    await store.close();
  });

  it('promotes a rebuilt copy over the live key in one step, and refuses a missing source', async () => {
    const store = await openPostgresReadModelStore(POSTGRES_URL, { schema });
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

  it('lists keys by exact prefix in code-point order, deletes, and refuses bad input naming the field', async () => {
    const store = await openPostgresReadModelStore(POSTGRES_URL, { schema });
    const empty = record({ accepted: 0, resolved: 0, byGrid: {} }, undefined, 0);
    for (const key of [
      'grid/徐宅-08',
      'grid/徐宅-07',
      'grid/other',
      'grid%/x',
      'grid_/y',
      'Grid',
    ]) {
      await store.save(key, empty);
    }
    expect(await store.keys('grid/徐宅')).toEqual(['grid/徐宅-07', 'grid/徐宅-08']);
    expect(await store.keys('grid%')).toEqual(['grid%/x']);
    expect(await store.keys('grid_')).toEqual(['grid_/y']);
    expect(await store.keys()).toEqual([
      'Grid',
      'grid%/x',
      'grid/other',
      'grid/徐宅-07',
      'grid/徐宅-08',
      'grid_/y',
    ]);
    await store.delete('grid/other');
    await store.delete('never-saved');
    expect(await store.keys('grid/')).toEqual(['grid/徐宅-07', 'grid/徐宅-08']);

    const bad = await store
      .save('x', { ...empty, state: { when: new Date(0) }, eventsApplied: -1 })
      .catch((e: unknown) => e);
    expect(isValidationError(bad)).toBe(true);
    expect(bad).toMatchObject({ issues: [{ path: 'state.when' }, { path: 'eventsApplied' }] });
    const nul = await store.save('a\u0000b', empty).catch((e: unknown) => e);
    expect(nul).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'key' }] });
    expect(await store.load('x')).toBeUndefined();
    await store.close();
  });

  it('lets one worker claim a read model at a time; a claim dies with its connection', async () => {
    const name = `claims-${schema}`;
    const north = await openPostgresReadModelStore(POSTGRES_URL, { schema, applicationName: name });
    const south = await openPostgresReadModelStore(POSTGRES_URL, { schema });
    const claim = await north.claim('resolution-rate');
    expect(claim).toBeDefined();
    expect(await south.claim('resolution-rate')).toBeUndefined();
    // Another read model, or the same name in another schema, is free.
    const other = await south.claim('coverage');
    expect(other).toBeDefined();
    await other!.release();

    await claim!.release();
    const again = await south.claim('resolution-rate');
    expect(again).toBeDefined();
    await again!.release();

    const held = await north.claim('resolution-rate');
    expect(await terminateBackends(name)).toBeGreaterThan(0);
    await expect.poll(() => held!.lost.aborted).toBe(true);
    expect(isStoreUnavailable(held!.lost.reason)).toBe(true);
    expect(isPostgresUnavailable(held!.lost.reason) && held!.lost.reason.reason).toBe(
      'connection-lost',
    );
    // The server let go of the lock with the connection: the other worker may take it.
    const takeover = await south.claim('resolution-rate');
    expect(takeover).toBeDefined();
    await takeover!.release();
    await north.close();
    await south.close();
  });
});
