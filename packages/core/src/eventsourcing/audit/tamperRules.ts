// The rules that name what was done to a stream, judged on a window of events around the one in
// question: its seal, who links to it, whose place it occupies.
import type { StoredEvent } from '../envelope.js';
import {
  finding,
  nameOf,
  removedFinding,
  type StreamAnchor,
  type TamperFinding,
} from './findings.js';

/** One event as the inspector sees it. */
export interface Entry {
  readonly index: number;
  readonly event: StoredEvent;
  readonly hash: string | undefined;
  readonly prevHash: string | null | undefined;
  /** The version its hash was made for; undefined when it matches none (altered or forged). */
  readonly sealedAt: number | undefined;
  /** Its prevHash is the stored hash of the event read just before it. */
  readonly linked: boolean;
  /** Judged inserted: it does not count as a genuine neighbour. */
  forged: boolean;
}

/** The last genuine event in order, and what has been judged since. */
export interface Progress {
  anchor: { readonly sealedAt: number; readonly hash: string | null | undefined };
  /** Versions of events judged `changed` since the anchor: they still hold their places. */
  changedSince: number[];
  /** Original versions of reordered events not yet passed by an anchor. */
  readonly claimed: Set<number>;
  /** A rewrite was found where the record's hashes begin to differ. */
  rewritten: boolean;
}

const short = (hash: string | null | undefined): string =>
  typeof hash === 'string' ? `${hash.slice(0, 12)}…` : String(hash);

/** Judges an event whose hash matches its content at no nearby version. */
export function judgeUnsealed(
  e: Entry,
  window: readonly Entry[],
  recordedCount: number | undefined,
): TamperFinding {
  const others = window.filter((o) => o !== e);
  const copyOf = e.hash === undefined ? undefined : others.find((o) => o.hash === e.hash);
  if (copyOf !== undefined) {
    return finding(
      'inserted',
      e.event,
      `was inserted: it carries the hash of ${nameOf(copyOf.event)}, so it is a forged copy`,
    );
  }
  const vouchedBy = e.hash === undefined ? undefined : others.find((o) => o.prevHash === e.hash);
  if (vouchedBy !== undefined) {
    return finding(
      'changed',
      e.event,
      `was changed: its content no longer matches its hash, which ${nameOf(vouchedBy.event)} still ` +
        'links to; its data, actor, times or ids were altered after it was recorded',
    );
  }
  const rival =
    typeof e.prevHash === 'string'
      ? others.find((o) => o.prevHash === e.prevHash && o.sealedAt !== undefined)
      : undefined;
  if (rival !== undefined) {
    return finding(
      'inserted',
      e.event,
      `was inserted: it claims to follow the same event as ${nameOf(rival.event)}, whose hash is genuine`,
    );
  }
  const here = e.event.streamVersion;
  if (recordedCount !== undefined && here >= recordedCount) {
    return finding(
      'inserted',
      e.event,
      `was inserted: it lies beyond the ${recordedCount} events recorded in the manifest and its hash matches nothing`,
    );
  }
  const owner = others.find((o) => o.sealedAt === here);
  if (owner !== undefined) {
    return finding(
      'inserted',
      e.event,
      `was inserted: its place belongs to ${nameOf(owner.event)}, whose hash was made for v${here}`,
    );
  }
  return finding(
    'changed',
    e.event,
    'was changed: its content no longer matches its hash; it was altered after it was recorded (or forged)',
  );
}

/**
 * Versions missing between the anchor and `e`, a genuine event in order: those no genuine event
 * in the window was made for and no changed event still holds.
 */
export function removedBefore(
  e: Entry,
  window: readonly Entry[],
  progress: Progress,
  upTo: number = e.sealedAt ?? 0,
  why?: string,
): TamperFinding[] {
  const open: number[] = [];
  for (let v = progress.anchor.sealedAt + 1; v < upTo; v++) {
    if (!progress.claimed.has(v) && !window.some((o) => o !== e && o.sealedAt === v)) open.push(v);
  }
  const changed = [...progress.changedSince];
  const unheld = open.filter((v) => {
    const at = changed.indexOf(v);
    if (at >= 0) changed.splice(at, 1);
    return at < 0;
  });
  // Changed events renumbered by the same tampering still fill the earliest open places.
  const missing = unheld.slice(changed.length);
  if (missing.length === 0) return [];
  const prevHeld = window.some((o) => o.hash === e.prevHash);
  return missing.map((v) => {
    const linksToIt = v === upTo - 1 && typeof e.prevHash === 'string' && !prevHeld;
    const reason =
      why ??
      (linksToIt
        ? `no stored event carries it; ${nameOf(e.event)} still links to its hash ${short(e.prevHash)}`
        : `no stored event carries it, and ${nameOf(e.event)} was recorded as v${upTo}`);
    return removedFinding(
      e.event.streamId,
      v,
      linksToIt && typeof e.prevHash === 'string' ? e.prevHash : undefined,
      reason,
    );
  });
}

