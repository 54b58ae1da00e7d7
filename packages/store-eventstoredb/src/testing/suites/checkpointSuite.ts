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
      // The server checkpoints after whole pages, at the page's start: events after the skipped
      // ones keep it looking, so that a checkpoint moves past them.
      const more = await store.append(
        'patrol-1',
        makeEvents(30, { type: 'PatrolObservationLogged' }),
        { expectedVersion: skipped.streamVersion },
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
      expect(
        await settle(() => store.readAll({ after: resumeFrom, types: ['DisputeEscalated'] })),
      ).toEqual([]);

      const wanted = makeEvent({ type: 'DisputeEscalated' });
      await store.append('patrol-1', makeEvents(5, { type: 'PatrolObservationLogged' }), {
        expectedVersion: more.streamVersion,
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

    // Enumerator.AllSubscriptionFiltered.cs: pages begin at (post-position of the last record
    // looked at, 0), and the first page at 0/0; a checkpoint is a page's beginning.
    it('come after whole pages, at positions that may be no event, even 0/0, and round-trip', async () => {
      const store = newStore();
      await store.append('patrol-2', makeEvents(25, { type: 'PatrolObservationLogged' }), {
        expectedVersion: 'no-stream',
      });
      const escalated = makeEvent({ type: 'DisputeEscalated' });
      await store.append('dispute-3', [escalated], { expectedVersion: 'no-stream' });
      await store.append('patrol-2', makeEvents(25, { type: 'PatrolObservationLogged' }), {
        expectedVersion: 24,
      });
      const checkpoints: Position[] = [];
      const reported = condition();
      const subscription = store.subscribe({
        types: ['DisputeEscalated'],
        checkpointInterval: 5,
        onCheckpoint: (position) => {
          checkpoints.push(position);
          reported.notify();
        },
      });
      const delivered: StoredEvent[] = [];
      const consuming = (async () => {
        for await (const event of subscription) delivered.push(event);
      })();
      await reported.until(() => {
        const found = delivered.find((e) => e.id === escalated.id);
        return found !== undefined && checkpoints.some((c) => compare(c, found.position) > 0);
      });
      await subscription.close();
      await consuming;

      // The first page begins at the head of the log and matched nothing there.
      expect(checkpoints[0]).toBe('0/0');
      // An event of a normal append has equal commit and prepare positions; `c/0` is a page start.
      expect(checkpoints.some((c) => /^[1-9][0-9]*\/0$/.test(c))).toBe(true);
      const everyMatch = (await settle(() =>
        store.readAll({ types: ['DisputeEscalated'] }),
      )) as StoredEvent[];
      for (const checkpoint of checkpoints) {
        const after = (await settle(() =>
          store.readAll({ after: checkpoint, types: ['DisputeEscalated'] }),
        )) as StoredEvent[];
        expect(after.map((e) => e.id)).toEqual(
          everyMatch.filter((e) => compare(e.position, checkpoint) > 0).map((e) => e.id),
        );
      }
      const resumed = store.subscribe({ types: ['DisputeEscalated'], after: '0/0' as Position });
      expect((await take(resumed, 1))[0]?.id).toBe(everyMatch[0]?.id);
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
