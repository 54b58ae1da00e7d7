// The double's database semantics over its log: the server's commit check (expected revisions,
// idempotent repeats), stream metadata (`$$stream`), soft deletion (a truncate-before mark) and
// tombstones.
import { TransactionLog, type LogPosition, type LogRecord, type ProposedEvent } from './log.js';
import { RecentEventIds } from './recentEventIds.js';

export type Expectation =
  | { readonly kind: 'any' }
  | { readonly kind: 'no-stream' }
  | { readonly kind: 'stream-exists' }
  | { readonly kind: 'revision'; readonly revision: bigint };

export type WriteOutcome =
  | {
      readonly kind: 'written';
      readonly revision: bigint;
      /** Absent when an idempotent repeat's last event can no longer be read. */
      readonly position?: LogPosition;
      /** True when the events were already there: nothing new was written. */
      readonly repeated: boolean;
    }
  | { readonly kind: 'wrong-expected-version'; readonly current: bigint | undefined }
  | { readonly kind: 'stream-deleted' };

export type StreamView =
  | { readonly kind: 'events'; readonly records: readonly LogRecord[]; readonly last: bigint }
  | { readonly kind: 'not-found' }
  | { readonly kind: 'deleted' };

/** What the commit check decides about one append. */
type CommitCheck =
  | { readonly kind: 'ok'; readonly current: bigint; readonly softDeleted: boolean }
  | { readonly kind: 'idempotent'; readonly last: bigint }
  | { readonly kind: 'failure'; readonly current: bigint }
  | { readonly kind: 'tombstoned' };

/** EventStoreDB's `long.MaxValue`: the tombstone's revision and a soft delete's truncate-before. */
export const DELETED_STREAM = (1n << 63n) - 1n;

const json = (value: unknown): Uint8Array => Buffer.from(JSON.stringify(value));
const metastreamOf = (stream: string): string => `$$${stream}`;

export interface DatabaseOptions {
  /** How many recently written event ids the weak idempotency check remembers. */
  readonly recentEventIds?: number;
}

export class Database {
  readonly log = new TransactionLog();
  /** Every append the double was asked for, with its expectation, for tests to look at. */
  readonly appends: { readonly stream: string; readonly expected: Expectation }[] = [];
  private readonly tombstoned = new Set<string>();
  private readonly recent: RecentEventIds;

