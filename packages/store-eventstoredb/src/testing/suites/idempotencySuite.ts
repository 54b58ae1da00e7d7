// Appending the same events again, as a retry after a lost answer does, the way the server judges
// it (KurrentDB `src/KurrentDB.Core/Services/Storage/ReaderIndex/IndexWriter.cs`, `CheckCommit`):
// with an exact expectation the ids are compared with the events at those very revisions, so a
// repeat is always recognised and answered with the original position; with `any` only a cache
// of recent ids is consulted, so a late repeat is written twice. The ledger therefore always
// appends with an exact revision.
import {
  createEventRegistry,
  createLedger,
  gridledgerEvents,
  isConcurrencyConflict,
  isStreamDeleted,
  type ExpectedVersion,
} from '@gridledger/core';
import { makeEvent, makeEvents } from '@gridledger/store-conformance';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientPackage } from '../protocol.js';
import type { EventStoreDbDouble } from '../server.js';
import { openDoubleTarget, type Connect, type StoreTarget } from '../targets.js';
import { settle } from './waiting.js';

const failure = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => 'resolved',
    (error: unknown) => error,
  );

const reported = {
  type: 'DisputeReported',
  data: {
    disputeId: 'xu-shang',
    community: 'xuzhai',
    grid: 'xuzhai-07',
    category: 'tenancy',
    source: 'walk-in',
    parties: [
      { partyId: 'p-xu', name: 'Xu', role: 'landlord' },
      { partyId: 'p-shang', name: 'Shang', role: 'tenant' },
    ],
    description: 'Return the TV or refund the deposit',
    reportedBy: { name: 'Xu', role: 'landlord', partyId: 'p-xu' },
  },
};
const classified = {
  type: 'DisputeClassified',
  data: { category: 'tenancy', severity: 'minor', escalationRisk: 'medium' },
};
const actor = { id: 'm-jiang', role: 'community-police-officer' };

export function describeIdempotency(clientPackage: ClientPackage, connect: Connect): void {
  describe('appending the same events again', () => {
    let target: StoreTarget;
    let double: EventStoreDbDouble;
    beforeAll(async () => {
      // A small memory of recent ids, so that a late repeat is one the server has forgotten.
      target = await openDoubleTarget(clientPackage, connect, { server: { recentEventIds: 4 } });
      double = target.double as EventStoreDbDouble;
    });
    afterAll(async () => target.close());

    it('at the same revision is acknowledged with the original version and position', async () => {
      const store = target.newStore();
      const events = makeEvents(2);
      const first = await store.append('dispute-1', events, { expectedVersion: 'no-stream' });
      expect(await store.append('dispute-1', events, { expectedVersion: 'no-stream' })).toEqual(
        first,
      );
      // Also once the stream has moved on, and after the server forgot the ids.
      await store.append('dispute-1', makeEvents(6), { expectedVersion: 1 });
      expect(await store.append('dispute-1', events, { expectedVersion: 'no-stream' })).toEqual(
        first,
      );
      const later = makeEvents(1);
      const third = await store.append('dispute-1', later, { expectedVersion: 7 });
      expect(await store.append('dispute-1', later, { expectedVersion: 7 })).toEqual(third);
      const stored = (await settle(() => store.readStream('dispute-1'))) as { id: string }[];
      expect(stored).toHaveLength(9);
      expect(new Set(stored.map((e) => e.id)).size).toBe(9);
      await store.close();
    });

    it('overlapping only in part is a conflict, whatever the expectation', async () => {
      const store = target.newStore();
      const a = makeEvent();
      const b = makeEvent();
      await store.append('dispute-2', [a, b], { expectedVersion: 'no-stream' });
      const partial: [ExpectedVersion, number | 'no-stream'][] = [
        [0, 1],
        ['no-stream', 1],
        ['any', 1],
        ['stream-exists', 1],
      ];
      for (const [expected, actual] of partial) {
        const outcome = await failure(
          store.append('dispute-2', [b, makeEvent()], { expectedVersion: expected }),
        );
        expect(isConcurrencyConflict(outcome)).toBe(true);
        expect(outcome).toMatchObject({ expected, actual });
      }
      expect(await settle(() => store.readStream('dispute-2'))).toHaveLength(2);
      await store.close();
    });

    it('with any, is written twice once the server has forgotten the ids', async () => {
      const store = target.newStore();
      const events = makeEvents(1);
      const first = await store.append('visit-1', events, { expectedVersion: 'any' });
      // Still remembered: recognised.
      expect(await store.append('visit-1', events, { expectedVersion: 'any' })).toEqual(first);
      await store.append('visit-2', makeEvents(5), { expectedVersion: 'any' });
      // Forgotten: the server writes the same event a second time.
      const late = await store.append('visit-1', events, { expectedVersion: 'any' });
      expect(late.streamVersion).toBe(1);
      // The exact revision finds the original in the index, however old.
      expect(await store.append('visit-1', events, { expectedVersion: 'no-stream' })).toEqual(
        first,
      );
      await store.close();
    });

    it('the ledger appends with an exact revision whatever its caller expects', async () => {
      const namespace = target.freshNamespace();
      const store = target.newStore({ namespace });
      const ledger = createLedger({ store, registry: createEventRegistry(gridledgerEvents) });
      const stream = 'dispute-xu-shang';
      await ledger.append(stream, [reported], { expectedVersion: 'any', actor });
      await ledger.append(stream, [classified], { expectedVersion: 'stream-exists', actor });
      await ledger.append(stream, [classified], { expectedVersion: 'any', actor });
      await ledger.append(stream, [classified], { expectedVersion: 2, actor });
      await ledger.append('dispute-2', [reported], { expectedVersion: 'no-stream', actor });
      const seen = double.database.appends.filter((a) => a.stream.startsWith(namespace));
      expect(seen.map((a) => a.expected)).toEqual([
        { kind: 'no-stream' },
        { kind: 'revision', revision: 0n },
        { kind: 'revision', revision: 1n },
        { kind: 'revision', revision: 2n },
        { kind: 'no-stream' },
      ]);
      await store.close();
    });

    it('after the stream was soft-deleted: StreamDeletedError, and nothing is written twice', async () => {
      const namespace = target.freshNamespace();
      const store = target.newStore({ namespace });
      const events = makeEvents(2);
      await store.append('patrol-1', events, { expectedVersion: 'no-stream' });
      await target.client.deleteStream(`${namespace}patrol-1`);
      // The server recognises the repeat but can no longer read its last event's position.
      const outcome = await failure(
        store.append('patrol-1', events, { expectedVersion: 'no-stream' }),
      );
      expect(isStreamDeleted(outcome)).toBe(true);
      expect(outcome).toMatchObject({ streamId: 'patrol-1', tombstoned: false });
      expect(double.database.log.streams.get(`${namespace}patrol-1`)).toHaveLength(2);
      await store.close();
    });
  });
}