/**
 * A genuine event whose successor links to some other hash was altered and its hash recomputed:
 * its own seal is consistent, but the chain recorded after it remembers the original.
 */
export function rehashed(e: Entry, window: readonly Entry[]): TamperFinding | undefined {
  const sealedAt = e.sealedAt ?? -1;
  if (sealedAt === 0 && e.prevHash !== null) {
    return finding(
      'changed',
      e.event,
      `was changed and re-hashed: it is the first event yet links to ${short(e.prevHash)}`,
    );
  }
  const next =
    window.find((o) => o.index === e.index + 1 && o.sealedAt === sealedAt + 1) ??
    window.find((o) => o !== e && o.sealedAt === sealedAt + 1);
  if (next === undefined || next.prevHash === e.hash) return undefined;
  // The successor links to another event that is present (a moved copy): judged there.
  if (window.some((o) => o !== e && o.hash === next.prevHash)) return undefined;
  return finding(
    'changed',
    e.event,
    `was changed and re-hashed: its hash ${short(e.hash)} is consistent with its content, but ` +
      `${nameOf(next.event)}, recorded after it, links to ${short(next.prevHash)}`,
  );
}

const vouched = (e: Entry, window: readonly Entry[]): boolean =>
  e.hash !== undefined && window.some((o) => o.prevHash === e.hash);

/**
 * A well-formed seal that is still a forgery: a moved copy of an event that is in its place, or
 * one of two events sealed for the same place, when the later chain runs through the other.
 */
export function forgedSeal(
  e: Entry,
  sealedAt: number,
  window: readonly Entry[],
): TamperFinding | undefined {
  if (sealedAt !== e.event.streamVersion) {
    const original = window.find(
      (o) => o !== e && o.hash === e.hash && o.sealedAt === o.event.streamVersion,
    );
    if (original !== undefined) {
      return finding(
        'inserted',
        e.event,
        `was inserted: it is a copy of ${nameOf(original.event)}`,
      );
    }
  }
  const rival = window.find((o) => o !== e && !o.forged && o.sealedAt === sealedAt);
  if (rival === undefined || vouched(e, window) || !vouched(rival, window)) return undefined;
  return finding(
    'inserted',
    e.event,
    `was inserted: its hash is well formed for v${sealedAt}, but the chain recorded after ` +
      `that place runs through ${nameOf(rival.event)}`,
  );
}

/**
 * The first event whose hash is not the one recorded for its version, while its own seal and
 * link hold: it was rewritten, and the stream re-chained from it (the later events then differ
 * only because they link to it, and are not findings of their own).
 */
export function rechainedFrom(
  e: Entry,
  sealedAt: number,
  anchor: StreamAnchor | undefined,
): TamperFinding | undefined {
  const recorded = anchor?.hashes?.[sealedAt];
  if (recorded === undefined || e.hash === recorded) return undefined;
  return finding(
    'changed',
    e.event,
    `was rewritten and re-chained: its hash ${short(e.hash)} is consistent with its content, but the ` +
      `record holds ${short(recorded)} for v${sealedAt}, and the events after it were re-hashed to link to it`,
  );
}

/** The event at the head recorded in a manifest must still carry the hash recorded there. */
export function rewrittenHead(
  e: Entry,
  sealedAt: number,
  anchor: StreamAnchor | undefined,
): TamperFinding | undefined {
  if (anchor === undefined || sealedAt !== anchor.eventCount - 1 || e.hash === anchor.lastHash) {
    return undefined;
  }
  return finding(
    'changed',
    e.event,
    `was changed and re-hashed: its hash is not the head hash ${anchor.lastHash.slice(0, 12)}… recorded in the manifest`,
  );
}
