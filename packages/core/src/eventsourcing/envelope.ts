// The shape of a stored fact: the envelope every store keeps and every reader gets back.
// Positions are opaque outside the store that issued them; stream versions are 0-based everywhere.

/** Who did it. Auditors need this on every event, so it is required. */
export interface Actor {
  readonly id: string;
  /** The capacity they acted in, e.g. `community-police-officer`, `grid-worker`, `system`. */
  readonly role: string;
  readonly name?: string;
}

/**
 * A place in a store's global log. Totally ordered within one store and resumable, but opaque:
 * only the store that issued it may interpret it (EventStoreDB packs commit and prepare positions).
 */
export type Position = string & { readonly __brand: 'Gridledger.Position' };

/** Metadata carried by every event. The hash-chain fields are written by the kernel's ledger. */
export interface EventMetadata {
  readonly actor: Actor;
  /** When it happened in the world (ISO 8601, from the command). */
  readonly occurredAt: string;
  /** When it was recorded (ISO 8601, from the ledger's clock). */
  readonly recordedAt: string;
  readonly correlationId: string;
  readonly causationId?: string;
  /** Hash of the previous event in the same stream; `null` for the first event. */
  readonly prevHash: string | null;
  /** This event's own hash over the canonical encoding of everything else. */
  readonly hash: string;
}

/** An event as a store returns it. `data` is the stored (possibly older-schema) payload. */
export interface StoredEvent {
  /** A ULID. */
  readonly id: string;
  /** Stable past-tense name, never changed once stored (e.g. `DisputeReported`). */
  readonly type: string;
  readonly schemaVersion: number;
  readonly streamId: string;
  /** 0-based place in the stream. */
  readonly streamVersion: number;
  readonly position: Position;
  readonly data: unknown;
  readonly metadata: EventMetadata;
}

/** An event handed to a store for appending; the store assigns stream version and position. */
export interface EventToAppend {
  readonly id: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: unknown;
  readonly metadata: EventMetadata;
}

/** A domain event as deciders see it: plain data, discriminated by `type`. */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
}

/**
 * A stored event whose data has been upcast to the current schema and validated, typed by the
 * domain event union `E`.
 */
export type RecordedEvent<E extends DomainEvent = DomainEvent> = E extends DomainEvent
  ? Omit<StoredEvent, 'type' | 'data'> & { readonly type: E['type']; readonly data: E['data'] }
  : never;

/**
 * What the writer expects of the stream before its append:
 * a version (the last event's 0-based version), or one of the three named states.
 */
export type ExpectedVersion = number | 'no-stream' | 'stream-exists' | 'any';

/** The result of a successful append. */
export interface AppendResult {
  /** Version of the last event appended (pass it as the next expected version). */
  readonly streamVersion: number;
  /** Global position of the last event appended. */
  readonly position: Position;
  /**
   * Positions of every event appended, in order, when the store knows them without another
   * read (the memory and SQLite stores do). The ledger reads them back otherwise.
   */
  readonly positions?: readonly Position[];
}
