import { describe, expect, it } from 'vitest';
import { createMemoryEventStore } from '../__fixtures__/memoryStore.js';
import { findEvents, traceCauses } from '@gridledger/core/audit';
import { type EventStore } from '@gridledger/core';
import {
  DISPUTE_STREAM,
  VISIT_STREAM,
  li,
  recordXuShang,
  storyLedger,
} from '../../testing/xuShang.js';

async function recorded() {
  const store = createMemoryEventStore();
  const ledger = storyLedger(store);
  // Unrelated history before and after, so a search has something to skip.
  await ledger.append(
    'patrol-p-1',
    [
      {
        type: 'PatrolScheduled',
        data: {
          patrolId: 'p-1',
          community: 'xuzhai',
          route: 'Taihao Rd → market',
          grids: ['xuzhai-07'],
          members: ['m-li'],
          scheduledFor: '2025-06-30T20:00:00+08:00',
        },
      },
    ],
    { expectedVersion: 'no-stream', actor: li },
  );
  const { spottedEventId } = await recordXuShang(ledger);
  return { store, spottedEventId };
}

/** Counts the stream and global reads made through it. */
function counting(store: EventStore) {
  const reads = { streams: [] as string[], all: 0 };
  const counted: EventStore = {
    ...store,
    readStream: (streamId, options) => {
      reads.streams.push(streamId);
      return store.readStream(streamId, options);
    },
    readAll: (options) => {
      reads.all++;
      return store.readAll(options);
    },
  };
  return { store: counted, reads };
}

describe('traceCauses', () => {
  it('follows the dispute report back to the DisputeSpotted of the visit', async () => {
    const { store, spottedEventId } = await recorded();
    const chains = await traceCauses(store, DISPUTE_STREAM);
    expect(chains).toHaveLength(1);
    expect(chains[0]).toMatchObject({
      event: { streamId: DISPUTE_STREAM, streamVersion: 0, type: 'DisputeReported' },
      causes: [
        {
          streamId: VISIT_STREAM,
          streamVersion: 2,
          eventId: spottedEventId,
          type: 'DisputeSpotted',
          actor: li,
          occurredAt: '2025-06-30T09:15:00+08:00',
        },
      ],
    });
    expect(chains[0]!.unresolved).toBeUndefined();
  });

  it('looks in hinted streams before scanning the log', async () => {
    const { store } = await recorded();
    const hinted = counting(store);
    await traceCauses(hinted.store, DISPUTE_STREAM, { hints: () => [VISIT_STREAM] });
    expect(hinted.reads).toEqual({
      streams: [DISPUTE_STREAM, DISPUTE_STREAM, VISIT_STREAM],
      all: 0,
    });
    const unhinted = counting(store);
    await traceCauses(unhinted.store, DISPUTE_STREAM);
    expect(unhinted.reads.all).toBe(1);
  });

  it('follows a chain of several causes and says where it breaks', async () => {
    const { store, spottedEventId } = await recorded();
    const ledger = storyLedger(store);
    const followUp = await ledger.append(
      'visit-v-0709',
      [
        {
          type: 'VisitScheduled',
          data: {
            visitId: 'v-0709',
            community: 'xuzhai',
            grid: 'xuzhai-07',
            household: {
              householdId: 'h-xuzhai-0712',
              address: 'Xuzhai community, building 7, unit 12',
            },
            purpose: 'dispute-follow-up',
            visitors: ['m-jiang'],
            scheduledFor: '2025-07-09T16:00:00+08:00',
            disputeId: 'd-tv-deposit',
          },
        },
      ],
      {
        expectedVersion: 'no-stream',
        actor: li,
        causationId: await firstId(store, DISPUTE_STREAM),
      },
    );
    const chains = await traceCauses(store, 'visit-v-0709');
    expect(chains[0]!.causes.map((c) => c.type)).toEqual(['DisputeReported', 'DisputeSpotted']);
    expect(chains[0]!.causes[1]!.eventId).toBe(spottedEventId);
    expect(followUp.events).toHaveLength(1);

    await ledger.append(
      'visit-v-0709',
      [{ type: 'VisitConducted', data: { visitors: ['m-jiang'] } }],
      { expectedVersion: 0, actor: li, causationId: 'command-that-was-never-stored' },
    );
    const broken = await traceCauses(store, 'visit-v-0709');
    expect(broken[1]).toMatchObject({ causes: [], unresolved: 'command-that-was-never-stored' });
  });
});

describe('findEvents', () => {
  it('finds events by id anywhere, and leaves out ids nobody has', async () => {
    const { store, spottedEventId } = await recorded();
    const first = await firstId(store, DISPUTE_STREAM);
    const found = await findEvents(store, [spottedEventId, first, 'nope'], {
      streams: ['visit-none'],
    });
    expect([...found.keys()].sort()).toEqual([spottedEventId, first].sort());
    expect(found.get(first)?.streamId).toBe(DISPUTE_STREAM);
  });
});

async function firstId(store: EventStore, streamId: string): Promise<string> {
  for await (const event of store.readStream(streamId, { limit: 1 })) return event.id;
  throw new Error(`${streamId} is empty`);
}
