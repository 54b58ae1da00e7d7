// Naming the first difference between the log and a checkpoint. Only the streams of the two
// entries in question are read (as recorded, from the checkpoint's file; as they are now, from
// the store), so what happened there can be told exactly: which event, and what was done to it.
import { contentHashOf } from '../chainVerifier.js';
import type { StoredEvent } from '../envelope.js';
import { isStreamNotFound } from '../errors.js';
import type { EventStore } from '../store.js';
import type { Checkpoint } from './checkpointFile.js';
import type { LogDifference, LogDifferenceKind } from './logDifference.js';
import { entryName, entryOf, placeName, type FoundEntry, type LogEntry } from './logEntry.js';

/** Where the log and the checkpoint first part: the recorded entry, and what is there now. */
export interface Mismatch {
  readonly recorded: LogEntry;
  /** Absent when the log ends before the checkpoint does. */
  readonly found?: FoundEntry;
}

/** A plain entry for reports, without the event it was read from. */
export const viewOf = (entry: LogEntry): LogEntry => ({
  index: entry.index,
  position: entry.position,
  streamId: entry.streamId,
  streamVersion: entry.streamVersion,
  type: entry.type,
  id: entry.id,
  hash: entry.hash,
});

const hashAt = (event: StoredEvent, streamVersion: number): string => {
  const content = contentHashOf({ ...event, streamVersion });
  return 'hash' in content ? content.hash : '';
};

/** The event is the recorded one, intact apart from its place. */
const genuine = (found: FoundEntry, recorded: LogEntry): boolean =>
  found.streamId === recorded.streamId &&
  hashAt(found.event, recorded.streamVersion) === recorded.hash;

async function readStream(store: EventStore, streamId: string): Promise<FoundEntry[]> {
  const events: FoundEntry[] = [];
  try {
    for await (const event of store.readStream(streamId)) events.push(entryOf(event, -1));
  } catch (error) {
    if (!isStreamNotFound(error)) throw error;
  }
  return events;
}

/** The first difference, named. */
export async function judgeDifference(
  store: EventStore,
  checkpoint: Checkpoint,
  { recorded, found }: Mismatch,
): Promise<LogDifference> {
  const streams = new Set([recorded.streamId, ...(found === undefined ? [] : [found.streamId])]);
  const recordedStreams = new Map<string, LogEntry[]>();
  const sameId: LogEntry[] = [];
  for await (const entry of checkpoint.entries()) {
    if (streams.has(entry.streamId)) {
      const list = recordedStreams.get(entry.streamId) ?? [];
      list.push(entry);
      recordedStreams.set(entry.streamId, list);
    }
    if (entry.id === found?.id) sameId.push(entry);
  }
  const current = new Map<string, FoundEntry[]>();
  for (const streamId of streams) current.set(streamId, await readStream(store, streamId));
  const judge = new Judge(recordedStreams, current);
  return judge.first(recorded, found, sameId);
}

class Judge {
  constructor(
    private readonly recordedStreams: ReadonlyMap<string, readonly LogEntry[]>,
    private readonly currentStreams: ReadonlyMap<string, readonly FoundEntry[]>,
  ) {}

  private recordedOf = (streamId: string) => this.recordedStreams.get(streamId) ?? [];
  private currentOf = (streamId: string) => this.currentStreams.get(streamId) ?? [];
  private currentAt = (streamId: string, streamVersion: number) =>
    this.currentOf(streamId).find((e) => e.streamVersion === streamVersion);

