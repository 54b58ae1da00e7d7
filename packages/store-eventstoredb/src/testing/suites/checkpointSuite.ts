// Subscriptions whose filter rarely matches: the server's checkpoints still reach the consumer,
// in order with the events, and resuming from one neither skips nor repeats an event.
import type { Position, StoredEvent } from '@gridledger/core';
import { makeEvent, makeEvents } from '@gridledger/store-conformance';
import { describe, expect, it } from 'vitest';
import { comparePositions, decodePosition } from '../../position.js';
import type { StoreTarget } from '../targets.js';
import { condition, settle, take } from './waiting.js';

/** Orders two positions this adapter issued (tests may look inside; callers may not). */
const compare = (a: Position, b: Position): number =>
  comparePositions(decodePosition(a, 'test'), decodePosition(b, 'test'));

/**
 * `wholeCluster`: stores without a namespace, so the server filters on the event types (with a
 * namespace it filters on that, and the types are checked on this side); give it a target of
 * its own, as such a store sees every event on the server.
 */
export function describeCheckpoints(target: () => StoreTarget, wholeCluster = false): void {
  const newStore = () => target().newStore(wholeCluster ? { namespace: '' } : {});
  describe(`checkpoints of a rarely matching subscription${wholeCluster ? ' (whole cluster)' : ''}`, () => {
    it('advance past the events the filter skipped, and resuming from one loses nothing', async () => {
      const store = newStore();
      const skipped = await store.append(
        'patrol-1',
        makeEvents(120, { type: 'PatrolObservationLogged' }),
        {
          expectedVersion: 'no-stream',
        },
      );
      const checkpoints: Position[] = [];
      const reported = condition();
      const subscription = store.subscribe({
        types: ['DisputeEscalated'],
        checkpointInterval: 10,
        onCheckpoint: (position) => {
          checkpoints.push(position);
          reported.notify();
        },
      });
      const iteration = take(subscription, 1);
      // Nothing matched, yet the checkpoints moved, one after another, past every skipped event.
      await reported.until(() => {
        const last = checkpoints.at(-1);
        return last !== undefined && compare(last, skipped.position) >= 0;
      });
      expect(checkpoints.length).toBeGreaterThan(5);
      for (let i = 1; i < checkpoints.length; i++) {
        expect(compare(checkpoints[i - 1] as Position, checkpoints[i] as Position)).toBe(-1);
      }
      const resumeFrom = checkpoints.at(-1) as Position;
      expect(await settle(() => store.readAll({ after: resumeFrom }))).toEqual([]);

      const wanted = makeEvent({ type: 'DisputeEscalated' });
      await store.append('patrol-1', makeEvents(30, { type: 'PatrolObservationLogged' }), {
        expectedVersion: skipped.streamVersion,
      });
      await store.append('dispute-1', [wanted], { expectedVersion: 'no-stream' });
      expect((await iteration).map((e) => e.id)).toEqual([wanted.id]);
      await subscription.close();

      // A consumer that saved the checkpoint gets the next match, once, and then what follows.
      const resumed = store.subscribe({ types: ['DisputeEscalated'], after: resumeFrom });
      const later = makeEvent({ type: 'DisputeEscalated' });
      await store.append('dispute-2', [later], { expectedVersion: 'no-stream' });
      expect((await take(resumed, 2)).map((e) => e.id)).toEqual([wanted.id, later.id]);
      await resumed.close();
      await store.close();
    });

    it('reach the consumer only after every event before them was consumed', async () => {
      const store = newStore();
      for (let i = 0; i < 60; i++) {
        const type = i % 7 === 0 ? 'DisputeEscalated' : 'VisitConducted';
        await store.append(`visit-${i % 3}`, [makeEvent({ type })], { expectedVersion: 'any' });
      }
      const wanted = (await settle(() =>
        store.readAll({ types: ['DisputeEscalated'] }),
      )) as StoredEvent[];
      let consumed = 0;
      const seenAt: { position: Position; consumed: number }[] = [];
      const subscription = store.subscribe({
        types: ['DisputeEscalated'],
        checkpointInterval: 4,
        onCheckpoint: (position) => void seenAt.push({ position, consumed }),
      });
      for await (const event of subscription) {
        // Slow work per event, so the client buffers what the server sends meanwhile.
        await new Promise((resolve) => setImmediate(resolve));
        consumed++;
        if (event.id === wanted.at(-1)?.id) break;
      }
      await subscription.close();
      expect(consumed).toBe(wanted.length);
      expect(seenAt.some((c) => c.consumed > 0 && c.consumed < wanted.length)).toBe(true);
      for (const checkpoint of seenAt) {
        const atOrBefore = wanted.filter((e) => compare(e.position, checkpoint.position) <= 0);
        expect(atOrBefore.length).toBeLessThanOrEqual(checkpoint.consumed);
      }
      await store.close();
    });
  });
}
