// Checking the log against a signed checkpoint: one pass in position order, comparing each event
// with the entry the checkpoint recorded at its place and checking every stream's chain. Proves
// that everything up to the checkpoint is unchanged and nothing was removed, renumbered or
// inserted, or names the first place where that is not so. An older checkpoint verifies against
// a longer log: the events after its end are counted, not judged (unless they claim to be older).
import type { KeyObject } from 'node:crypto';
import {
  contentHashOf,
  createStreamChainVerifier,
  type StreamChainVerifier,
} from '../chainVerifier.js';
import type { EventStore } from '../store.js';
import { readCheckpoint, type Checkpoint } from './checkpointFile.js';
import { publicKeyFrom } from './checkpointKeys.js';
import type { SignedCheckpoint } from './checkpointNote.js';
import { judgeDifference, viewOf, type Mismatch } from './judgeDifference.js';
import type { LogDifference } from './logDifference.js';
import {
  entryName,
  entryOf,
  placeName,
  sameEntry,
  type FoundEntry,
  type LogEntry,
} from './logEntry.js';

export interface CheckpointVerifyOptions {
  /** The office's Ed25519 public key: a KeyObject, or PEM text. */
  readonly publicKey: KeyObject | string;
  /**
   * How much earlier than the last event a checkpoint covers an event appended after it may
   * say it was recorded, before it is judged backdated: appends in flight while the checkpoint
   * was made, and clocks a little apart. Default 5 minutes.
   */
  readonly backdatingToleranceMs?: number;
  readonly signal?: AbortSignal;
  /** Called after every 1,000 events read. */
  readonly onProgress?: (progress: { readonly eventsChecked: number }) => void;
}

export interface CheckpointVerification {
  readonly store: string;
  readonly file: string;
  /** True when the log holds exactly what the checkpoint covers, and every chain verifies. */
  readonly ok: boolean;
  /** The checkpoint, as signed. */
  readonly checkpoint: Omit<SignedCheckpoint, 'note'>;
  readonly streamsChecked: number;
  readonly eventsChecked: number;
  /** Events after the checkpoint's end: appended since it was made, so not covered by it. */
  readonly eventsSince: number;
  /** The first place where the log is not what the checkpoint recorded. */
  readonly firstDifference?: LogDifference;
  /**
   * Streams whose own hash chain does not verify, in the order they fail: `auditStore` with
   * `streams` names each finding in them.
   */
  readonly streamsBroken: readonly string[];
}

const DEFAULT_TOLERANCE = 5 * 60_000;

const keyOf = (publicKey: KeyObject | string): KeyObject =>
  typeof publicKey === 'string' ? publicKeyFrom(publicKey) : publicKey;

/**
 * Verifies the log in `store` against the checkpoint in `file`. The checkpoint itself must check
 * out first: a malformed file throws ValidationError, a signature that is not the key's or does
 * not verify, or entries altered after signing, throw SignatureError. A log that differs is not
 * an error: the result names the difference.
 */
export async function verifyCheckpoint(
  store: EventStore,
  file: string,
  options: CheckpointVerifyOptions,
): Promise<CheckpointVerification> {
  const checkpoint = await readCheckpoint(file, keyOf(options.publicKey));
  const tolerance = options.backdatingToleranceMs ?? DEFAULT_TOLERANCE;
  const recordedUntil =
    checkpoint.recordedUntil === undefined ? undefined : Date.parse(checkpoint.recordedUntil);
  const chains = new Map<string, StreamChainVerifier>();
  const broken = new Set<string>();
  const entries = checkpoint.entries()[Symbol.asyncIterator]();
  let mismatch: Mismatch | undefined;
  let backdated: FoundEntry | undefined;
  let index = 0;
  try {
    for await (const event of store.readAll()) {
      options.signal?.throwIfAborted();
      const content = contentHashOf(event);
      const found = entryOf(event, index, content);
      let chain = chains.get(event.streamId);
      if (chain === undefined) {
        chain = createStreamChainVerifier(event.streamId);
        chains.set(event.streamId, chain);
      }
      // A Set keeps the order streams first failed in.
      if (chain.check(event, content) !== undefined) broken.add(event.streamId);
      if (index < checkpoint.treeSize) {
        if (mismatch === undefined) {
          const recorded = (await entries.next()).value as LogEntry;
          if (!found.sealed || !sameEntry(found, recorded)) mismatch = { recorded, found };
        }
      } else if (mismatch === undefined && backdated === undefined && recordedUntil !== undefined) {
        if (Date.parse(event.metadata.recordedAt) < recordedUntil - tolerance) backdated = found;
      }
      if (++index % 1000 === 0) options.onProgress?.({ eventsChecked: index });
    }
    if (mismatch === undefined && index < checkpoint.treeSize) {
      mismatch = { recorded: (await entries.next()).value as LogEntry };
    }
  } finally {
    await entries.return?.();
  }
  const firstDifference =
    mismatch !== undefined
      ? await judgeDifference(store, checkpoint, mismatch)
      : backdated === undefined
        ? undefined
        : backdatedDifference(backdated, checkpoint);
  const { origin, treeSize, rootHash, issuedAt, recordedUntil: until, keyId } = checkpoint;
  const signed = {
    origin,
    treeSize,
    rootHash,
    issuedAt,
    keyId,
    ...(until === undefined ? {} : { recordedUntil: until }),
  };
  return {
    store: store.name,
    file,
    ok: firstDifference === undefined && broken.size === 0,
    checkpoint: signed,
    streamsChecked: chains.size,
    eventsChecked: index,
    eventsSince: Math.max(0, index - checkpoint.treeSize),
    ...(firstDifference === undefined ? {} : { firstDifference }),
    streamsBroken: [...broken],
  };
}

function backdatedDifference(found: FoundEntry, checkpoint: Checkpoint): LogDifference {
  return {
    kind: 'backdated',
    index: found.index,
    streamId: found.streamId,
    streamVersion: found.streamVersion,
    found: viewOf(found),
    message:
      `${entryName(found)} at ${placeName(found)} was appended after the checkpoint, yet claims to ` +
      `have been recorded at ${found.event.metadata.recordedAt}, before the last event the checkpoint ` +
      `covers (${checkpoint.recordedUntil}): it was written into the log afterwards and backdated`,
  };
}
