// The double's data: the $all transaction log and its streams. Positions are byte offsets as in
// a real log; a batch is laid out as one transaction whose commit position is its last prepare's,
// so events of one append share a commit position and differ in prepare position.

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

/** The records of $all in commit order, and each stream's records in revision order. */
export class TransactionLog {
  readonly records: LogRecord[] = [];
  readonly streams = new Map<string, LogRecord[]>();
  private cursor = 0n;
  private readonly listeners = new Set<() => void>();

  /** Writes one transaction; `revisions` gives each event's stream revision. */
  write(
    streamName: string,
    revisions: readonly bigint[],
    events: readonly ProposedEvent[],
  ): LogRecord[] {
    const prepares = events.map((event) => {
      const at = this.cursor;
      // Roughly what the record takes on disk: a header, the names, the payloads.
      this.cursor += BigInt(
        80 + streamName.length + event.type.length + event.data.length + event.metadata.length,
      );
      return at;
    });
    const commit = prepares[prepares.length - 1] as bigint;
    const created = BigInt(Date.now()) * 10_000n;
    const written = events.map((event, i) => ({
      ...event,
      streamName,
      revision: revisions[i] as bigint,
      created,
      position: { commit, prepare: prepares[i] as bigint },
    }));
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