  first(recorded: LogEntry, found: FoundEntry | undefined, sameId: readonly LogEntry[]) {
    if (found === undefined) return this.removal(recorded, undefined);
    if (found.id === recorded.id) return this.sameEvent(recorded, found);
    const foundRecorded = sameId.find((entry) => genuine(found, entry));
    if (foundRecorded === undefined) {
      const inItsPlace =
        found.streamId === recorded.streamId && found.streamVersion === recorded.streamVersion;
      if (inItsPlace && this.whereNow(recorded) === undefined) {
        return this.rewritten(recorded, found);
      }
      return this.extra(recorded, found);
    }
    if (foundRecorded.index < recorded.index) {
      return this.difference(
        'inserted',
        recorded,
        found,
        found,
        `${entryName(found)} at ${placeName(found)} was inserted: it is a copy of the event recorded at ${placeName(foundRecorded)}, where the log still holds it`,
      );
    }
    const now = this.whereNow(recorded);
    if (now === undefined) return this.removal(recorded, found);
    // The event that left is the one moved, unless another came from further away to take its place.
    if (foundRecorded.index === recorded.index + 1) {
      return this.difference(
        'reordered',
        recorded,
        found,
        recorded,
        `${entryName(recorded)} was moved in the log: recorded at ${placeName(recorded)}, it is now at position ${now.position}, after events recorded after it`,
      );
    }
    return this.difference(
      'reordered',
      recorded,
      found,
      foundRecorded,
      `${entryName(foundRecorded)} was moved in the log: recorded at ${placeName(foundRecorded)}, it is now at ${placeName(found)}, before ${entryName(recorded)} recorded there`,
    );
  }

  /** Where the recorded event is now, intact, if anywhere in its stream. */
  private whereNow(recorded: LogEntry): FoundEntry | undefined {
    return this.currentOf(recorded.streamId).find(
      (e) => e.id === recorded.id && genuine(e, recorded),
    );
  }

  private sameEvent(recorded: LogEntry, found: FoundEntry): LogDifference {
    const name = entryName(recorded);
    const at = placeName(recorded);
    if (found.streamId !== recorded.streamId) {
      return this.difference(
        'changed',
        recorded,
        found,
        recorded,
        `${name} at ${at} was changed: it now claims to belong to ${found.streamId} v${found.streamVersion}`,
      );
    }
    if (found.streamVersion !== recorded.streamVersion) {
      if (!genuine(found, recorded)) {
        return this.difference(
          'changed',
          recorded,
          found,
          recorded,
          `${name} at ${at} was changed: it is now v${found.streamVersion}, and its content is not the recorded one`,
        );
      }
      if (this.orderFlipped(recorded, found)) {
        return this.difference(
          'reordered',
          recorded,
          found,
          recorded,
          `${name} was moved within its stream: recorded as v${recorded.streamVersion}, it is now v${found.streamVersion}, out of the order it was recorded in`,
        );
      }
      return this.difference(
        'renumbered',
        recorded,
        found,
        recorded,
        `${name} was renumbered to v${found.streamVersion} (recorded as v${recorded.streamVersion}): its content is as recorded, but events before it in its stream were removed or inserted`,
      );
    }
    if (found.hash !== recorded.hash) return this.rewritten(recorded, found);
    if (found.position !== recorded.position) {
      return this.difference(
        'renumbered',
        recorded,
        found,
        recorded,
        `${name} was renumbered: recorded at position ${recorded.position}, it is now at position ${found.position}; its content and order are as recorded, but readers that resume from a position will see it again or never`,
      );
    }
    return this.difference(
      'changed',
      recorded,
      found,
      recorded,
      `${name} at ${at} was changed: its content is as recorded, but its stored hash was altered`,
    );
  }

  /** The event in the recorded place has other content (and perhaps another id). */
  private rewritten(recorded: LogEntry, found: FoundEntry): LogDifference {
    const name = entryName(recorded);
    const as = found.id === recorded.id ? '' : `, now as ${entryName(found)},`;
    const at = placeName(recorded);
    if (found.sealed && this.chainedOnward(found)) {
      const later = this.currentOf(found.streamId).filter(
        (e) => e.streamVersion > found.streamVersion,
      );
      return this.difference(
        'rechained',
        recorded,
        found,
        recorded,
        `${name} at ${at} was rewritten${as} and re-chained: its content and hash are not the recorded ones, yet ` +
          (later.length === 0
            ? 'it is the last of its stream, so its chain alone verifies'
            : `the ${later.length} later event${later.length === 1 ? '' : 's'} of its stream were re-hashed to link to it, so its chain alone verifies`),
      );
    }
    const why = found.sealed
      ? 'its hash was recomputed, but the chain after it does not link to it'
      : 'nor does it match its own stored hash';
    return this.difference(
      'changed',
      recorded,
      found,
      recorded,
      found.id === recorded.id
        ? `${name} at ${at} was changed: its content is not the one recorded; ${why}`
        : `${name} at ${at} was replaced by ${entryName(found)}, which was never recorded; ${why}`,
    );
  }

