// The double's database semantics over its log: expected-revision checks, idempotent repeats,
// stream metadata (`$$stream`), soft deletion (a truncate-before mark) and tombstones.
import { TransactionLog, type LogPosition, type LogRecord, type ProposedEvent } from './log.js';

export type Expectation =
  | { readonly kind: 'any' }
  | { readonly kind: 'no-stream' }
  | { readonly kind: 'stream-exists' }
  | { readonly kind: 'revision'; readonly revision: bigint };

export type WriteOutcome =
  | { readonly kind: 'written'; readonly revision: bigint; readonly position?: LogPosition }
  | { readonly kind: 'wrong-expected-version'; readonly current: bigint | undefined }
  | { readonly kind: 'stream-deleted' };

export type StreamView =
  | { readonly kind: 'events'; readonly records: readonly LogRecord[]; readonly last: bigint }
  | { readonly kind: 'not-found' }
  | { readonly kind: 'deleted' };

/** EventStoreDB's `long.MaxValue`: the tombstone's revision and a soft delete's truncate-before. */
export const DELETED_STREAM = (1n << 63n) - 1n;

const json = (value: unknown): Uint8Array => Buffer.from(JSON.stringify(value));
const metastreamOf = (stream: string): string => `$$${stream}`;

export class Database {
  readonly log = new TransactionLog();
  private readonly tombstoned = new Set<string>();

  constructor() {
    // A fresh node already holds system events; readers of $all must skip them.
    this.writeSystem('$settings', '$settings', { $userStreamAcl: { $r: '$all' } });
    this.writeSystem('$stats-127.0.0.1:2113', '$statsCollected', { 'proc-cpu': 0.5 });
  }

  /** Writes a system event, as the node does by itself (stats, settings, metadata). */
  writeSystem(stream: string, type: string, data: unknown): LogRecord {
    const last = this.lastRevision(stream);
    const [record] = this.log.write(
      stream,
      [last + 1n],
      [
        {
          eventId: crypto.randomUUID(),
          type,
          contentType: 'application/json',
          data: json(data),
          metadata: new Uint8Array(),
        },
      ],
    );
    return record as LogRecord;
  }

  lastRevision(stream: string): bigint {
    const records = this.log.streams.get(stream);
    return records?.[records.length - 1]?.revision ?? -1n;
  }

  /** The stream's metadata object (from its latest `$metadata` event), or undefined. */
  metadataOf(stream: string): Record<string, unknown> | undefined {
    const records = this.log.streams.get(metastreamOf(stream));
    const last = records?.[records.length - 1];
    if (last === undefined) return undefined;
    return JSON.parse(Buffer.from(last.data).toString('utf8')) as Record<string, unknown>;
  }

  private truncateBefore(stream: string): bigint {
    const tb = this.metadataOf(stream)?.['$tb'];
    return typeof tb === 'number' ? BigInt(Math.min(tb, Number(DELETED_STREAM))) : 0n;
  }

  private isSoftDeleted(stream: string): boolean {
    const last = this.lastRevision(stream);
    return last >= 0n && this.truncateBefore(stream) > last;
  }

  /** Whether a write expecting `expected` may go ahead; the current revision when it may not. */
  private violates(stream: string, expected: Expectation): WriteOutcome | undefined {
    if (this.tombstoned.has(stream)) return { kind: 'stream-deleted' };
    const last = this.lastRevision(stream);
    const exists = last >= 0n;
    const ok =
      expected.kind === 'any' ||
      (expected.kind === 'no-stream' && !exists) ||
      (expected.kind === 'stream-exists' && exists && !this.isSoftDeleted(stream)) ||
      (expected.kind === 'revision' && exists && last === expected.revision);
    return ok ? undefined : { kind: 'wrong-expected-version', current: exists ? last : undefined };
  }

  /** An earlier identical append acknowledged again, as the server's idempotency check does. */
  private repeatOf(stream: string, expected: Expectation, events: readonly ProposedEvent[]) {
    const records = this.log.streams.get(stream) ?? [];
    const first = (() => {
      switch (expected.kind) {
        case 'no-stream':
          return 0;
        case 'revision':
          return records.findIndex((r) => r.revision === expected.revision + 1n);
        case 'any':
        case 'stream-exists':
          return records.findIndex((r) => r.eventId === events[0]?.eventId);
      }
    })();
    const run = first < 0 ? [] : records.slice(first, first + events.length);
    const same =
      run.length === events.length && run.every((r, i) => r.eventId === events[i]?.eventId);
    return same ? (run[run.length - 1] as LogRecord).revision : undefined;
  }

  append(stream: string, expected: Expectation, events: readonly ProposedEvent[]): WriteOutcome {
    const repeat = this.tombstoned.has(stream)
      ? undefined
      : this.repeatOf(stream, expected, events);
    if (repeat !== undefined) return { kind: 'written', revision: repeat };
    const refusal = this.violates(stream, expected);
    if (refusal) return refusal;
    const last = this.lastRevision(stream);
    if (this.isSoftDeleted(stream)) {
      // Writing to a soft-deleted stream revives it from the next revision on.
      this.writeSystem(metastreamOf(stream), '$metadata', {
        ...this.metadataOf(stream),
        $tb: Number(last + 1n),
      });
    }
    const written = this.log.write(
      stream,
      events.map((_, i) => last + 1n + BigInt(i)),
      events,
    );
    const tail = written[written.length - 1] as LogRecord;
    return { kind: 'written', revision: tail.revision, position: tail.position };
  }

  /** Soft delete: reads report the stream missing; a later append revives it. */
  delete(stream: string, expected: Expectation): WriteOutcome {
    const refusal = this.violates(stream, expected);
    if (refusal) return refusal;
    const mark = this.writeSystem(metastreamOf(stream), '$metadata', {
      ...this.metadataOf(stream),
      $tb: Number(DELETED_STREAM),
    });
    return { kind: 'written', revision: this.lastRevision(stream), position: mark.position };
  }

  /** Hard delete: a `$streamDeleted` event closes the stream for ever. */
  tombstone(stream: string, expected: Expectation): WriteOutcome {
    const refusal = this.violates(stream, expected);
    if (refusal) return refusal;
    const [record] = this.log.write(
      stream,
      [DELETED_STREAM],
      [
        {
          eventId: crypto.randomUUID(),
          type: '$streamDeleted',
          contentType: 'application/json',
          data: new Uint8Array(),
          metadata: new Uint8Array(),
        },
      ],
    );
    this.tombstoned.add(stream);
    return { kind: 'written', revision: DELETED_STREAM, position: (record as LogRecord).position };
  }

  /** What a reader of the stream sees. */
  view(stream: string): StreamView {
    if (this.tombstoned.has(stream)) return { kind: 'deleted' };
    const last = this.lastRevision(stream);
    const tb = this.truncateBefore(stream);
    if (last < 0n || tb > last) return { kind: 'not-found' };
    const records = this.log.streams.get(stream) ?? [];
    return { kind: 'events', records: records.filter((r) => r.revision >= tb), last };
  }
}
