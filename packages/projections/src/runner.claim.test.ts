// Runners in several processes on one read-model store: when the store can claim a read model,
// only one runner works on it at a time, and a runner whose claim is lost stops and says so.
import { describe, expect, it } from 'vitest';
import {
  isRuleViolation,
  StoreUnavailableError,
  type ReadModelClaim,
  type ReadModelStore,
} from '@gridledger/core';
import { createMemoryEventStore } from '@gridledger/store-memory';
import { createMemoryReadModelStore, createProjectionRunner } from '@gridledger/projections';
import { appendCounts, tally } from './__fixtures__/tally.js';

/** One shared store seen from several "processes", each with its own claims on it. */
function sharedStore(inner: ReadModelStore) {
  const held = new Map<string, AbortController>();
  const viewOf = (): ReadModelStore => ({
    name: inner.name,
    load: (key) => inner.load(key),
    save: (key, record) => inner.save(key, record),
    promote: (from, to) => inner.promote(from, to),
    delete: (key) => inner.delete(key),
    keys: (prefix) => inner.keys(prefix),
    async claim(name): Promise<ReadModelClaim | undefined> {
      if (held.has(name)) return undefined;
      const lost = new AbortController();
      held.set(name, lost);
      return {
        lost: lost.signal,
        async release() {
          if (held.get(name) === lost) held.delete(name);
        },
      };
    },
  });
  /** What a dropped connection does to a claim. */
  const loseClaim = (name: string): void => {
    const claim = held.get(name);
    held.delete(name);
    claim?.abort(new StoreUnavailableError(inner.name, `the claim on '${name}' was lost`));
  };
  return { viewOf, loseClaim, isHeld: (name: string) => held.has(name) };
}

describe('claims across processes', () => {
  it('refuses a second runner while one follows, and lets it run once the first stops', async () => {
    const events = createMemoryEventStore();
    const shared = sharedStore(createMemoryReadModelStore());
    const first = createProjectionRunner({ store: events, readModels: shared.viewOf() });
    const second = createProjectionRunner({ store: events, readModels: shared.viewOf() });
    await appendCounts(events, 'counter-a', 3);

    const controller = new AbortController();
    const following = first.follow(tally, { signal: controller.signal });
    await expect.poll(() => shared.isHeld('tally')).toBe(true);
    // Built and switched in: the first runner is following now (its build lets the loop turn).
    await expect.poll(async () => (await first.read(tally))?.eventsApplied).toBe(3);
    for (const attempt of [second.catchUp, second.rebuild, second.follow]) {
      const refused: unknown = await attempt(tally).catch((error: unknown) => error);
      expect(isRuleViolation(refused)).toBe(true);
      expect(refused).toMatchObject({
        rule: 'projection-already-running',
        details: { projection: 'tally', elsewhere: true },
      });
    }
    controller.abort();
    expect(await following).toMatchObject({ outcome: 'stopped', eventsInModel: 3 });
    expect(shared.isHeld('tally')).toBe(false);

    await appendCounts(events, 'counter-b', 2);
    expect(await second.catchUp(tally)).toMatchObject({ outcome: 'caught-up', eventsApplied: 2 });
    expect((await second.read(tally))?.state.seen).toHaveLength(5);
  });

  it('stops a run whose claim is lost and rejects with the reason, without double-counting', async () => {
    const events = createMemoryEventStore();
    const shared = sharedStore(createMemoryReadModelStore());
    const runner = createProjectionRunner({ store: events, readModels: shared.viewOf() });
    await appendCounts(events, 'counter-a', 4);
    const following = runner.follow(tally, {});
    await expect.poll(async () => (await runner.read(tally))?.eventsApplied).toBe(4);

    shared.loseClaim('tally');
    await expect(following).rejects.toThrow(/the claim on 'tally' was lost/);

    // Another worker takes over from the saved checkpoint: every event counted once.
    const takeover = createProjectionRunner({ store: events, readModels: shared.viewOf() });
    await appendCounts(events, 'counter-b', 1);
    expect(await takeover.catchUp(tally)).toMatchObject({ eventsApplied: 1, eventsInModel: 5 });
    const seen = (await takeover.read(tally))?.state.seen ?? [];
    expect(new Set(seen).size).toBe(5);
    expect(seen).toHaveLength(5);
  });
});
