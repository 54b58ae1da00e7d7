// Appends racing a subscription (property-based): events appended while it catches up, at the
// switch to live, or after it, are each delivered exactly once and in global order.
import fc from 'fast-check';
import type { AppendResult, GlobalFilter } from '@gridledger/core';
import { describe, expect, it } from 'vitest';
import { makeEvent, makeEvents } from './events.js';
import {
  collect,
  propertyParameters,
  resolveOptions,
  withStore,
  type ContractOptions,
  type StoreFactory,
} from './harness.js';

const types = ['DisputeReported', 'VisitConducted', 'PatrolStarted'];
const streams = ['dispute-1', 'visit-1', 'dispute-2'];

interface PlannedAppend {
  /** Fired, without waiting for it, once the subscriber has received this many events. */
  readonly whenReceived: number;
  readonly stream: string;
  readonly types: readonly string[];
}

const planArbitrary = fc.record({
  initial: fc.array(fc.constantFrom(...types), { maxLength: 12 }),
  appends: fc.array(
    fc.record({
      whenReceived: fc.nat({ max: 30 }),
      stream: fc.constantFrom(...streams),
      types: fc.array(fc.constantFrom(...types), { minLength: 1, maxLength: 3 }),
    }),
    { maxLength: 8 },
  ),
  filter: fc.option(
    fc.constantFrom<GlobalFilter>({ types: ['DisputeReported'] }, { streamPrefix: 'dispute-' }),
    {
      nil: undefined,
    },
  ),
});

export function describeSubscriptionRaceContract(
  name: string,
  factory: StoreFactory,
  options?: ContractOptions,
): void {
  const resolved = resolveOptions(options);
  describe(`${name}: subscriptions racing appends`, () => {
    it('delivers every event appended during catch-up and at the switch exactly once', async () => {
      await fc.assert(
        fc.asyncProperty(planArbitrary, async ({ initial, appends, filter }) => {
          await withStore(factory, async (store) => {
            const matches = (stream: string, type: string): boolean =>
              (filter?.types === undefined || filter.types.includes(type)) &&
              (filter?.streamPrefix === undefined || stream.startsWith(filter.streamPrefix));
            if (initial.length > 0) {
              const events = initial.map((type) => makeEvent({ type }));
              await store.append('dispute-1', events, { expectedVersion: 'no-stream' });
            }
            // Clamp each trigger to what will surely have been delivered by then, so the
            // subscriber never waits for an event that only a later append would bring.
            let deliverable = initial.filter((type) => matches('dispute-1', type)).length;
            const plan: PlannedAppend[] = appends.map((append) => {
              const planned = {
                ...append,
                whenReceived: Math.min(append.whenReceived, deliverable),
              };
              deliverable += append.types.filter((type) => matches(append.stream, type)).length;
              return planned;
            });
            const subscription = store.subscribe(filter ?? {});
            const inFlight: Promise<AppendResult>[] = [];
            let next = 0;
            const fire = (received: number): void => {
              while (next < plan.length && plan[next]!.whenReceived <= received) {
                const { stream, types: batch } = plan[next++]!;
                const events = batch.map((type) => makeEvent({ type }));
                inFlight.push(store.append(stream, events, { expectedVersion: 'any' }));
              }
            };
            fire(0);
            const iterator = subscription[Symbol.asyncIterator]();
            const received: string[] = [];
            while (received.length < deliverable) {
              const result = await iterator.next();
              if (result.done === true) throw new Error('the subscription ended on its own');
              received.push(result.value.id);
              fire(received.length);
            }
            await Promise.all(inFlight);
            // Nothing extra is pending: the next event delivered is one appended after all.
            const sentinel = makeEvent({ type: 'DisputeReported' });
            await store.append('dispute-sentinel', [sentinel], { expectedVersion: 'no-stream' });
            const after = await iterator.next();
            expect(after.done === true ? undefined : after.value.id).toBe(sentinel.id);
            await subscription.close();
            const expected = await collect(() => store.readAll(filter ?? {}));
            expect([...received, sentinel.id]).toEqual(expected.map((e) => e.id));
          });
        }),
        propertyParameters(resolved),
      );
    });

    it('delivers a burst of concurrent appends made right after subscribing exactly once', async () => {
      await withStore(factory, async (store) => {
        await store.append('dispute-1', makeEvents(50), { expectedVersion: 'no-stream' });
        const subscription = store.subscribe();
        const burst = Array.from({ length: 20 }, (_, i) =>
          store.append(`visit-${i % 5}`, makeEvents(1 + (i % 3)), { expectedVersion: 'any' }),
        );
        const total = 50 + [...Array(20).keys()].reduce((sum, i) => sum + 1 + (i % 3), 0);
        const received: string[] = [];
        for await (const event of subscription) {
          received.push(event.id);
          if (received.length === total) break;
        }
        await Promise.all(burst);
        expect(received).toEqual((await collect(() => store.readAll())).map((e) => e.id));
      });
    });
  });
}
