// The double's data: the $all transaction log and its streams. Positions are byte offsets as in
// a real log. Each event of a normal append is a committed prepare of its own, so its commit and
// prepare positions are both its own offset (KurrentDB `StorageWriterService.WritePrepares` writes
// `PrepareFlags.IsCommitted` records; `AllReader` reports them as `TFPos(p, p)`), and the append
// answers with the last event's position. The log begins with an epoch record, as a real log
// does, so no event ever sits at 0/0.

export interface LogPosition {
  readonly commit: bigint;
  readonly prepare: bigint;
}

export interface LogRecord {
  readonly streamName: string;
  readonly revision: bigint;
  /** Lower-case 8-4-4-4-12 UUID. */
  readonly eventId: string;
  readonly type: string;
  readonly contentType: string;
  readonly data: Uint8Array;
  readonly metadata: Uint8Array;
  /** Ticks of 100 ns since the Unix epoch, as the server reports `created`. */
  readonly created: bigint;
  readonly position: LogPosition;
  /** Where the next record begins: a filtered read that stops after this record resumes there. */
  readonly postPosition: bigint;
}

export interface ProposedEvent {
  readonly eventId: string;
  readonly type: string;
  readonly contentType: string;
  readonly data: Uint8Array;
  readonly metadata: Uint8Array;
}

export const comparePositions = (a: LogPosition, b: LogPosition): number =>
  a.commit !== b.commit
    ? a.commit < b.commit
      ? -1
      : 1
    : a.prepare < b.prepare
      ? -1
      : a.prepare > b.prepare
        ? 1
        : 0;

/** What a chunk's epoch record takes before the first event (its size on a real node). */
const EPOCH_RECORD_SIZE = 128n;

/** The records of $all in commit order, and each stream's records in revision order. */
export class TransactionLog {
  readonly records: LogRecord[] = [];
  readonly streams = new Map<string, LogRecord[]>();
  private cursor = EPOCH_RECORD_SIZE;
  private readonly listeners = new Set<() => void>();

  /** Writes the events of one append; `revisions` gives each event's stream revision. */
  write(
    streamName: string,
    revisions: readonly bigint[],
    events: readonly ProposedEvent[],
  ): LogRecord[] {
    const created = BigInt(Date.now()) * 10_000n;
    const written = events.map((event, i): LogRecord => {
      const at = this.cursor;
      // Roughly what the record takes on disk: a header, the names, the payloads.
      this.cursor += BigInt(
        80 + streamName.length + event.type.length + event.data.length + event.metadata.length,
      );
      return {
        ...event,
        streamName,
        revision: revisions[i] as bigint,
        created,
        position: { commit: at, prepare: at },
        postPosition: this.cursor,
      };
    });
    const stream = this.streams.get(streamName) ?? [];
    this.streams.set(streamName, stream);
    stream.push(...written);
    this.records.push(...written);
    for (const listener of [...this.listeners]) listener();
    return written;
  }

  /** Index of the first record at or after `position` in $all. */
  indexAtOrAfter(position: LogPosition): number {
    let lo = 0;
    let hi = this.records.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (comparePositions((this.records[mid] as LogRecord).position, position) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Index of the first record strictly after `position`. */
  indexAfter(position: LogPosition): number {
    const index = this.indexAtOrAfter(position);
    const at = this.records[index];
    return at !== undefined && comparePositions(at.position, position) === 0 ? index + 1 : index;
  }

  /** Calls `listener` after every write until the returned function is called. */
  onWrite(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
