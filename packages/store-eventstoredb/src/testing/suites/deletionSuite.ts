// Streams deleted outside Gridledger (by an operator, with the client): a soft-deleted stream and
// a tombstoned one each surface as a typed StreamDeletedError, and their system events stay hidden.
import { isConcurrencyConflict, isStreamDeleted, type StreamDeletedError } from '@gridledger/core';
import { makeEvent, makeEvents } from '@gridledger/store-conformance';
import { describe, expect, it } from 'vitest';
import type { StoreTarget } from '../targets.js';
import { settle, take } from './waiting.js';

const expectDeleted = (outcome: unknown, streamId: string, tombstoned: boolean): void => {
  expect(isStreamDeleted(outcome)).toBe(true);
  expect(outcome).toMatchObject({ code: 'STREAM_DELETED', streamId, tombstoned });
  expect((outcome as StreamDeletedError).cause).toBeDefined();
};

export function describeDeletion(target: () => StoreTarget): void {
  describe('deleted and tombstoned streams', () => {
    it('reads a soft-deleted stream as deleted; an append revives it with the next versions', async () => {
      const namespace = target().freshNamespace();
      const store = target().newStore({ namespace });
      await store.append('dispute-1', makeEvents(3), { expectedVersion: 'no-stream' });
      await target().client.deleteStream(`${namespace}dispute-1`);

      expectDeleted(await settle(() => store.readStream('dispute-1')), 'dispute-1', false);
      const revived = makeEvent({ type: 'DisputeReopened' });
      const result = await store.append('dispute-1', [revived], { expectedVersion: 'any' });
      expect(result.streamVersion).toBe(3);
      const read = await settle(() => store.readStream('dispute-1'));
      expect(read).toMatchObject([{ id: revived.id, streamVersion: 3 }]);
      // The global log never shows the metadata event the deletion wrote.
      const all = (await settle(() => store.readAll())) as { type: string }[];
      expect(all.map((e) => e.type)).toEqual([
        'DisputeReported',
        'DisputeReported',
        'DisputeReported',
        'DisputeReopened',
      ]);
      await store.close();
    });

    // IndexWriter.cs (CheckCommit): expecting no stream, or the last revision, goes ahead on a
    // soft-deleted stream, and StorageWriterService.cs (SoftUndeleteStream) revives it from there.
    it('re-creates a soft-deleted stream after its last version, never reusing a version', async () => {
      const namespace = target().freshNamespace();
      const store = target().newStore({ namespace });
      const original = await store.append('visit-9', makeEvents(3), {
        expectedVersion: 'no-stream',
      });
      await target().client.deleteStream(`${namespace}visit-9`);

      const exists = await store
        .append('visit-9', [makeEvent()], { expectedVersion: 'stream-exists' })
        .catch((e: unknown) => e);
      expect(isConcurrencyConflict(exists)).toBe(true);
      expect(exists).toMatchObject({ expected: 'stream-exists', actual: 2 });

      const again = makeEvent({ type: 'VisitScheduled' });
      const recreated = await store.append('visit-9', [again], { expectedVersion: 'no-stream' });
      expect(recreated.streamVersion).toBe(3);
      expect(recreated.position).not.toBe(original.position);
      const next = await store.append('visit-9', [makeEvent()], { expectedVersion: 3 });
      expect(next.streamVersion).toBe(4);
      const read = (await settle(() => store.readStream('visit-9'))) as { id: string }[];
      expect(read.map((e) => e.id)).toEqual([again.id, expect.any(String)]);

      // Expecting the last version before the deletion goes ahead too.
      await store.append('visit-10', makeEvents(2), { expectedVersion: 'no-stream' });
      await target().client.deleteStream(`${namespace}visit-10`);
      expect(
        (await store.append('visit-10', [makeEvent()], { expectedVersion: 1 })).streamVersion,
      ).toBe(2);
      await store.close();
    });

    it('refuses reads of and appends to a tombstoned stream with StreamDeletedError', async () => {
      const namespace = target().freshNamespace();
      const store = target().newStore({ namespace });
      await store.append('dispute-2', makeEvents(2), { expectedVersion: 'no-stream' });
      await target().client.tombstoneStream(`${namespace}dispute-2`);

      expectDeleted(await settle(() => store.readStream('dispute-2')), 'dispute-2', true);
      expectDeleted(
        await store
          .append('dispute-2', [makeEvent()], { expectedVersion: 'any' })
          .catch((e: unknown) => e),
        'dispute-2',
        true,
      );
      // The tombstone is a system event in a user stream: neither reads nor subscriptions see it.
      const all = (await settle(() => store.readAll())) as { streamVersion: number }[];
      expect(all.map((e) => e.streamVersion)).toEqual([0, 1]);
      const subscription = store.subscribe();
      const marker = makeEvent({ type: 'PatrolStarted' });
      await store.append('patrol-1', [marker], { expectedVersion: 'no-stream' });
      expect((await take(subscription, 3)).map((e) => e.type)).toEqual([
        'DisputeReported',
        'DisputeReported',
        'PatrolStarted',
      ]);
      await store.close();
    });
  });
}
