// A store spanning the whole cluster (no namespace) sees only Gridledger events: system streams
// (`$…`, `$$…` metadata) and system events (`$…` types) are skipped by reads and subscriptions,
// and an event written by another tool into a Gridledger stream is reported as unreadable when
// that stream is read, never misread.
import { isCorruptedEvent } from '@gridledger/core';
import { makeEvents } from '@gridledger/store-conformance';
import { describe, expect, it } from 'vitest';
import type { EventStoreDbDouble } from '../server.js';
import type { StoreTarget } from '../targets.js';
import { settle, take } from './waiting.js';

/** Over the double only: the test writes system events the way the node itself does. */
export function describeSystemEvents(target: () => StoreTarget): void {
  describe('system streams and foreign events', () => {
    it('skips system streams and events in reads and subscriptions of the whole cluster', async () => {
      const double = target().double as EventStoreDbDouble;
      const whole = target().newStore({ namespace: '' });
      const namespace = target().freshNamespace();
      const store = target().newStore({ namespace });
      double.database.writeSystem('$stats-127.0.0.1:2113', '$statsCollected', { 'proc-cpu': 0.7 });
      await store.append('visit-1', makeEvents(2, { type: 'VisitConducted' }), {
        expectedVersion: 'no-stream',
      });
      // System streams may carry ordinary-looking types; user streams may carry system events.
      double.database.writeSystem('$projections-visits', 'VisitConducted', { state: {} });
      double.database.writeSystem(`$$${namespace}visit-1`, '$metadata', { $maxAge: 3600 });
      double.database.writeSystem(`${namespace}visit-1`, '$>', { link: true });

      const visits = (await settle(() => whole.readAll({ types: ['VisitConducted'] }))) as {
        streamId: string;
      }[];
      expect(visits.some((e) => e.streamId.startsWith('$'))).toBe(false);
      expect(visits.filter((e) => e.streamId === `${namespace}visit-1`)).toHaveLength(2);
      const mine = (await settle(() => store.readStream('visit-1'))) as { type: string }[];
      expect(mine.map((e) => e.type)).toEqual(['VisitConducted', 'VisitConducted']);

      const subscription = store.subscribe();
      await store.append('visit-1', makeEvents(1, { type: 'VisitClosed' }), { expectedVersion: 2 });
      expect((await take(subscription, 3)).map((e) => e.type)).toEqual([
        'VisitConducted',
        'VisitConducted',
        'VisitClosed',
      ]);
      await store.close();
      await whole.close();
    });

    it('reports an event written by another tool as corrupted (unreadable), naming it', async () => {
      const namespace = target().freshNamespace();
      const store = target().newStore({ namespace });
      await target().client.appendToStream(
        `${namespace}dispute-7`,
        [
          {
            id: '6a1f0b8e-5d0c-4f4e-9a55-3f0c2a1b9d7e',
            contentType: 'application/json',
            type: 'SomethingElse',
            data: { from: 'another application' },
            metadata: { source: 'not gridledger' },
          },
        ],
        { expectedRevision: 'no_stream', streamState: 'no_stream' },
      );
      const outcome = await settle(() => store.readStream('dispute-7'));
      expect(isCorruptedEvent(outcome)).toBe(true);
      expect(outcome).toMatchObject({
        streamId: 'dispute-7',
        streamVersion: 0,
        reason: 'unreadable',
      });
      await store.close();
    });
  });
}
