import { describe, expect, it } from 'vitest';
import { createMemoryReadModelStore } from '@gridledger/projections';
import { openRebuildPlan, REBUILD_PLAN_KEY } from './plan.js';

const ALL = ['resolution-rate', 'incidence', 'coverage'];
let tick = 0;
const now = () => `2025-09-01T00:00:${String(tick++ % 60).padStart(2, '0')}Z`;

describe('the rebuild plan', () => {
  it('remembers the read models rebuilt until the run is finished', async () => {
    const store = createMemoryReadModelStore();
    const first = await openRebuildPlan(store, ALL, { restart: false, now });
    expect(first.resumed).toBe(false);
    await first.markRebuilt('resolution-rate');

    const second = await openRebuildPlan(store, ALL, { restart: false, now });
    expect(second).toMatchObject({ resumed: true, startedAt: first.startedAt });
    expect(ALL.map((name) => second.wasRebuilt(name))).toEqual([true, false, false]);
    await second.markRebuilt('incidence');
    await second.markRebuilt('coverage');
    await second.finish();
    expect(await store.keys()).toEqual([]);

    const third = await openRebuildPlan(store, ALL, { restart: false, now });
    expect(third.resumed).toBe(false);
    expect(third.wasRebuilt('resolution-rate')).toBe(false);
  });

  it('starts anew for other read models, another order, or when asked to restart', async () => {
    const store = createMemoryReadModelStore();
    await (await openRebuildPlan(store, ALL, { restart: false, now })).markRebuilt('incidence');
    for (const [names, restart] of [
      [['incidence'], false],
      [[...ALL].reverse(), false],
      [ALL, true],
    ] as const) {
      const plan = await openRebuildPlan(store, names, { restart, now });
      expect(plan.resumed).toBe(false);
      expect(plan.wasRebuilt('incidence')).toBe(false);
      await plan.markRebuilt('incidence');
    }
  });

  it('treats a plan it cannot read as none, rather than trusting it', async () => {
    const store = createMemoryReadModelStore();
    await store.save(REBUILD_PLAN_KEY, {
      state: { readModels: ALL, rebuilt: 'all of them', startedAt: 'then' },
      checkpoint: undefined,
      projectionVersion: 1,
      eventsApplied: 0,
      updatedAt: now(),
    });
    const plan = await openRebuildPlan(store, ALL, { restart: false, now });
    expect(plan.resumed).toBe(false);
    expect(plan.wasRebuilt('coverage')).toBe(false);
  });
});
