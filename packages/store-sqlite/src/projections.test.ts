// The SQLite file as the home of projections: the runner from @gridledger/projections reads the
// events and keeps its read models and checkpoints in the same file, across reopening.
import type { DomainEvent } from '@gridledger/core';
import { createProjectionRunner, defineProjection } from '@gridledger/projections';
import { makeEvents } from '@gridledger/store-conformance';
import { openSqlite, type SqliteGridledger } from '@gridledger/store-sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir, type TempDir } from './__fixtures__/temp.js';

type Observation = DomainEvent<'PatrolObservationLogged', { grid: string }>;

const observationsPerGrid = defineProjection<Record<string, number>, Observation>({
  name: 'observations-per-grid',
  version: 1,
  initialState: () => ({}),
  handlers: {
    PatrolObservationLogged: (state, event) => {
      state[event.data.grid] = (state[event.data.grid] ?? 0) + 1;
      return state;
    },
  },
});

const observe = (gridledger: SqliteGridledger, stream: string, grids: string[]) =>
  gridledger.events.append(
    stream,
    makeEvents(grids.length, (i) => ({
      type: 'PatrolObservationLogged',
      data: { grid: grids[i] },
    })),
    { expectedVersion: 'any' },
  );

const runnerOn = (gridledger: SqliteGridledger) =>
  createProjectionRunner({
    store: gridledger.events,
    readModels: gridledger.readModels,
    now: () => '2024-08-31T18:00:00.000Z',
  });

let dir: TempDir;
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => dir.remove());

describe('projections on a SQLite file', () => {
  it('resume from the checkpoint saved in the file, folding only what is new', async () => {
    const file = dir.file('projections.gridledger');
    const first = openSqlite(file);
    await observe(first, 'patrol-1', ['xuzhai-07', 'xuzhai-07', 'xuzhai-08']);
    const built = await runnerOn(first).catchUp(observationsPerGrid);
    expect(built).toMatchObject({ outcome: 'rebuilt', eventsApplied: 3 });
    await observe(first, 'patrol-2', ['xuzhai-08']);
    await first.close();

    const second = openSqlite(file);
    const runner = runnerOn(second);
    const resumed = await runner.catchUp(observationsPerGrid);
    expect(resumed).toMatchObject({ outcome: 'caught-up', eventsApplied: 1, eventsInModel: 4 });
    const model = await runner.read(observationsPerGrid);
    expect(model?.state).toEqual({ 'xuzhai-07': 2, 'xuzhai-08': 2 });

    // A rebuild from position zero, switched in atomically, equals the incremental model.
    expect(await runner.rebuild(observationsPerGrid)).toMatchObject({ outcome: 'rebuilt' });
    expect((await runner.read(observationsPerGrid))?.state).toEqual(model?.state);
    expect(await second.readModels.keys()).toEqual(['observations-per-grid']);
    await second.close();
  });
});
