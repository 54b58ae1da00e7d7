// Inspects one stream's events as they stream past, in flat memory: each event is judged once a
// window of events after it has been read, so a swap, an insertion or a removal is named exactly.
import type { StoredEvent } from '../envelope.js';
import { ValidationError } from '../errors.js';
import { finding, type StreamAnchor, type StreamAudit, type TamperFinding } from './findings.js';
import { sealedVersion, storedHash, storedPrevHash } from './seal.js';
import {
  forgedSeal,
  judgeUnsealed,
  rechainedFrom,
  rehashed,
  removedBefore,
  rewrittenHead,
  type Entry,
  type Progress,
} from './tamperRules.js';

/** The judgement on one event. */
export interface EventVerdict {
  readonly event: StoredEvent;
  /** Its hash matches its content at its place. */
  readonly sealed: boolean;
  /** Its prevHash is the hash of the event stored before it. */
  readonly linked: boolean;
  /** Sealed, linked, and nothing found about it or a gap just before it. */
  readonly verified: boolean;
  /** What was done to it, and events found removed just before it. */
  readonly findings: readonly TamperFinding[];
}

export interface StreamInspectorOptions {
  /** How far (in events) a moved event is looked for, and how many events are held. Default 16. */
  readonly reach?: number;
  /** The head recorded elsewhere (an export manifest): finds removals at the end too. */
  readonly anchor?: StreamAnchor;
}

export interface StreamInspector {
  /** Reads the next event (in stream order); returns the verdicts now decided, in order. */
  push(event: StoredEvent): EventVerdict[];
  /** No more events: returns the remaining verdicts. */
  end(): EventVerdict[];
  report(): StreamAudit;
}

export function createStreamInspector(
  streamId: string,
  options: StreamInspectorOptions = {},
): StreamInspector {
  const reach = options.reach ?? 16;
  if (!Number.isSafeInteger(reach) || reach < 1) {
    throw new ValidationError('stream inspector options', [
      { path: 'reach', message: `must be a whole number ≥ 1, got ${String(reach)}` },
    ]);
  }
  const { anchor } = options;
  const window: Entry[] = [];
  let read = 0;
  let decided = 0;
  let lastHash: string | null = null;
  let eventsAfterAnchor = 0;
  const findings: TamperFinding[] = [];
  const progress: Progress = {
    anchor: { sealedAt: -1, hash: null },
    changedSince: [],
    claimed: new Set(),
    rewritten: false,
  };

  const at = (index: number): Entry | undefined => window[index - (window[0]?.index ?? 0)];

  /** The seal of the nearest event before (-1) or after (1) `from` whose hash is genuine. */
  const sealedNear = (from: number, step: 1 | -1): number | undefined => {
    for (let i = from + step; at(i) !== undefined; i += step) {
      const entry = at(i) as Entry;
      if (entry.sealedAt !== undefined && !entry.forged) return entry.sealedAt;
    }
    return undefined;
  };

  /** A moved event still between its genuine neighbours was renumbered, not reordered. */
  const inOrder = (index: number, sealedAt: number): boolean => {
    const before = sealedNear(index, -1) ?? progress.anchor.sealedAt;
    const after = sealedNear(index, 1) ?? Number.POSITIVE_INFINITY;
    return before < sealedAt && sealedAt < after;
  };

  const judgeSealed = (e: Entry, sealedAt: number): TamperFinding[] => {
    const moved = sealedAt !== e.event.streamVersion;
    const forgery = forgedSeal(e, sealedAt, window);
    if (forgery !== undefined) {
      e.forged = true;
      return [forgery];
    }
    if (moved && !inOrder(e.index, sealedAt)) {
      progress.claimed.add(sealedAt);
      return [
        finding('reordered', e.event, `was moved: its hash was made for v${sealedAt}`, sealedAt),
      ];
    }
    const found = removedBefore(e, window, progress);
    if (moved) {
      found.push(
        finding(
          'shifted',
          e.event,
          `was renumbered from v${sealedAt}: events before it were removed or inserted`,
          sealedAt,
        ),
      );
    }
    // Once a rewrite is named where it began, the hashes after it differ on its account.
    const recorded = anchor?.hashes?.[sealedAt];
    if (!progress.rewritten || recorded === undefined || recorded === e.hash) {
      const rechained = rechainedFrom(e, sealedAt, anchor);
      const altered = rehashed(e, window) ?? rechained ?? rewrittenHead(e, sealedAt, anchor);
      if (altered !== undefined) found.push(altered);
      progress.rewritten = altered !== undefined && altered === rechained;
    }
    if (anchor !== undefined && sealedAt >= anchor.eventCount) eventsAfterAnchor++;
    progress.anchor = { sealedAt, hash: e.hash };
    progress.changedSince = [];
    for (const v of progress.claimed) if (v <= sealedAt) progress.claimed.delete(v);
    return found;
  };

  const decide = (e: Entry): EventVerdict => {
    let found: TamperFinding[];
    if (e.sealedAt === undefined) {
      const judged = judgeUnsealed(e, window, anchor?.eventCount);
      if (judged.kind === 'changed') progress.changedSince.push(e.event.streamVersion);
      else e.forged = true;
      found = [judged];
    } else {
      found = judgeSealed(e, e.sealedAt);
    }
    findings.push(...found);
    const sealed = e.sealedAt === e.event.streamVersion;
    return {
      event: e.event,
      sealed,
      linked: e.linked,
      verified: sealed && e.linked && found.length === 0,
      findings: found,
    };
  };

  const drain = (lookahead: number): EventVerdict[] => {
    const verdicts: EventVerdict[] = [];
    while (decided + lookahead < read) {
      verdicts.push(decide(at(decided) as Entry));
      decided++;
      while ((window[0]?.index ?? decided) < decided - reach) window.shift();
    }
    return verdicts;
  };

  return {
    push(event) {
      const hash = storedHash(event);
      const prevHash = storedPrevHash(event);
      window.push({
        index: read,
        event,
        hash,
        prevHash,
        sealedAt: sealedVersion(event, streamId, reach),
        linked: prevHash === lastHash,
        forged: false,
      });
      read++;
      lastHash = hash ?? null;
      return drain(reach);
    },
    end() {
      const verdicts = drain(0);
      if (anchor !== undefined && progress.anchor.sealedAt < anchor.eventCount - 1) {
        const tail: Entry = {
          index: read,
          event: { streamId, streamVersion: anchor.eventCount } as StoredEvent,
          hash: undefined,
          prevHash: anchor.lastHash,
          sealedAt: anchor.eventCount,
          linked: false,
          forged: false,
        };
        const why = `the manifest recorded ${anchor.eventCount} events ending in ${anchor.lastHash.slice(0, 12)}…, and no stored event carries it`;
        findings.push(...removedBefore(tail, window, progress, anchor.eventCount, why));
      }
      return verdicts;
    },
    report() {
      return {
        streamId,
        ok: findings.length === 0,
        eventsChecked: read,
        lastHash,
        findings: [...findings],
        ...(anchor === undefined ? {} : { eventsAfterAnchor }),
      };
    },
  };
}
