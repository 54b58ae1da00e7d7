// Resuming the global log (property-based): reading page by page, each page after the last
// position seen, while new events keep arriving, neither skips nor repeats an event.
import fc from 'fast-check';
import type { GlobalFilter, Position } from '@gridledger/core';
import { describe, expect, it } from 'vitest';
import { makeEvent } from './events.js';
import {
  collect,
  propertyParameters,
  resolveOptions,
  withStore,
  type ContractOptions,
  type StoreFactory,
} from './harness.js';

const streams = ['dispute-1', 'dispute-2', 'visit-1', 'patrol-1', 'disputes-archive'];
const types = ['DisputeReported', 'VisitConducted', 'HazardFound', 'PatrolStarted'];

type Step =
  | { readonly kind: 'append'; readonly stream: string; readonly types: readonly string[] }
  | { readonly kind: 'page'; readonly size: number };

const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('append' as const),
    stream: fc.constantFrom(...streams),
    types: fc.array(fc.constantFrom(...types), { minLength: 1, maxLength: 4 }),
  }),
  fc.record({ kind: fc.constant('page' as const), size: fc.integer({ min: 1, max: 5 }) }),
);

const filterArbitrary: fc.Arbitrary<GlobalFilter> = fc.record(
  {
    types: fc.uniqueArray(fc.constantFrom(...types), { minLength: 1, maxLength: 3 }),
    streamPrefix: fc.constantFrom('dispute-', 'disputes', 'visit-', 'patrol-1', 'd'),
  },
  { requiredKeys: [] },
);

export function describeResumeContract(
  name: string,
  factory: StoreFactory,
  options?: ContractOptions,
): void {
  const resolved = resolveOptions(options);
  describe(`${name}: resuming the global log`, () => {
    it('pages through a growing log after the last position seen, without skips or repeats', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(stepArbitrary, { minLength: 1, maxLength: 25 }),
          filterArbitrary,
          async (steps, filter) => {
            await withStore(factory, async (store) => {
              const appended: { id: string; type: string; streamId: string }[] = [];
              const seen: string[] = [];
              let after: Position | undefined;
              const readPage = async (size?: number): Promise<number> => {
                const page = await collect(() =>
                  store.readAll({
                    ...filter,
                    ...(after === undefined ? {} : { after }),
                    ...(size === undefined ? {} : { limit: size }),
                  }),
                );
                for (const e of page) seen.push(e.id);
                if (page.length > 0) after = page[page.length - 1]!.position;
                return page.length;
              };
              for (const step of steps) {
                if (step.kind === 'append') {
                  const events = step.types.map((type) => makeEvent({ type }));
                  await store.append(step.stream, events, { expectedVersion: 'any' });
                  for (const e of events) {
                    appended.push({ id: e.id, type: e.type, streamId: step.stream });
                  }
                } else {
                  expect(await readPage(step.size)).toBeLessThanOrEqual(step.size);
                }
              }
              // Each page either ends the read or moves on; more pages than events means a repeat.
              for (let pages = 0; (await readPage(3)) > 0; pages++) {
                if (pages > appended.length) throw new Error('paging repeats events forever');
              }
              const expected = appended.filter(
                (e) =>
                  (filter.types === undefined || filter.types.includes(e.type)) &&
                  (filter.streamPrefix === undefined || e.streamId.startsWith(filter.streamPrefix)),
              );
              expect(seen).toEqual(expected.map((e) => e.id));
            });
          },
        ),
        propertyParameters(resolved),
      );
    });

    it('reads after any position exactly the events committed after it', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.tuple(fc.constantFrom(...streams), fc.integer({ min: 1, max: 3 })), {
            minLength: 1,
            maxLength: 12,
          }),
          fc.nat(),
          async (batches, pick) => {
            await withStore(factory, async (store) => {
              for (const [stream, size] of batches) {
                const events = Array.from({ length: size }, () => makeEvent());
                await store.append(stream, events, { expectedVersion: 'any' });
              }
              const all = await collect(() => store.readAll());
              const index = pick % all.length;
              const rest = await collect(() => store.readAll({ after: all[index]!.position }));
              expect(rest).toStrictEqual(all.slice(index + 1));
            });
          },
        ),
        propertyParameters(resolved),
      );
    });
  });
}
