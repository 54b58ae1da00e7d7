// The other ways a client may answer an append: over a server without BatchAppend (the unary
// Append call), and with `throwOnAppendFailure=false`, where a conflict comes back as a result
// instead of an error. Both still give Gridledger's contract, and the server's size limits as
// ValidationErrors.
import {
  isConcurrencyConflict,
  isStreamNotFound,
  isValidationError,
  type ValidationError,
} from '@gridledger/core';
import { makeEvent, makeEvents } from '@gridledger/store-conformance';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientPackage } from '../protocol.js';
import {
  openDoubleTarget,
  type Connect,
  type DoubleTargetOptions,
  type StoreTarget,
} from '../targets.js';
import { settle } from './waiting.js';

export function describeAppendPaths(clientPackage: ClientPackage, connect: Connect): void {
  describe.each<[string, DoubleTargetOptions]>([
    ['over the unary Append call', { batchAppend: false }],
    ['with conflicts reported as results', { settings: { throwOnAppendFailure: false } }],
  ])('appends %s', (_, options) => {
    let target: StoreTarget;
    beforeAll(async () => {
      // A per-event limit below the append limit, as an operator may configure.
      target = await openDoubleTarget(clientPackage, connect, {
        ...options,
        server: { maxAppendEventSize: 512 * 1024 },
      });
    });
    afterAll(async () => target.close());

    it('appends, continues and reads back at the reported versions and positions', async () => {
      const store = target.newStore();
      const first = await store.append('dispute-1', makeEvents(2), {
        expectedVersion: 'no-stream',
      });
      const second = await store.append('dispute-1', makeEvents(1), { expectedVersion: 1 });
      const read = (await settle(() => store.readStream('dispute-1'))) as { position: string }[];
      expect([first.streamVersion, second.streamVersion]).toEqual([1, 2]);
      expect([first.position, second.position]).toEqual([read[1]?.position, read[2]?.position]);
      await store.close();
    });

    it.each([
      ['no-stream', 1],
      ['stream-exists', 'no-stream'],
      [5, 1],
    ] as const)(
      'refuses expected version %j with the actual version %j',
      async (expected, actual) => {
        const store = target.newStore();
        const existing = actual === 'no-stream' ? 'visit-1' : 'dispute-1';
        await store.append('dispute-1', makeEvents(2), { expectedVersion: 'no-stream' });
        const outcome = await store
          .append(existing, makeEvents(1), { expectedVersion: expected })
          .then(
            () => 'resolved',
            (error: unknown) => error,
          );
        expect(isConcurrencyConflict(outcome)).toBe(true);
        expect(outcome).toMatchObject({ streamId: existing, expected, actual });
        expect(await settle(() => store.readAll())).toHaveLength(2);
        await store.close();
      },
    );

    it("refuses a batch beyond the server's maximum append size, naming events", async () => {
      const store = target.newStore();
      const notes = '小事不出网格'.repeat(23_500); // about 420 kB of UTF-8 each, 1.26 MB in all
      const outcome = await store
        .append('visit-1', makeEvents(3, { data: { notes } }), { expectedVersion: 'any' })
        .then(
          () => 'resolved',
          (error: unknown) => error,
        );
      expect(isValidationError(outcome)).toBe(true);
      expect(outcome).toMatchObject({ issues: [{ path: 'events' }] });
      expect(isStreamNotFound(await settle(() => store.readStream('visit-1')))).toBe(true);
      await store.close();
    });

    // Streams.Append.cs and Streams.BatchAppend.cs check each event against MaxAppendEventSize
    // first; the clients do not know that error (see clientErrors.ts).
    it("refuses an event beyond the server's maximum event size, naming it", async () => {
      const store = target.newStore();
      const notes = '小事不出网格'.repeat(35_000); // about 630 kB of UTF-8
      const events = [makeEvent(), makeEvent({ data: { notes } }), makeEvent()];
      const outcome = await store.append('visit-2', events, { expectedVersion: 'any' }).then(
        () => 'resolved',
        (error: unknown) => error,
      );
      expect(isValidationError(outcome)).toBe(true);
      expect(outcome).toMatchObject({
        issues: [{ path: 'events.1', message: expect.stringMatching(/maximum event size/) }],
      });
      expect((outcome as ValidationError).cause).toBeDefined();
      expect(isStreamNotFound(await settle(() => store.readStream('visit-2')))).toBe(true);
      await store.close();
    });
  });
}
