// The double itself, through the real client: protocol paths the adapter does not take but a
// server offers (stream subscriptions, stream metadata, backwards reads of $all, structured ids).
import { makeEvents } from '@gridledger/store-conformance';
import { describe, expect, it } from 'vitest';
import type { EsdbResolvedEventLike } from '../../clientLike.js';
import { uuidMessage, uuidText } from '../messages.js';
import { loadProtocol } from '../protocol.js';
import type { StoreTarget } from '../targets.js';
import { settle } from './waiting.js';

async function first(
  iterable: AsyncIterable<EsdbResolvedEventLike>,
  count: number,
): Promise<EsdbResolvedEventLike[]> {
  const taken: EsdbResolvedEventLike[] = [];
  for await (const resolved of iterable) {
    taken.push(resolved);
    if (taken.length === count) break;
  }
  return taken;
}

export function describeDouble(target: () => StoreTarget): void {
  describe('the double, through the client', () => {
    it('serves subscriptions to one stream: history, then live events', async () => {
      const namespace = target().freshNamespace();
      const store = target().newStore({ namespace });
      await store.append('patrol-1', makeEvents(2), { expectedVersion: 'no-stream' });
      await store.append('patrol-2', makeEvents(1), { expectedVersion: 'no-stream' });
      const subscription = target().client.subscribeToStream(`${namespace}patrol-1`);
      const pending = first(subscription, 3);
      await store.append('patrol-1', makeEvents(1), { expectedVersion: 1 });
      const revisions = (await pending).map((r) => r.event?.revision);
      expect(revisions).toEqual([0n, 1n, 2n]);
      await subscription.unsubscribe();
      await store.close();
    });

    // StorageWriterService.cs writes each event as a committed prepare; AllReader.cs reports it
    // at TFPos(p, p). The append answers with its last event's position.
    it('gives each event of an append its own position, commit equal to prepare', async () => {
      const store = target().newStore();
      const result = await store.append('patrol-3', makeEvents(3), {
        expectedVersion: 'no-stream',
      });
      const read = (await settle(() => store.readStream('patrol-3'))) as { position: string }[];
      const positions = read.map((e) => e.position);
      expect(new Set(positions).size).toBe(3);
      for (const position of positions) {
        const [commit, prepare] = position.split('/');
        expect(commit).toBe(prepare);
      }
      expect(result.position).toBe(positions[2]);
      await store.close();
    });

    it('keeps stream metadata in the metadata stream', async () => {
      const stream = `${target().freshNamespace()}visit-1`;
      await target().client.setStreamMetadata(stream, { maxAge: 3600, reviewedBy: 'station' });
      const { metadata } = await target().client.getStreamMetadata(stream);
      expect(metadata).toEqual({ maxAge: 3600, reviewedBy: 'station' });
    });

    it('reads $all backwards from the end', async () => {
      const namespace = target().freshNamespace();
      const store = target().newStore({ namespace });
      await store.append('dispute-1', makeEvents(3), { expectedVersion: 'no-stream' });
      const read = target().client.readAll({
        direction: 'backwards',
        fromPosition: 'end',
        maxCount: 2,
      });
      // Read to the end: a Node-stream read left early keeps its call open until cancelled.
      const revisions: (bigint | undefined)[] = [];
      for await (const resolved of read) revisions.push(resolved.event?.revision);
      expect(revisions).toEqual([2n, 1n]);
      await store.close();
    });

    it('writes ids in the structured form as two signed 64-bit halves, and reads them back', () => {
      const protocol = loadProtocol(target().double?.client ?? '@eventstore/db-client');
      for (const id of [
        '01563e3a-b5d3-d676-4c61-efb99302bd5b',
        'ffffffff-ffff-ffff-ffff-ffffffffffff',
      ]) {
        const structured = uuidMessage(protocol, id, true);
        expect(structured.hasStructured()).toBe(true);
        expect(uuidText(protocol, structured)).toBe(id);
      }
      expect(
        uuidMessage(protocol, 'ffffffff-ffff-ffff-ffff-ffffffffffff', true)
          .getStructured()
          ?.getMostSignificantBits(),
      ).toBe('-1');
    });
  });
}
