// What a cluster does when it cannot serve (a node not ready, a deadline passing, a follower
// answering "not leader", a server gone) reaches callers as StoreUnavailableError carrying the
// client's error as its cause. An append with an exact expected version whose answer was lost is
// retried with the same ids within the deadline, and lands exactly once; one that still fails
// writes nothing unless the server wrote before the answer was lost, which its error says.
import {
  isAccessDenied,
  isStoreUnavailable,
  isStreamNotFound,
  type AccessDeniedError,
  type StoreUnavailableError,
  type StoredEvent,
} from '@gridledger/core';
import { makeEvents } from '@gridledger/store-conformance';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientErrorType } from '../../clientErrors.js';
import type { FaultKind } from '../faults.js';
import type { ClientPackage } from '../protocol.js';
import type { EventStoreDbDouble } from '../server.js';
import { openDoubleTarget, type Connect, type StoreTarget } from '../targets.js';
import { settle } from './waiting.js';

/** Faults that mean "not now": the store is unavailable. */
type TransientFault = Exclude<FaultKind, 'access-denied'>;

/** The client error type each fault arrives as, per call. */
const CAUSES: Record<'batch' | 'unary' | 'read', Record<TransientFault, string>> = {
  // BatchAppend reports "not ready" per request with no typed detail: the client says unknown.
  batch: {
    unavailable: 'unknown',
    'deadline-exceeded': 'deadline-exceeded',
    'not-leader': 'not-leader',
  },
  unary: {
    unavailable: 'unavailable',
    'deadline-exceeded': 'deadline-exceeded',
    'not-leader': 'not-leader',
  },
  read: {
    unavailable: 'unavailable',
    'deadline-exceeded': 'deadline-exceeded',
    'not-leader': 'not-leader',
  },
};

const KINDS: TransientFault[] = ['unavailable', 'deadline-exceeded', 'not-leader'];

function expectUnavailable(outcome: unknown, cause: string): void {
  expect(isStoreUnavailable(outcome)).toBe(true);
  expect(clientErrorType((outcome as StoreUnavailableError).cause)).toBe(cause);
}

