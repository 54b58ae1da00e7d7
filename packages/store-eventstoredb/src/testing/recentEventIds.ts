// The server's memory of recently written event ids (`IndexWriter._committedEvents`, bounded by
// `ESConsts.CommittedEventsMemCacheLimit`): the only thing an `any` or `stream-exists` append is
// checked against for repeats. The oldest ids are forgotten first.

export interface KnownEvent {
  readonly stream: string;
  readonly revision: bigint;
}

export class RecentEventIds {
  private readonly known = new Map<string, KnownEvent>();

  constructor(private readonly capacity: number) {}

  remember(eventId: string, stream: string, revision: bigint): void {
    this.known.delete(eventId);
    this.known.set(eventId, { stream, revision });
    while (this.known.size > this.capacity) {
      const oldest = this.known.keys().next().value as string;
      this.known.delete(oldest);
    }
  }

  get(eventId: string): KnownEvent | undefined {
    return this.known.get(eventId);
  }
}
