// Round trips: what goes in comes back exactly — data and metadata, unicode (Chinese text, emoji),
// nested structures, numbers at the edges, empty strings, and payloads of a megabyte.
import type { EventToAppend, StoredEvent } from '@gridledger/core';
import { describe, expect, it } from 'vitest';
import { makeEvent } from './events.js';
import { collect, withStore, type ContractOptions, type StoreFactory } from './harness.js';

/** About one megabyte (10^6 bytes) of JSON: under the 1 MiB append limit of EventStoreDB. */
function megabytePayload(): { readonly notes: string[]; readonly motto: string } {
  const line = '小事不出网格、大事不出社区 small matters stay in the grid 🏘️ ';
  const notes: string[] = [];
  let bytes = 0;
  while (bytes < 980_000) {
    const note = `${notes.length}: ${line.repeat(10)}`;
    notes.push(note);
    bytes += Buffer.byteLength(JSON.stringify(note)) + 1;
  }
  return { notes, motto: line };
}

const edgeCases: [string, unknown][] = [
  [
    'Chinese text',
    { summary: '许某将房屋出租给外地租客尚某，租期至6月底结束。', grid: '徐宅社区' },
  ],
  ['emoji, including joined sequences and flags', { mood: '🙂👍🏽👨‍👩‍👧‍👦🇨🇳', banner: '🎌感谢民警🎉' }],
  ['other scripts and combining marks', { names: ['Zoë', 'Ångström', 'é', 'عربى', 'עברית'] }],
  [
    'control characters and quotes',
    { text: 'line1\nline2\ttab "quoted" \\ back \u0000 nul \u2028' },
  ],
  ['empty strings and empty structures', { empty: '', list: [], object: {}, nested: [[], [{}]] }],
  [
    'numbers at the edges',
    {
      maxSafe: Number.MAX_SAFE_INTEGER,
      minSafe: Number.MIN_SAFE_INTEGER,
      zero: 0,
      negative: -1,
      fraction: 0.1 + 0.2,
      tiny: 5e-324,
      huge: 1.7976931348623157e308,
      rate: 0.98,
    },
  ],
  ['booleans and null', { resolved: true, criminal: false, outsideBody: null }],
  [
    'deeply nested objects and arrays',
    { a: { b: { c: { d: { e: { f: [1, [2, [3, [4, { g: 'deep' }]]]] } } } } } },
  ],
  [
    'keys that look unusual',
    { '': 'empty key', 'a.b': 1, '0': 'zero', 'with space': true, 网格: 81 },
  ],
  ['a top-level array', [{ party: 'Xu' }, { party: 'Shang' }]],
  ['a top-level string', '退还押金'],
  ['a top-level number', 98],
  ['a top-level null', null],
];

function expectSameEvent(read: StoredEvent, sent: EventToAppend): void {
  expect(read.id).toBe(sent.id);
  expect(read.type).toBe(sent.type);
  expect(read.schemaVersion).toBe(sent.schemaVersion);
  expect(read.data).toStrictEqual(sent.data);
  expect(read.metadata).toStrictEqual(sent.metadata);
}

export function describeRoundTripContract(
  name: string,
  factory: StoreFactory,
  _options?: ContractOptions,
): void {
  describe(`${name}: round trip`, () => {
    it.each(edgeCases)(
      'returns %s exactly, from the stream and the global log',
      async (_, data) => {
        await withStore(factory, async (store) => {
          const sent = makeEvent({ data });
          await store.append('dispute-1', [sent], { expectedVersion: 'no-stream' });
          const [fromStream] = await collect(() => store.readStream('dispute-1'));
          const [fromLog] = await collect(() => store.readAll());
          expectSameEvent(fromStream!, sent);
          expectSameEvent(fromLog!, sent);
        });
      },
    );

    it('returns metadata exactly, with and without optional fields', async () => {
      await withStore(factory, async (store) => {
        const first = makeEvent({
          actor: { id: 'zhao-baoxing', role: 'station-director', name: 'Zhao Baoxing 所长' },
          occurredAt: '2024-06-30T23:59:59.999+08:00',
          recordedAt: '2024-06-30T16:00:00.123Z',
          correlationId: 'corr-徐-尚',
        });
        const second = makeEvent({
          causationId: first.id,
          correlationId: 'corr-徐-尚',
          prevHash: first.metadata.hash,
          hash: 'f'.repeat(64),
        });
        await store.append('dispute-1', [first, second], { expectedVersion: 'no-stream' });
        const read = await collect(() => store.readStream('dispute-1'));
        expectSameEvent(read[0]!, first);
        expectSameEvent(read[1]!, second);
        expect('causationId' in read[0]!.metadata).toBe(false);
        expect(read[0]!.metadata.prevHash).toBeNull();
      });
    });

    it('keeps event types and schema versions as given', async () => {
      await withStore(factory, async (store) => {
        const events = [
          makeEvent({ type: 'DisputeReported', schemaVersion: 3 }),
          makeEvent({ type: 'Dispute.Reported/v2 事件', schemaVersion: 1 }),
        ];
        await store.append('dispute-1', events, { expectedVersion: 'no-stream' });
        const read = await collect(() => store.readAll());
        expect(read.map((e) => [e.type, e.schemaVersion])).toEqual([
          ['DisputeReported', 3],
          ['Dispute.Reported/v2 事件', 1],
        ]);
      });
    });

    it('stores and returns a payload of about one megabyte', async () => {
      await withStore(factory, async (store) => {
        const data = megabytePayload();
        const sent = makeEvent({ type: 'VisitNotesRecorded', data });
        await store.append('visit-1', [sent], { expectedVersion: 'no-stream' });
        await store.append('visit-1', [makeEvent()], { expectedVersion: 0 });
        const [read] = await collect(() => store.readStream('visit-1', { limit: 1 }));
        expect(read!.data).toStrictEqual(data);
        expect(JSON.stringify(read!.data).length).toBe(JSON.stringify(data).length);
      });
    });
  });
}
