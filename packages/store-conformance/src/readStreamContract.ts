// Reading one stream: forwards and backwards, from a version, with limits of 0, 1 and more than
// there are; a missing stream fails with StreamNotFoundError when it is read.
import { isStreamNotFound, type EventStore, type ReadStreamOptions } from '@gridledger/core';
import { describe, expect, it } from 'vitest';
import { makeEvents } from './events.js';
import {
  collect,
  rejectionOf,
  withStore,
  type ContractOptions,
  type StoreFactory,
} from './harness.js';

async function versions(
  store: EventStore,
  streamId: string,
  options?: ReadStreamOptions,
): Promise<number[]> {
  const events = await collect(() => store.readStream(streamId, options));
  return events.map((e) => e.streamVersion);
}

/** A store holding `dispute-1` with versions 0..4, interleaved with another stream. */
async function fiveEventStream(store: EventStore): Promise<void> {
  await store.append('dispute-1', makeEvents(2), { expectedVersion: 'no-stream' });
  await store.append('dispute-2', makeEvents(2), { expectedVersion: 'no-stream' });
  await store.append('dispute-1', makeEvents(3), { expectedVersion: 1 });
}

export function describeReadStreamContract(
  name: string,
  factory: StoreFactory,
  _options?: ContractOptions,
): void {
  describe(`${name}: readStream`, () => {
    const cases: [string, ReadStreamOptions | undefined, number[]][] = [
      ['everything forwards by default', undefined, [0, 1, 2, 3, 4]],
      ['forwards from a version', { fromVersion: 2 }, [2, 3, 4]],
      ['forwards from the last version', { fromVersion: 4 }, [4]],
      ['nothing forwards from past the end', { fromVersion: 5 }, []],
      ['forwards with limit 0', { limit: 0 }, []],
      ['forwards with limit 1', { limit: 1 }, [0]],
      ['forwards from a version with a limit', { fromVersion: 1, limit: 2 }, [1, 2]],
      ['forwards with a limit above the length', { limit: 50 }, [0, 1, 2, 3, 4]],
      ['backwards from the end by default', { direction: 'backwards' }, [4, 3, 2, 1, 0]],
      ['backwards from a version', { direction: 'backwards', fromVersion: 2 }, [2, 1, 0]],
      ['backwards from version 0', { direction: 'backwards', fromVersion: 0 }, [0]],
      ['backwards from past the end', { direction: 'backwards', fromVersion: 99 }, [4, 3, 2, 1, 0]],
      ['backwards with limit 0', { direction: 'backwards', limit: 0 }, []],
      ['backwards with limit 1 (the last event)', { direction: 'backwards', limit: 1 }, [4]],
      [
        'backwards from a version with a limit',
        { direction: 'backwards', fromVersion: 3, limit: 2 },
        [3, 2],
      ],
      [
        'backwards with a limit above the length',
        { direction: 'backwards', limit: 9 },
        [4, 3, 2, 1, 0],
      ],
      ['forwards when asked explicitly', { direction: 'forwards', fromVersion: 3 }, [3, 4]],
    ];
    it.each(cases)('reads %s', async (_, options, expected) => {
      await withStore(factory, async (store) => {
        await fiveEventStream(store);
        expect(await versions(store, 'dispute-1', options)).toEqual(expected);
      });
    });

    it('returns the same events, field for field, as the global log', async () => {
      await withStore(factory, async (store) => {
        await fiveEventStream(store);
        const fromStream = await collect(() => store.readStream('dispute-1'));
        const fromLog = (await collect(() => store.readAll())).filter(
          (e) => e.streamId === 'dispute-1',
        );
        expect(fromStream).toStrictEqual(fromLog);
        const backwards = await collect(() =>
          store.readStream('dispute-1', { direction: 'backwards' }),
        );
        expect(backwards).toStrictEqual([...fromLog].reverse());
      });
    });

    it.each<[string, ReadStreamOptions | undefined]>([
      ['forwards', undefined],
      ['backwards', { direction: 'backwards' }],
      ['with a limit', { limit: 1 }],
    ])('throws StreamNotFoundError naming a missing stream (%s)', async (_, options) => {
      await withStore(factory, async (store) => {
        await store.append('dispute-1', makeEvents(1), { expectedVersion: 'no-stream' });
        const error = await rejectionOf(collect(() => store.readStream('dispute-404', options)));
        expect(isStreamNotFound(error)).toBe(true);
        expect(error).toMatchObject({ code: 'STREAM_NOT_FOUND', streamId: 'dispute-404' });
      });
    });
  });
}
