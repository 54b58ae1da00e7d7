// The ledger's writing side. Every append, from a caller or from the command handler, ends in
// `appendAfter`: stamp and hash-chain the checked events onto a known head and append them with
// that head's exact version (decision 003). A caller's `append` first checks its input and reads
// the head; the command handler already holds both, from the load its decision was made on.
import {
  checkActor,
  checkExpectedVersion,
  checkId,
  checkTimestamp,
  validateEvents,
} from './appendInput.js';
import { identityEncoder, type EventEncoder } from './encoder.js';
import type {
  Actor,
  AppendResult,
  DomainEvent,
  EventToAppend,
  ExpectedVersion,
  Position,
  RecordedEvent,
} from './envelope.js';
import { isConcurrencyConflict, ValidationError } from './errors.js';
import type { Clock } from './ids.js';
import type { LedgerCodec } from './ledgerCodec.js';
import type { EventRegistry } from './registry.js';
import { stampEvents, type StampInput, type StreamHead } from './stampEvents.js';
import { isSyncRead, type EventStore } from './store.js';
import type { ActorPool } from './storeKit/actorPool.js';
import type { StreamHeads } from './streamHeads.js';
import { assertExpectedVersion } from './storeKit/expectedVersion.js';

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

/** An append whose every part was checked: ready to stamp onto a head. */
export interface CheckedEvents {
  readonly streamId: string;
  readonly events: readonly (DomainEvent & { readonly schemaVersion: number })[];
  readonly actor: Actor;
  /** Default: the time it is recorded. */
  readonly occurredAt: string | undefined;
  readonly correlationId: string | undefined;
  readonly causationId: string | undefined;
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
  /** The one frozen object kept for each actor of the envelopes this ledger seals. */
  readonly actors: ActorPool;
  /** The heads this ledger wrote last, so appending right after them needs no read. */
  readonly heads: StreamHeads;
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

/** The subject of errors about an append to `streamId`. */
export const appendSubject = (streamId: unknown): string =>
  `append to stream '${String(streamId)}'`;

/** Checks a caller's append; nothing is read before it passes. */
export function checkLedgerAppend(
  registry: EventRegistry,
  streamId: string,
  events: readonly DomainEvent[],
  options: LedgerAppendOptions,
): { readonly checked: CheckedEvents; readonly expectedVersion: ExpectedVersion } {
  const subject = appendSubject(streamId);
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
  return {
    checked: {
      streamId,
      events: validateEvents(registry, events, subject),
      actor,
      occurredAt,
      correlationId,
      causationId,
    },
    expectedVersion,
  };
}

/** Store conflicts a caller expecting `any` never asked to see; others see the first one. */
const ANY_RETRIES = 3;

/** A caller's append: check, read the head, check the expected version, append after it. */
export async function appendEvents<E extends DomainEvent>(
  context: AppendContext,
  streamId: string,
  events: readonly E[],
  options: LedgerAppendOptions,
): Promise<LedgerAppendResult<E>> {
  const { checked, expectedVersion } = checkLedgerAppend(
    context.registry,
    streamId,
    events,
    options,
  );
  const { codec } = context;
  for (let attempt = 0; ; attempt++) {
    try {
      // A caller expecting a new stream needs no read: if the stream exists, the store refuses.
      let head: StreamHead | undefined;
      if (expectedVersion !== 'no-stream') {
        // Right after this ledger's own last append to the stream, that append's head is the one.
        head =
          typeof expectedVersion === 'number'
            ? context.heads.at(streamId, expectedVersion)
            : undefined;
        if (head === undefined) {
          const read = codec.headRead(streamId);
          head = isSyncRead(read)
            ? codec.headNow(streamId, read)
            : await codec.head(streamId, read);
        }
      }
      assertExpectedVersion(streamId, expectedVersion, head?.streamVersion);
      return await appendAfter<E>(context, checked, head);
    } catch (error) {
      if (expectedVersion !== 'any' || !isConcurrencyConflict(error) || attempt >= ANY_RETRIES) {
        throw error;
      }
    }
  }
}

/**
 * The one write: stamps `checked` onto `head` (hash chain continued from it) and appends with
 * exactly its version, whatever the caller allowed, so a chain never forks. A rival append since
 * the head was read surfaces as the store's ConcurrencyConflictError.
 */
export async function appendAfter<E extends DomainEvent>(
  context: AppendContext,
  checked: CheckedEvents,
  head: StreamHead | undefined,
): Promise<LedgerAppendResult<E>> {
  const { store, codec, encoder } = context;
  const { streamId, events } = checked;
  const now = context.clock();
  const recordedAt = context.recordedAtOf(now);
  const ids: string[] = [];
  for (let i = 0; i < events.length; i++) ids.push(context.eventId(now));
  const input: StampInput = {
    streamId,
    events,
    ids,
    actor: checked.actor,
    occurredAt: checked.occurredAt ?? recordedAt,
    recordedAt,
    correlationId: checked.correlationId ?? (ids[0] as string),
    causationId: checked.causationId,
  };
  // The identity encoder's answer is known at once: waiting for it would cost a promise per event.
  const encoded =
    encoder === identityEncoder
      ? events.map((event) => event.data)
      : await encodeAll(encoder, input);
  const stamped = stampEvents(input, head, encoded, context.actors);
  let result: AppendResult;
  try {
    result = await store.append(streamId, stamped, {
      expectedVersion: head === undefined ? 'no-stream' : head.streamVersion,
    });
  } catch (error) {
    context.heads.forget(streamId);
    throw error;
  }
  const last = stamped[stamped.length - 1] as EventToAppend;
  context.heads.wrote(streamId, { streamVersion: result.streamVersion, hash: last.metadata.hash });
  const firstVersion = head === undefined ? 0 : head.streamVersion + 1;
  const positions =
    stamped.length === 1
      ? [result.position]
      : result.positions?.length === stamped.length
        ? result.positions
        : await codec.readPositions(streamId, firstVersion, stamped.length);
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
      data: events[i]?.data,
      metadata,
    } as unknown as RecordedEvent<E>);
  }
  return { events: recorded, streamVersion: result.streamVersion, position: result.position };
}

async function encodeAll(encoder: EventEncoder, input: StampInput): Promise<unknown[]> {
  const encoded: unknown[] = [];
  for (const [i, { type, schemaVersion, data }] of input.events.entries()) {
    const id = input.ids[i] as string;
    encoded.push(await encoder.encode({ id, type, schemaVersion, streamId: input.streamId, data }));
  }
  return encoded;
}
