// Leaving reads and subscriptions early releases their calls: afterwards the client can still be
// disposed (a Node-stream call left open would keep `dispose()` waiting for ever).
import { makeEvents } from '@gridledger/store-conformance';
import { describe, expect, it } from 'vitest';
import type { ClientPackage } from '../protocol.js';
import { openDoubleTarget, type Connect } from '../targets.js';
import { take } from './waiting.js';

export function describeResources(clientPackage: ClientPackage, connect: Connect): void {
  describe('calls left early', () => {
    it('are released, so the client can be disposed', async () => {
      const target = await openDoubleTarget(clientPackage, connect);
      const store = target.newStore();
      await store.append('dispute-1', makeEvents(40), { expectedVersion: 'no-stream' });
      const firstOf = async (events: AsyncIterable<{ streamVersion: number }>) => {
        for await (const event of events) return event.streamVersion;
        return undefined;
      };
      expect(await firstOf(store.readStream('dispute-1'))).toBe(0);
      expect(await firstOf(store.readStream('dispute-1', { direction: 'backwards' }))).toBe(39);
      expect(await firstOf(store.readStream('dispute-1', { limit: 0 }))).toBeUndefined();
      expect(await firstOf(store.readAll())).toBe(0);
      expect(await firstOf(store.readAll({ limit: 3 }))).toBe(0);
      const closed = store.subscribe();
      expect((await take(closed, 2)).length).toBe(2);
      await closed.close();
      const left = store.subscribe({ types: ['DisputeReported'] });
      expect((await take(left, 1)).length).toBe(1);
      const open = store.subscribe();
      await store.close();
      for await (const _ of open) expect.unreachable('a closed store delivers nothing');
      await target.close();
    });
  });
}