  constructor(options: DatabaseOptions = {}) {
    // The server keeps ids in an 8 MiB cache: tens of thousands of events.
    this.recent = new RecentEventIds(options.recentEventIds ?? 100_000);
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

  /** The stream's last revision as the index knows it (also behind a soft delete), or -1. */
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

  /** `IndexWriter.IsSoftDeleted`: the truncate-before mark is the deleted-stream number. */
  private isSoftDeleted(stream: string): boolean {
    return this.truncateBefore(stream) >= DELETED_STREAM;
  }

  private recordAt(stream: string, revision: bigint): LogRecord | undefined {
    return this.log.streams.get(stream)?.find((r) => r.revision === revision);
  }

  /**
   * Whether an append may go ahead, is a repeat of one already written, or must be refused: a
   * port of `IndexWriter.CheckCommit` (KurrentDB `src/KurrentDB.Core/Services/Storage/
   * ReaderIndex/IndexWriter.cs`). With an exact expectation (a revision, or no stream) the ids
   * are compared with the events at exactly those revisions in the index, so a repeat is always
   * recognised; with `any` or `stream-exists` only the cache of recent ids is consulted, so a
   * repeat the cache has forgotten is written again.
   */
  private checkCommit(stream: string, expected: Expectation, ids: readonly string[]): CommitCheck {
    if (this.tombstoned.has(stream)) return { kind: 'tombstoned' };
    const current = this.lastRevision(stream);
    const failure: CommitCheck = { kind: 'failure', current };
    if (expected.kind === 'stream-exists') {
      if (this.isSoftDeleted(stream)) return failure;
      // A stream that only has metadata counts as existing.
      if (current < 0n && this.lastRevision(metastreamOf(stream)) < 0n) return failure;
    }
    if (expected.kind === 'any' || expected.kind === 'stream-exists') {
      let last: bigint | undefined;
      for (const id of ids) {
        const known = this.recent.get(id);
        if (known !== undefined && known.stream === stream) {
          last = known.revision;
          continue;
        }
        // Part of the batch written before and part not: not a repeat ("corrupted idempotency").
        if (last !== undefined) return failure;
        return { kind: 'ok', current, softDeleted: this.isSoftDeleted(stream) };
      }
      return { kind: 'idempotent', last: last as bigint };
    }
    const expectedRevision = expected.kind === 'no-stream' ? -1n : expected.revision;
    if (expectedRevision < current) {
      let revision = expectedRevision;
      for (const [i, id] of ids.entries()) {
        revision += 1n;
        const known = this.recent.get(id);
        if (known !== undefined && known.stream === stream && known.revision === revision) continue;
        if (this.recordAt(stream, revision)?.eventId === id) continue;
        if (i > 0) return failure;
        // Expecting no stream re-creates a soft-deleted stream after its last event.
        if (expected.kind === 'no-stream' && this.isSoftDeleted(stream)) {
          return { kind: 'ok', current, softDeleted: true };
        }
        return failure;
      }
      return { kind: 'idempotent', last: revision };
    }
    if (expectedRevision > current) return failure;
    return { kind: 'ok', current, softDeleted: this.isSoftDeleted(stream) };
  }

  /** What an idempotent repeat answers: the original last event's position, if still readable. */
  private repeated(stream: string, last: bigint): WriteOutcome {
    const record = this.recordAt(stream, last);
    const readable = record !== undefined && last >= this.truncateBefore(stream);
    return {
      kind: 'written',
      revision: last,
      repeated: true,
      ...(readable ? { position: record.position } : {}),
    };
  }

  append(stream: string, expected: Expectation, events: readonly ProposedEvent[]): WriteOutcome {
    this.appends.push({ stream, expected });
    const check = this.checkCommit(
      stream,
      expected,
      events.map((e) => e.eventId),
    );
    switch (check.kind) {
      case 'tombstoned':
        return { kind: 'stream-deleted' };
      case 'failure':
        return {
          kind: 'wrong-expected-version',
          current: check.current < 0n ? undefined : check.current,
        };
      case 'idempotent':
        return this.repeated(stream, check.last);
      case 'ok':
        break;
    }
    const written = this.log.write(
      stream,
      events.map((_, i) => check.current + 1n + BigInt(i)),
      events,
    );
    for (const record of written) this.recent.remember(record.eventId, stream, record.revision);
    if (check.softDeleted) {
      // Writing to a soft-deleted stream revives it from the first new event on
      // (`StorageWriterService.SoftUndeleteStream`, written after the events).
      this.writeSystem(metastreamOf(stream), '$metadata', {
        ...this.metadataOf(stream),
        $tb: Number(check.current + 1n),
      });
    }
    const tail = written[written.length - 1] as LogRecord;
    return { kind: 'written', revision: tail.revision, position: tail.position, repeated: false };
  }

  /** Whether a delete or tombstone expecting `expected` may go ahead. */
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

  /** Soft delete: reads report the stream missing; a later append revives it. */
  delete(stream: string, expected: Expectation): WriteOutcome {
    const refusal = this.violates(stream, expected);
    if (refusal) return refusal;
    const mark = this.writeSystem(metastreamOf(stream), '$metadata', {
      ...this.metadataOf(stream),
      $tb: Number(DELETED_STREAM),
    });
    return {
      kind: 'written',
      revision: this.lastRevision(stream),
      position: mark.position,
      repeated: false,
    };
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
    return {
      kind: 'written',
      revision: DELETED_STREAM,
      position: (record as LogRecord).position,
      repeated: false,
    };
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