export function describeFailures(clientPackage: ClientPackage, connect: Connect): void {
  describe.each([
    ['BatchAppend', true],
    ['Append (servers before 21.10)', false],
  ] as const)('failures, appending with %s', (_, batchAppend) => {
    let target: StoreTarget;
    let double: EventStoreDbDouble;
    const path = batchAppend ? 'batch' : 'unary';
    beforeAll(async () => {
      target = await openDoubleTarget(clientPackage, connect, { batchAppend });
      double = target.double as EventStoreDbDouble;
    });
    afterAll(async () => target.close());
    // A short deadline, so that deadline faults end quickly.
    const newStore = (namespace: string) => target.newStore({ namespace, deadline: 800 });
    const outcomeOf = (pending: Promise<unknown>): Promise<unknown> =>
      pending.then(
        () => 'resolved',
        (error: unknown) => error,
      );

    it.each(KINDS)(
      '%s on every try: the append is refused with the cause, and nothing is written',
      async (kind) => {
        const namespace = target.freshNamespace();
        const store = newStore(namespace);
        double.injectFault({
          operation: 'append',
          kind,
          stream: `${namespace}dispute-1`,
          times: 3,
        });
        const events = makeEvents(2);
        const outcome = await outcomeOf(
          store.append('dispute-1', events, { expectedVersion: 'no-stream' }),
        );
        expectUnavailable(outcome, CAUSES[path][kind]);
        expect((outcome as Error).message).toMatch(/may have been written: appending them again/);
        double.clearFaults();
        expect(isStreamNotFound(await settle(() => store.readStream('dispute-1')))).toBe(true);
        const retried = await store.append('dispute-1', events, { expectedVersion: 'no-stream' });
        expect(retried.streamVersion).toBe(1);
        await store.close();
      },
    );

    // RpcExceptions.AccessDenied / Status.AccessDenied: a refusal of the caller, not of the moment.
    it('access denied: the append is refused with AccessDeniedError, and nothing is written', async () => {
      const namespace = target.freshNamespace();
      const store = newStore(namespace);
      double.injectFault({ operation: 'append', kind: 'access-denied' });
      const outcome = await outcomeOf(
        store.append('dispute-9', makeEvents(1), { expectedVersion: 'no-stream' }),
      );
      expect(isAccessDenied(outcome)).toBe(true);
      expect(isStoreUnavailable(outcome)).toBe(false);
      expect(outcome).toMatchObject({ operation: "append to 'dispute-9'" });
      expect(clientErrorType((outcome as AccessDeniedError).cause)).toBe('access-denied');
      expect(isStreamNotFound(await settle(() => store.readStream('dispute-9')))).toBe(true);
      await store.close();
    });

    it.each(['unavailable', 'not-leader'] as const)(
      '%s after the write: retried with the same ids, and lands exactly once',
      async (kind) => {
        const namespace = target.freshNamespace();
        const store = newStore(namespace);
        double.injectFault({
          operation: 'append',
          kind,
          stream: `${namespace}visit-1`,
          afterWrite: true,
        });
        const events = makeEvents(3, { type: 'VisitConducted' });
        const result = await store.append('visit-1', events, { expectedVersion: 'no-stream' });
        const stored = (await settle(() => store.readStream('visit-1'))) as StoredEvent[];
        expect(stored.map((e) => e.id)).toEqual(events.map((e) => e.id));
        // The server recognised the retry and answered with the original position.
        expect(result).toEqual({ streamVersion: 2, position: stored[2]?.position });
        await store.close();
      },
    );

    it('deadline-exceeded after the write: refused, and appending again lands exactly once', async () => {
      const namespace = target.freshNamespace();
      const store = newStore(namespace);
      double.injectFault({
        operation: 'append',
        kind: 'deadline-exceeded',
        stream: `${namespace}visit-1`,
        afterWrite: true,
      });
      const events = makeEvents(3, { type: 'VisitConducted' });
      const outcome = await outcomeOf(
        store.append('visit-1', events, { expectedVersion: 'no-stream' }),
      );
      expectUnavailable(outcome, CAUSES[path]['deadline-exceeded']);
      const retried = await store.append('visit-1', events, { expectedVersion: 'no-stream' });
      const stored = (await settle(() => store.readStream('visit-1'))) as StoredEvent[];
      expect(stored.map((e) => e.id)).toEqual(events.map((e) => e.id));
      expect(retried).toEqual({ streamVersion: 2, position: stored[2]?.position });
      await store.close();
    });

    it('expecting any, a lost answer is not retried: the error says a repeat may write twice', async () => {
      const namespace = target.freshNamespace();
      const store = newStore(namespace);
      double.injectFault({
        operation: 'append',
        kind: 'unavailable',
        stream: `${namespace}patrol-1`,
        afterWrite: true,
      });
      const outcome = await outcomeOf(
        store.append('patrol-1', makeEvents(1), { expectedVersion: 'any' }),
      );
      expectUnavailable(outcome, CAUSES[path].unavailable);
      expect((outcome as Error).message).toMatch(
        /appending them again with 'any' may write them twice/,
      );
      expect(await settle(() => store.readStream('patrol-1'))).toHaveLength(1);
      await store.close();
    });
  });

  describe('failures of reads and subscriptions', () => {
    let target: StoreTarget;
    let double: EventStoreDbDouble;
    beforeAll(async () => {
      target = await openDoubleTarget(clientPackage, connect);
      double = target.double as EventStoreDbDouble;
    });
    afterAll(async () => target.close());

    it.each(KINDS)('%s: a stream read fails with the cause', async (kind) => {
      const namespace = target.freshNamespace();
      const store = target.newStore({ namespace });
      await store.append('patrol-1', makeEvents(2), { expectedVersion: 'no-stream' });
      double.injectFault({ operation: 'read', kind, stream: `${namespace}patrol-1` });
      expectUnavailable(await settle(() => store.readStream('patrol-1')), CAUSES.read[kind]);
      expect(await settle(() => store.readStream('patrol-1'))).toHaveLength(2);
      await store.close();
    });

    it.each(KINDS)('%s: a read of the global log fails with the cause', async (kind) => {
      const store = target.newStore();
      await store.append('patrol-1', makeEvents(2), { expectedVersion: 'no-stream' });
      double.injectFault({ operation: 'read', kind });
      expectUnavailable(await settle(() => store.readAll()), CAUSES.read[kind]);
      double.injectFault({ operation: 'subscribe', kind });
      expectUnavailable(await settle(() => store.readAll()), CAUSES.read[kind]);
      expect(await settle(() => store.readAll())).toHaveLength(2);
      await store.close();
    });

    it.each(KINDS)('%s: a subscription fails while iterating, with the cause', async (kind) => {
      const store = target.newStore();
      await store.append('patrol-1', makeEvents(1), { expectedVersion: 'no-stream' });
      double.injectFault({ operation: 'subscribe', kind });
      expectUnavailable(await settle(() => store.subscribe()), CAUSES.read[kind]);
      await store.close();
    });

    it('access denied: reads and subscriptions fail with AccessDeniedError', async () => {
      const namespace = target.freshNamespace();
      const store = target.newStore({ namespace });
      await store.append('patrol-1', makeEvents(1), { expectedVersion: 'no-stream' });
      const denied = (outcome: unknown, operation: string): void => {
        expect(isAccessDenied(outcome)).toBe(true);
        expect(outcome).toMatchObject({ operation });
        expect(clientErrorType((outcome as AccessDeniedError).cause)).toBe('access-denied');
      };
      double.injectFault({
        operation: 'read',
        kind: 'access-denied',
        stream: `${namespace}patrol-1`,
      });
      denied(await settle(() => store.readStream('patrol-1')), "read of stream 'patrol-1'");
      double.injectFault({ operation: 'subscribe', kind: 'access-denied' });
      denied(await settle(() => store.readAll()), 'read of the global log');
      double.injectFault({ operation: 'subscribe', kind: 'access-denied' });
      denied(await settle(() => store.subscribe()), 'subscription');
      await store.close();
    });

    it('a server that goes away: a waiting subscription, appends and reads fail', async () => {
      const gone = await openDoubleTarget(clientPackage, connect);
      const store = gone.newStore({ deadline: 800 });
      await store.append('dispute-1', makeEvents(1), { expectedVersion: 'no-stream' });
      const subscription = store.subscribe();
      const iterator = subscription[Symbol.asyncIterator]();
      expect((await iterator.next()).done).toBe(false);
      const waiting = iterator.next().then(
        () => 'an event',
        (error: unknown) => error,
      );
      await gone.double?.close();
      const dropped = await waiting;
      expect(isStoreUnavailable(dropped)).toBe(true);
      expect((dropped as StoreUnavailableError).cause).toBeDefined();
      const append = await store.append('dispute-1', makeEvents(1), { expectedVersion: 0 }).then(
        () => 'resolved',
        (error: unknown) => error,
      );
      expect(isStoreUnavailable(append)).toBe(true);
      expect((append as StoreUnavailableError).cause).toBeDefined();
      const read = await settle(() => store.readStream('dispute-1'));
      expect(isStoreUnavailable(read)).toBe(true);
      await store.close();
      await gone.client.dispose();
    });
  });
}