  /** An event never recorded, in the middle of what was. */
  private extra(recorded: LogEntry, found: FoundEntry): LogDifference {
    const instead = `the checkpoint recorded ${entryName(recorded)} there`;
    if (found.sealed && this.linked(found)) {
      return this.difference(
        'forged',
        recorded,
        found,
        found,
        `${entryName(found)} at ${placeName(found)} is a properly chained forgery: it was never recorded (${instead}), ` +
          `yet its hash matches its content and it links to ${found.streamVersion === 0 ? 'nothing, as the first event of a stream' : `${found.streamId} v${found.streamVersion - 1}`}`,
      );
    }
    return this.difference(
      'inserted',
      recorded,
      found,
      found,
      `${entryName(found)} at ${placeName(found)} was inserted: it was never recorded (${instead}), and ${
        found.sealed
          ? 'it does not link to the event before it in its stream'
          : 'its content does not match its own hash'
      }`,
    );
  }

  private removal(recorded: LogEntry, found: FoundEntry | undefined): LogDifference {
    const name = entryName(recorded);
    const at = placeName(recorded);
    const events = this.currentOf(recorded.streamId);
    const recordedStream = this.recordedOf(recorded.streamId);
    if (events.length === 0) {
      return this.difference(
        'stream-removed',
        recorded,
        found,
        recorded,
        `${name}, recorded at ${at}, was removed with its whole stream: the log has no ${recorded.streamId} at all (the checkpoint recorded ${recordedStream.length} event${recordedStream.length === 1 ? '' : 's'} of it)`,
      );
    }
    const laterRemain = events.some((e) =>
      recordedStream.some((r) => r.id === e.id && r.streamVersion > recorded.streamVersion),
    );
    if (laterRemain) {
      return this.difference(
        'removed',
        recorded,
        found,
        recorded,
        `${name}, recorded at ${at}, was removed: no event of the log carries it, while later events of its stream remain`,
      );
    }
    const last = events[events.length - 1] as FoundEntry;
    return this.difference(
      'tail-removed',
      recorded,
      found,
      recorded,
      `${name}, recorded at ${at}, was removed with every later event of its stream: ${recorded.streamId} now ends at v${last.streamVersion}, where the checkpoint recorded ${recordedStream.length} events`,
    );
  }

  /** Whether, among its stream's recorded events, the moved one changed sides with another. */
  private orderFlipped(recorded: LogEntry, found: FoundEntry): boolean {
    const inItsPlace = this.currentAt(recorded.streamId, recorded.streamVersion);
    const was = this.recordedOf(recorded.streamId).find((r) => r.id === inItsPlace?.id);
    if (inItsPlace === undefined || was === undefined) return false;
    const moved = found.streamVersion - recorded.streamVersion;
    return (was.streamVersion - recorded.streamVersion) * moved > 0;
  }

  /** Its prevHash is the stored hash of the event before it in its stream (null for the first). */
  private linked(found: FoundEntry): boolean {
    const prevHash = found.event.metadata.prevHash;
    if (found.streamVersion === 0) return prevHash === null;
    return (
      this.currentAt(found.streamId, found.streamVersion - 1)?.event.metadata.hash === prevHash
    );
  }

  /** Linked, and every later event of its stream sealed and linked in turn. */
  private chainedOnward(found: FoundEntry): boolean {
    if (!this.linked(found)) return false;
    let previous = found.event.metadata.hash;
    for (const e of this.currentOf(found.streamId)) {
      if (e.streamVersion <= found.streamVersion) continue;
      if (!e.sealed || e.event.metadata.prevHash !== previous) return false;
      previous = e.event.metadata.hash;
    }
    return true;
  }

  private difference(
    kind: LogDifferenceKind,
    recorded: LogEntry,
    found: FoundEntry | undefined,
    subject: LogEntry,
    message: string,
  ): LogDifference {
    return {
      kind,
      index: recorded.index,
      streamId: subject.streamId,
      streamVersion: subject.streamVersion,
      recorded: viewOf(recorded),
      ...(found === undefined ? {} : { found: viewOf(found) }),
      message,
    };
  }
}
