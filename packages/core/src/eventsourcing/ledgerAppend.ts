// The ledger's writing side: checks what the caller gives, validates the events, stamps and
// hash-chains them onto the stream's head, and appends with the exact version it read.
import {
  checkActor,
  checkExpectedVersion,
  checkId,
  checkTimestamp,
  validateEvents,
} from './appendInput.js';
import type { EventEncoder } from './encoder.js';
import type { Actor, DomainEvent, ExpectedVersion, Position, RecordedEvent } from './envelope.js';
import { isConcurrencyConflict, ValidationError } from './errors.js';
import { assertExpectedVersion } from './expectedVersion.js';
import type { Clock } from './ids.js';
import type { LedgerCodec } from './ledgerCodec.js';
import type { EventRegistry } from './registry.js';
import { encodeData, stampEncoded, type StampInput } from './stampEvents.js';
import type { EventStore } from './store.js';

export interface LedgerAppendOptions {
  readonly expectedVersion: ExpectedVersion;
  readonly actor: Actor;
  /** When it happened (ISO 8601). Default: the time it is recorded. */
  readonly occurredAt?: string;
  /** Default: the id of the first event appended. */
  readonly correlationId?: string;
  readonly causationId?: string;
}

export interface LedgerAppendResult<E extends DomainEvent = DomainEvent> {
  readonly events: RecordedEvent<E>[];
  /** Version of the last event appended. */
  readonly streamVersion: number;
  /** Global position of the last event appended. */
  readonly position: Position;
}

/** What an append needs of its ledger. */
export interface AppendContext {
  readonly store: EventStore;
  readonly registry: EventRegistry;
  readonly codec: LedgerCodec;
  readonly clock: Clock;
  /** The id of an event recorded at `now`. */
  readonly eventId: (now: Date) => string;
  /** `now` as ISO 8601; appends within one millisecond share one string. */
  readonly recordedAtOf: (now: Date) => string;
  readonly encoder: EventEncoder;
}

/**
 * ISO 8601 of a time, remembering the last one: appends within one millisecond then share one
 * string (in every event they store) and skip formatting it again.
 */
export function isoTimes(): (now: Date) => string {
  let lastTime = NaN;
  let lastIso = '';
  return (now) => {
    const time = now.getTime();
    if (time !== lastTime) {
      lastIso = now.toISOString();
      lastTime = time;
    }
    return lastIso;
  };
}

/** Store conflicts a caller expecting `any` never asked to see; others see the first one. */
const ANY_RETRIES = 3;

export async function appendEvents<E extends DomainEvent>(
  context: AppendContext,
  streamId: string,
  events: readonly E[],
  options: LedgerAppendOptions,
): Promise<LedgerAppendResult<E>> {
  const subject = `append to stream '${String(streamId)}'`;
  checkId(streamId, 'streamId', subject);
  if (typeof options !== 'object' || options === null) {
    throw new ValidationError(subject, [
      { path: 'options', message: 'must give at least expectedVersion and actor' },
    ]);
  }
  const expectedVersion = checkExpectedVersion(options.expectedVersion, subject);
  const actor = checkActor(options.actor, subject);
  const given = options.occurredAt;
  const occurredAt = given === undefined ? undefined : checkTimestamp(given, 'occurredAt', subject);
  const { correlationId, causationId } = options;
  if (correlationId !== undefined) checkId(correlationId, 'correlationId', subject);
  if (causationId !== undefined) checkId(causationId, 'causationId', subject);
  const validated = validateEvents(context.registry, events, subject);

  const now = context.clock();
  const recordedAt = context.recordedAtOf(now);
  const ids: string[] = [];
  for (let i = 0; i < validated.length; i++) ids.push(context.eventId(now));
  const { store, codec, encoder } = context;
  for (let attempt = 0; ; attempt++) {
    try {
      // A caller expecting a new stream needs no read: if the stream exists, the store refuses.
      // Reads and encodings that answer at once are not awaited: each await costs a promise.
      const read = expectedVersion === 'no-stream' ? undefined : codec.readHead(streamId);
      const head = read instanceof Promise ? await read : read;
      assertExpectedVersion(streamId, expectedVersion, head?.streamVersion);
      const input: StampInput = {
        streamId,
        head,
        events: validated,
        ids,
        actor,
        occurredAt: occurredAt ?? recordedAt,
        recordedAt,
        correlationId: correlationId ?? (ids[0] as string),
        causationId,
        encoder,
      };
      const encoded = encodeData(input);
      const stamped = stampEncoded(input, encoded instanceof Promise ? await encoded : encoded);
      // Always the exact version just read, whatever the caller allowed: a chain never forks.
      const result = await store.append(streamId, stamped, {
        expectedVersion: head === undefined ? 'no-stream' : head.streamVersion,
      });
      const firstVersion = head === undefined ? 0 : head.streamVersion + 1;
      const found = codec.positionsOf(streamId, firstVersion, stamped.length, result);
      const positions = found instanceof Promise ? await found : found;
      const recorded: RecordedEvent<E>[] = [];
      for (let i = 0; i < stamped.length; i++) {
        const { id, type, schemaVersion, metadata } = stamped[i] as (typeof stamped)[number];
        recorded.push({
          id,
          type,
          schemaVersion,
          streamId,
          streamVersion: firstVersion + i,
          position: positions[i] as Position,
          data: validated[i]?.data,
          metadata,
        } as unknown as RecordedEvent<E>);
      }
      return { events: recorded, streamVersion: result.streamVersion, position: result.position };
    } catch (error) {
      if (expectedVersion !== 'any' || !isConcurrencyConflict(error) || attempt >= ANY_RETRIES) {
        throw error;
      }
    }
  }
}
