// The heads of the streams a ledger appended to last, so an append that expects exactly the
// version the ledger itself wrote last needs no read before it. Safe because a stored event never
// changes: if the stream's head is still at that version, it is the event this ledger wrote (its
// hash the one remembered); if another writer has appended since, the store refuses the append at
// the exact version (decision 003) and the head is read afresh. Only a numeric expected version
// that equals the remembered one is served from here: `any` and every other number read the store.
import type { StreamHead } from './stampEvents.js';

export class StreamHeads {
  private readonly heads = new Map<string, StreamHead>();

  /** @param max how many streams to remember; the one first remembered is dropped first. */
  constructor(private readonly max: number) {}

  /** The head of `streamId` when it is the one remembered at exactly `version`. */
  at(streamId: string, version: number): StreamHead | undefined {
    const head = this.heads.get(streamId);
    return head !== undefined && head.streamVersion === version ? head : undefined;
  }

  /** Remembers the head an append just wrote. */
  wrote(streamId: string, head: StreamHead): void {
    if (this.heads.size >= this.max && !this.heads.has(streamId)) {
      const oldest = this.heads.keys().next();
      if (oldest.done !== true) this.heads.delete(oldest.value);
    }
    this.heads.set(streamId, head);
  }

  /** Forgets `streamId` (an append to it failed: its head is read afresh next time). */
  forget(streamId: string): void {
    this.heads.delete(streamId);
  }
}
