// The read-model store port: where projections keep their state and checkpoint, saved together
// in one atomic write so a crash never double-counts or skips an event.
import type { Position } from './envelope.js';

/** What a projection persists: its state and the position of the last event folded into it. */
export interface ReadModelRecord<S = unknown> {
  /** JSON-serialisable read-model state. */
  readonly state: S;
  /** Position of the last event applied; `undefined` before the first. */
  readonly checkpoint: Position | undefined;
  /** The projection version that built this state; a different version means rebuild. */
  readonly projectionVersion: number;
  /** Events applied so far (for progress and sanity checks). */
  readonly eventsApplied: number;
  /** ISO time of the save. */
  readonly updatedAt: string;
}

/** A read model claimed by one projection runner; see `ReadModelStore.claim`. */
export interface ReadModelClaim {
  /**
   * Aborted when the claim is lost before it is released (e.g. the connection holding it
   * dropped), with the reason; another runner may then take the read model over.
   */
  readonly lost: AbortSignal;
  release(): Promise<void>;
}

export interface ReadModelStore {
  /** A short name for messages, e.g. `memory`, `sqlite:/path/to.db`. */
  readonly name: string;
  /** The record saved under `key`, or `undefined`. Returns a copy the caller may keep. */
  load<S>(key: string): Promise<ReadModelRecord<S> | undefined>;
  /** Saves state and checkpoint together, atomically, replacing what was under `key`. */
  save<S>(key: string, record: ReadModelRecord<S>): Promise<void>;
  /**
   * Atomically moves the record under `from` to `to`, replacing `to` (how a rebuilt copy is
   * switched in, so readers never see a half-built model). Throws when `from` is missing.
   */
  promote(from: string, to: string): Promise<void>;
  delete(key: string): Promise<void>;
  /** Keys saved, optionally only those starting with `prefix`. */
  keys(prefix?: string): Promise<string[]>;
  /**
   * Optional, for stores that several processes share: claims the read model `name` (every key
   * of one projection) for the caller until released, so two runners never work on it at once.
   * Resolves `undefined` at once when another holder has it.
   */
  claim?(name: string): Promise<ReadModelClaim | undefined>;
}
