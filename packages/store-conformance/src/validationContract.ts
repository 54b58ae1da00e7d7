// Bad input: every store refuses it with a ValidationError that names what was wrong, and a
// refused append leaves the store exactly as it was. Data must be plain JSON.
import { isValidationError, type EventToAppend, type Position } from '@gridledger/core';
import { MAX_JSON_DEPTH } from '@gridledger/core/store';
import { describe, expect, it } from 'vitest';
import { makeEvent, makeEvents } from './events.js';
import {
  collect,
  rejectionOf,
  withStore,
  type ContractOptions,
  type StoreFactory,
} from './harness.js';

/** The error's message and issue paths, for "does it name the culprit" checks. */
function described(error: unknown): string {
  if (!isValidationError(error)) return `not a ValidationError: ${String(error)}`;
  return [error.message, ...error.issues.map((i) => `${i.path}: ${i.message}`)].join('\n');
}

const withData = (data: unknown): EventToAppend => makeEvent({ data });

function withoutMetadataField(field: string): EventToAppend {
  const event = makeEvent();
  const metadata: Record<string, unknown> = { ...event.metadata };
  delete metadata[field];
  return { ...event, metadata } as unknown as EventToAppend;
}

export function describeValidationContract(
  name: string,
  factory: StoreFactory,
  _options?: ContractOptions,
): void {
  describe(`${name}: bad input`, () => {
    it('refuses an empty batch with a ValidationError, and the stream stays missing', async () => {
      await withStore(factory, async (store) => {
        const error = await rejectionOf(store.append('dispute-1', [], { expectedVersion: 'any' }));
        expect(isValidationError(error)).toBe(true);
        await expect(collect(() => store.readStream('dispute-1'))).rejects.toMatchObject({
          code: 'STREAM_NOT_FOUND',
          streamId: 'dispute-1',
        });
      });
    });

    it.each([-1, 1.5, NaN, '3', 'latest', null])(
      'refuses expected version %j with a ValidationError naming expectedVersion',
      async (expectedVersion) => {
        await withStore(factory, async (store) => {
          const error = await rejectionOf(
            store.append('dispute-1', [makeEvent()], {
              expectedVersion: expectedVersion as never,
            }),
          );
          expect(isValidationError(error)).toBe(true);
          expect(described(error)).toContain('expectedVersion');
        });
      },
    );

    it('refuses an empty stream id', async () => {
      await withStore(factory, async (store) => {
        const error = await rejectionOf(
          store.append('', [makeEvent()], { expectedVersion: 'any' }),
        );
        expect(isValidationError(error)).toBe(true);
      });
    });

    it.each([
      ['a function', { notify: () => 'hi' }, 'notify'],
      ['NaN', { resolutionRate: NaN }, 'resolutionRate'],
      ['Infinity', { resolutionRate: Infinity }, 'resolutionRate'],
      ['a Date', { reportedAt: new Date('2024-07-01T00:00:00Z') }, 'reportedAt'],
      ['a Map', { households: new Map([['h1', 1]]) }, 'households'],
      ['a Set', { grids: new Set(['grid-07']) }, 'grids'],
      ['a bigint', { deposit: 1500n }, 'deposit'],
      ['undefined in an array', { parties: ['Xu', undefined] }, 'parties'],
      ['nested deep inside', { terms: [{ who: 'Shang', due: new Date(0) }] }, 'due'],
    ])('refuses %s in data with a ValidationError naming the field', async (_, data, field) => {
      await withStore(factory, async (store) => {
        await store.append('dispute-1', [makeEvent()], { expectedVersion: 'no-stream' });
        const error = await rejectionOf(
          store.append('dispute-1', [withData(data)], { expectedVersion: 0 }),
        );
        expect(isValidationError(error)).toBe(true);
        expect(described(error)).toContain(field);
        expect((await collect(() => store.readAll())).length).toBe(1);
      });
    });

    it.each([
      ['left out', undefined],
      ['null', null],
      ['a string', 'no-stream'],
    ])('refuses append options that are %s with a ValidationError', async (_, options) => {
      await withStore(factory, async (store) => {
        const error = await rejectionOf(
          (store.append as (...args: unknown[]) => Promise<unknown>)(
            'dispute-1',
            [makeEvent()],
            options,
          ),
        );
        expect(isValidationError(error), String(error)).toBe(true);
        expect(described(error)).toContain('options');
        expect(await collect(() => store.readAll())).toEqual([]);
      });
    });

    it(`keeps data nested ${MAX_JSON_DEPTH} levels deep and refuses one level more, in data and metadata`, async () => {
      const nest = (depth: number): unknown => (depth === 0 ? 'leaf' : { n: nest(depth - 1) });
      await withStore(factory, async (store) => {
        await store.append('dispute-1', [withData(nest(MAX_JSON_DEPTH))], {
          expectedVersion: 'no-stream',
        });
        const [read] = await collect(() => store.readStream('dispute-1'));
        expect(read!.data).toStrictEqual(nest(MAX_JSON_DEPTH));
        for (const event of [
          withData(nest(MAX_JSON_DEPTH + 1)),
          withData({ runaway: nest(5_000) }),
          { ...makeEvent(), metadata: { ...makeEvent().metadata, extra: nest(MAX_JSON_DEPTH) } },
        ]) {
          const error = await rejectionOf(
            store.append('dispute-1', [event], { expectedVersion: 0 }),
          );
          expect(isValidationError(error), String(error)).toBe(true);
          expect(described(error)).toContain(`nested more than ${MAX_JSON_DEPTH} levels deep`);
        }
        expect((await collect(() => store.readAll())).length).toBe(1);
      });
    });

    it('leaves out object properties whose value is undefined, as JSON does', async () => {
      await withStore(factory, async (store) => {
        await store.append('dispute-1', [withData({ grid: 'grid-07', note: undefined })], {
          expectedVersion: 'no-stream',
        });
        const [read] = await collect(() => store.readStream('dispute-1'));
        expect(read!.data).toStrictEqual({ grid: 'grid-07' });
      });
    });

    it.each(['actor', 'occurredAt', 'recordedAt', 'correlationId', 'prevHash', 'hash'])(
      'refuses metadata without %s, naming it',
      async (field) => {
        await withStore(factory, async (store) => {
          const error = await rejectionOf(
            store.append('dispute-1', [withoutMetadataField(field)], { expectedVersion: 'any' }),
          );
          expect(isValidationError(error)).toBe(true);
          expect(described(error)).toContain(field);
        });
      },
    );

    it.each([
      ['id', { id: '' }],
      ['type', { type: '' }],
      ['schemaVersion', { schemaVersion: 0 }],
      ['schemaVersion', { schemaVersion: 1.5 }],
    ])('refuses an envelope with a bad %s', async (field, override) => {
      await withStore(factory, async (store) => {
        const error = await rejectionOf(
          store.append('dispute-1', [{ ...makeEvent(), ...override }], { expectedVersion: 'any' }),
        );
        expect(isValidationError(error)).toBe(true);
        expect(described(error)).toContain(field);
      });
    });

    it('writes nothing from a batch with one bad event among good ones', async () => {
      await withStore(factory, async (store) => {
        const batch = [...makeEvents(3), withData({ at: new Date(0) }), ...makeEvents(2)];
        const error = await rejectionOf(
          store.append('dispute-1', batch, { expectedVersion: 'any' }),
        );
        expect(isValidationError(error)).toBe(true);
        expect(await collect(() => store.readAll())).toEqual([]);
        const ok = await store.append('dispute-1', makeEvents(1), { expectedVersion: 'no-stream' });
        expect(ok.streamVersion).toBe(0);
      });
    });

    it.each([
      ['limit', { limit: -1 }],
      ['limit', { limit: 1.5 }],
      ['fromVersion', { fromVersion: -1 }],
      ['fromVersion', { fromVersion: 0.5 }],
      ['direction', { direction: 'sideways' }],
    ])('refuses a stream read with a bad %s', async (field, options) => {
      await withStore(factory, async (store) => {
        await store.append('dispute-1', makeEvents(2), { expectedVersion: 'no-stream' });
        const error = await rejectionOf(
          collect(() => store.readStream('dispute-1', options as never)),
        );
        expect(isValidationError(error)).toBe(true);
        expect(described(error)).toContain(field);
      });
    });

    it.each(['', 'not-a-position', '-1', '1.5', 'C:1/P:1/extra', 'x'.repeat(200)])(
      'refuses the malformed position %j in readAll, subscribe and countEvents',
      async (after) => {
        await withStore(factory, async (store) => {
          await store.append('dispute-1', makeEvents(2), { expectedVersion: 'no-stream' });
          const position = after as Position;
          const read = await rejectionOf(collect(() => store.readAll({ after: position })));
          expect(isValidationError(read)).toBe(true);
          const subscription = await rejectionOf(
            collect(() => store.subscribe({ after: position })),
          );
          expect(isValidationError(subscription)).toBe(true);
          if (store.countEvents) {
            const count = await rejectionOf(store.countEvents({ after: position }));
            expect(isValidationError(count)).toBe(true);
          }
        });
      },
    );

    it('refuses a negative limit on readAll', async () => {
      await withStore(factory, async (store) => {
        await store.append('dispute-1', makeEvents(1), { expectedVersion: 'no-stream' });
        const error = await rejectionOf(collect(() => store.readAll({ limit: -1 })));
        expect(isValidationError(error)).toBe(true);
        expect(described(error)).toContain('limit');
      });
    });
  });
}
