// Verification for auditors: one stream, or the whole store, naming every event that was changed,
// removed, inserted or moved. A clean store costs one pass over the log; only streams whose chain
// fails that pass are read again and inspected in detail.
import { createStreamChainVerifier, type StreamChainVerifier } from '../chainVerifier.js';
import { isStreamNotFound } from '../errors.js';
import type { EventStore } from '../store.js';
import type { StreamAnchor, StreamAudit } from './findings.js';
import { createStreamInspector } from './streamInspector.js';

export interface StreamAuditOptions {
  /** The head recorded elsewhere (an export manifest): also finds events removed at the end. */
  readonly anchor?: StreamAnchor;
  /** How far (in events) moved events are looked for. Default 16. */
  readonly reach?: number;
}

/** Audits one stream. A stream that does not exist throws `StreamNotFoundError`. */
export async function auditStream(
  store: EventStore,
  streamId: string,
  options: StreamAuditOptions = {},
): Promise<StreamAudit> {
  const inspector = createStreamInspector(streamId, options);
  for await (const event of store.readStream(streamId)) inspector.push(event);
  inspector.end();
  return inspector.report();
}

export interface StoreAuditOptions {
  /** Heads recorded elsewhere (an export manifest): also finds removed tails and whole streams. */
  readonly anchors?: readonly StreamAnchor[];
  /**
   * The hashes recorded for each version of some anchored streams (`readExportHashes` of the
   * export the anchors come from). Asked only for anchored streams that fail the first pass, so
   * a stream rewritten and re-chained is named by its first rewritten event.
   */
  readonly recordedHashes?: RecordedHashes;
  /** Only streams whose id starts with this. */
  readonly streamPrefix?: string;
  /** Only these streams, each read on its own (for a few streams in a large store). */
  readonly streams?: readonly string[];
  readonly reach?: number;
  /** Stops the audit between events; it then throws the signal's reason. */
  readonly signal?: AbortSignal;
  /** Called after every 1,000 events of the first pass. */
  readonly onProgress?: (progress: { readonly eventsChecked: number }) => void;
}

/** The hashes recorded for each version of the streams asked for, by stream id. */
export type RecordedHashes = (
  streamIds: readonly string[],
) => Promise<ReadonlyMap<string, readonly string[]>>;

/** The anchors of these streams, with their recorded hashes when `recorded` keeps them. */
async function withHashes(
  streamIds: readonly string[],
  anchors: ReadonlyMap<string, StreamAnchor>,
  recorded: RecordedHashes | undefined,
): Promise<ReadonlyMap<string, StreamAnchor>> {
  const anchored = streamIds.filter((id) => anchors.has(id));
  if (recorded === undefined || anchored.length === 0) return anchors;
  const hashes = await recorded(anchored);
  const merged = new Map(anchors);
  for (const [streamId, list] of hashes) {
    const anchor = anchors.get(streamId);
    if (anchor !== undefined) merged.set(streamId, { ...anchor, hashes: list });
  }
  return merged;
}

export interface StoreAudit {
  readonly store: string;
  /** True when every stream verifies and every anchored stream is present and intact. */
  readonly ok: boolean;
  readonly streamsChecked: number;
  readonly eventsChecked: number;
  /** The streams with findings, in the order they first appear in the log. */
  readonly broken: readonly StreamAudit[];
  /** Anchored streams the store does not have at all. */
  readonly missingStreams: readonly StreamAnchor[];
}

interface Seen {
  readonly verifier: StreamChainVerifier;
  /** The stored hash of the event at the anchored head's version. */
  headHash?: string;
}

/** Audits every stream of the store (or those under `streamPrefix`). */
export async function auditStore(
  store: EventStore,
  options: StoreAuditOptions = {},
): Promise<StoreAudit> {
  const anchors = new Map((options.anchors ?? []).map((a) => [a.streamId, a]));
  if (options.streams !== undefined) return auditStreams(store, options.streams, anchors, options);
  const seen = new Map<string, Seen>();
  let eventsChecked = 0;
  const prefix = options.streamPrefix;
  for await (const event of store.readAll(prefix === undefined ? {} : { streamPrefix: prefix })) {
    options.signal?.throwIfAborted();
    let stream = seen.get(event.streamId);
    if (stream === undefined) {
      stream = { verifier: createStreamChainVerifier(event.streamId) };
      seen.set(event.streamId, stream);
    }
    stream.verifier.check(event);
    const anchor = anchors.get(event.streamId);
    if (anchor !== undefined && event.streamVersion === anchor.eventCount - 1) {
      stream.headHash = event.metadata.hash;
    }
    if (++eventsChecked % 1000 === 0) options.onProgress?.({ eventsChecked });
  }

  const failing = [...seen]
    .filter(([streamId, stream]) => {
      const anchor = anchors.get(streamId);
      return !(
        stream.verifier.report().ok &&
        (anchor === undefined || stream.headHash === anchor.lastHash)
      );
    })
    .map(([streamId]) => streamId);
  const detailed = await withHashes(failing, anchors, options.recordedHashes);
  const broken: StreamAudit[] = [];
  for (const streamId of failing) {
    const anchor = detailed.get(streamId);
    options.signal?.throwIfAborted();
    const audit = await auditStream(store, streamId, {
      ...(anchor === undefined ? {} : { anchor }),
      ...(options.reach === undefined ? {} : { reach: options.reach }),
    });
    if (!audit.ok) broken.push(audit);
  }
  const missingStreams = [...anchors.values()].filter(
    (a) => !seen.has(a.streamId) && (prefix === undefined || a.streamId.startsWith(prefix)),
  );
  return {
    store: store.name,
    ok: broken.length === 0 && missingStreams.length === 0,
    streamsChecked: seen.size,
    eventsChecked,
    broken,
    missingStreams,
  };
}

async function auditStreams(
  store: EventStore,
  streamIds: readonly string[],
  anchors: ReadonlyMap<string, StreamAnchor>,
  options: StoreAuditOptions,
): Promise<StoreAudit> {
  const broken: StreamAudit[] = [];
  const missingStreams: StreamAnchor[] = [];
  let eventsChecked = 0;
  let streamsChecked = 0;
  const unique = [...new Set(streamIds)];
  const detailed = await withHashes(unique, anchors, options.recordedHashes);
  for (const streamId of unique) {
    options.signal?.throwIfAborted();
    const anchor = detailed.get(streamId);
    try {
      const audit = await auditStream(store, streamId, {
        ...(anchor === undefined ? {} : { anchor }),
        ...(options.reach === undefined ? {} : { reach: options.reach }),
      });
      streamsChecked++;
      eventsChecked += audit.eventsChecked;
      if (!audit.ok) broken.push(audit);
    } catch (error) {
      if (!isStreamNotFound(error) || anchor === undefined) throw error;
      missingStreams.push(anchor);
    }
  }
  return {
    store: store.name,
    ok: broken.length === 0 && missingStreams.length === 0,
    streamsChecked,
    eventsChecked,
    broken,
    missingStreams,
  };
}
