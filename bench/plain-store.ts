// The plain-JavaScript baseline store: one array per stream in a Map plus one global array,
// holding plain event objects it builds itself (an id from a counter, the cheapest unique id and
// the smallest to hold, the stream's version, the time it was recorded). It checks the expected version and nothing else: no validation, no hashing, no
// copying. Its methods are async like a real store's, so both sides pay the same promise
// overhead and the ratio shows the store and kernel's own cost.
import type { Actor } from '@gridledger/core';

export interface PlainEvent {
  readonly id: string;
  readonly type: string;
  readonly streamId: string;
  readonly streamVersion: number;
  readonly data: unknown;
  readonly metadata: {
    readonly actor: Actor;
    readonly occurredAt: string;
    readonly recordedAt: string;
  };
}

export class PlainStore {
  readonly streams = new Map<string, PlainEvent[]>();
  readonly all: PlainEvent[] = [];
  private nextId = 0;

  async append(
    streamId: string,
    events: readonly { readonly type: string; readonly data: unknown }[],
    expectedVersion: number,
    actor: Actor,
    occurredAt: string,
  ): Promise<number> {
    let stream = this.streams.get(streamId);
    const actual = (stream?.length ?? 0) - 1;
    if (actual !== expectedVersion) throw new Error(`conflict on ${streamId}`);
    if (stream === undefined) this.streams.set(streamId, (stream = []));
    const recordedAt = new Date().toISOString();
    for (const event of events) {
      const plain: PlainEvent = {
        id: String(this.nextId++),
        type: event.type,
        streamId,
        streamVersion: stream.length,
        data: event.data,
        metadata: { actor, occurredAt, recordedAt },
      };
      stream.push(plain);
      this.all.push(plain);
    }
    return stream.length - 1;
  }

  async load(streamId: string): Promise<readonly PlainEvent[]> {
    return this.streams.get(streamId) ?? [];
  }
}
