// Reads and subscriptions of the global log on a shared cluster skip what other services wrote
// (JSON without Gridledger's envelope, binary events, links from user projections): a consumer
// never stops for someone else's event. A store can ask to fail on them instead.
import { randomUUID } from 'node:crypto';
import { isCorruptedEvent, type StoredEvent, type Subscription } from '@gridledger/core';
import { makeEvents } from '@gridledger/store-conformance';
import { describe, expect, it } from 'vitest';
import type { EsdbEventData } from '../../clientLike.js';
import type { StoreTarget } from '../targets.js';
import { settle } from './waiting.js';

/** What a subscription delivers up to and including the event at `last`. */
async function until(subscription: Subscription, last: string): Promise<StoredEvent[]> {
  const events: StoredEvent[] = [];
  for await (const event of subscription) {
    events.push(event);
    if (event.position === last) break;
  }
  return events;
}

const positionsIn = (events: readonly StoredEvent[], namespace: string): string[] =>
  events.filter((e) => e.streamId.includes(namespace)).map((e) => e.position);

export function describeForeignEvents(target: () => StoreTarget): void {
  describe('foreign events in the global log', () => {
    it("skips other services' JSON, binary and link events in the global log, and never stops for them", async () => {
      const client = target().client;
      const whole = target().newStore({ namespace: '' });
      const namespace = target().freshNamespace();
      const store = target().newStore({ namespace });
      const start = await store.append('visit-1', makeEvents(1, { type: 'VisitScheduled' }), {
        expectedVersion: 'no-stream',
      });
      const subscription = whole.subscribe({ after: start.position });
      const visits = whole.subscribe({ after: start.position, types: ['VisitConducted'] });
      const foreign = async (stream: string, event: object): Promise<void> => {
        await client.appendToStream(stream, [event as EsdbEventData], {
          expectedRevision: 'any',
          streamState: 'any',
        });
      };
      // Another service's JSON event, with a type Gridledger uses too.
      await foreign(`crm-${namespace}visit-3`, {
        id: randomUUID(),
        contentType: 'application/json',
        type: 'VisitConducted',
        data: { by: 'the CRM' },
        metadata: { source: 'crm' },
      });
      const ours = await store.append('visit-1', makeEvents(1, { type: 'VisitConducted' }), {
        expectedVersion: 0,
      });
      // A binary event, and a user projection's link to ours.
      await foreign(`photos-${namespace}1`, {
        id: randomUUID(),
        contentType: 'application/octet-stream',
        type: 'PhotoTaken',
        data: Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]),
        metadata: Uint8Array.from([1, 2, 3]),
      });
      await foreign(`visits-by-officer-${namespace}jiang`, {
        id: randomUUID(),
        contentType: 'application/octet-stream',
        type: '$>',
        data: Buffer.from(`1@${namespace}visit-1`),
      });
      await foreign(`crm-${namespace}visit-3`, {
        id: randomUUID(),
        contentType: 'application/json',
        type: 'NoteAdded',
        data: 'plain text, JSON all the same',
      });
      const closed = await store.append('visit-1', makeEvents(1, { type: 'VisitClosed' }), {
        expectedVersion: 1,
      });

      // On a shared server other writers may be busy too: only what this test wrote counts.
      expect(positionsIn(await until(subscription, closed.position), namespace)).toEqual([
        ours.position,
        closed.position,
      ]);
      expect(positionsIn(await until(visits, ours.position), namespace)).toEqual([ours.position]);
      const read = (await settle(() => whole.readAll({ after: start.position }))) as StoredEvent[];
      expect(positionsIn(read, namespace)).toEqual([ours.position, closed.position]);
      const limited = (await settle(() =>
        store.readAll({ after: start.position, types: ['VisitConducted'], limit: 1 }),
      )) as StoredEvent[];
      expect(limited.map((e) => e.position)).toEqual([ours.position]);

      // A store that wants to know fails on the first foreign event instead.
      const strict = target().newStore({ namespace: '', foreignEvents: 'fail' });
      const refused = await settle(() =>
        strict.readAll({ after: start.position, streamPrefix: `crm-${namespace}` }),
      );
      expect(isCorruptedEvent(refused)).toBe(true);
      expect(refused).toMatchObject({ streamId: `crm-${namespace}visit-3`, reason: 'unreadable' });
      await subscription.close();
      await visits.close();
      await Promise.all([store.close(), whole.close(), strict.close()]);
    });
  });
}
