// The readable timeline of `gridledger history`: one block per event (version, local time, what
// happened in words, who, the facts, why, what changed, whether its hash verifies).
import type { CauseChain, EventRef, HistoryEntry, StateChange } from '@gridledger/core/audit';
import type { Clock } from '../time-zone/clock.js';

/** `DisputeReported` → `Dispute reported`. */
export const inWords = (type: string): string => {
  const words = type.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

const keyWords = (key: string): string => inWords(key).toLowerCase();

/** A value in a few words: people by name and role, terms by who does what, lists joined. */
export function compact(value: unknown, limit = 72): string {
  const text = describe(value);
  return text.length > limit ? `${text.slice(0, limit - 1)}…` : text;
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return String(value);
  }
  if (typeof value !== 'object') return `(${typeof value})`;
  if (Array.isArray(value)) return value.length === 0 ? '(none)' : value.map(describe).join('; ');
  const record = value as Record<string, unknown>;
  if (typeof record['name'] === 'string') {
    const role = typeof record['role'] === 'string' ? ` (${record['role']})` : '';
    return `${record['name']}${role}`;
  }
  if (typeof record['action'] === 'string') {
    const who =
      typeof record['obligatedPartyId'] === 'string' ? `${record['obligatedPartyId']}: ` : '';
    const done = record['fulfilled'] === true ? ' ✓' : '';
    return `${who}${record['action']}${done}`;
  }
  const entries = Object.entries(record).filter(([, v]) => v !== undefined);
  return entries.length === 0
    ? '{}'
    : `{${entries.map(([k, v]) => `${k}: ${describe(v)}`).join(', ')}}`;
}

/** The facts of an event: short values together on one line, long ones on their own. */
export function factLines(data: unknown): string[] {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return [compact(data, 200)];
  const short: string[] = [];
  const long: string[] = [];
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0))
      continue;
    const text = describe(value);
    if (text.length <= 24 && typeof value !== 'object') short.push(`${keyWords(key)} ${text}`);
    else if (
      Array.isArray(value) &&
      value.every((v) => typeof v !== 'object') &&
      text.length <= 40
    ) {
      short.push(`${keyWords(key)} ${value.join(', ')}`);
    } else long.push(`${keyWords(key)}: ${text}`);
  }
  return [...(short.length > 0 ? [short.join(' · ')] : []), ...long];
}

const MAX_CHANGES = 8;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A record set where there was none reads better as its fields, each added. */
function expanded(changes: readonly StateChange[]): StateChange[] {
  return changes.flatMap((c) =>
    c.kind === 'changed' && (c.before === null || c.before === undefined) && isRecord(c.after)
      ? Object.entries(c.after)
          .filter(([, value]) => value !== undefined)
          .map(([key, value]) => ({
            path: `${c.path}.${key}`,
            kind: 'added' as const,
            after: value,
          }))
      : [c],
  );
}

export function changeLines(all: readonly StateChange[]): string[] {
  const changes = expanded(all);
  const lines = changes.slice(0, MAX_CHANGES).map((c) => {
    switch (c.kind) {
      case 'added':
        return `+ ${c.path}: ${compact(c.after, 60)}`;
      case 'removed':
        return `- ${c.path} (was ${compact(c.before, 50)})`;
      case 'changed':
        return `${c.path}: ${compact(c.before, 30)} → ${compact(c.after, 50)}`;
    }
  });
  if (changes.length > MAX_CHANGES) lines.push(`… and ${changes.length - MAX_CHANGES} more`);
  return lines;
}

const by = (actor: HistoryEntry['actor']): string =>
  actor?.name === undefined
    ? `${actor?.id} (${actor?.role})`
    : `${actor.name} (${actor.role}, ${actor.id})`;

const cited = (ref: EventRef, clock: Clock): string =>
  `${ref.streamId} v${ref.streamVersion} ${ref.type}, by ${ref.actor?.name ?? ref.actor?.id} at ${clock.format(ref.occurredAt)}`;

const named = (ref: EventRef, streamId: string): string =>
  `${ref.streamId === streamId ? '' : `${ref.streamId} `}v${ref.streamVersion} ${ref.type}`;

/** The causes of one event that are new to the reader: see `tellCauses`. */
export interface ToldCauses {
  /** Nearest first; the last one was already shown when `endsAtShown`. */
  readonly refs: readonly EventRef[];
  readonly endsAtShown: boolean;
  /** A causation id no event in the store has, where the chain stops. */
  readonly unresolved?: string;
}

/**
 * An event's chain of causes, told once: it is followed until it reaches an event already
 * shown (one of the stream's, printed above, or a cause told for an earlier event), which is
 * named and not followed again. So a history whose every event was caused by the one before
 * grows with its events, not with their square. `shown` is updated.
 */
export function tellCauses(chain: CauseChain | undefined, shown: Set<string>): ToldCauses {
  if (chain === undefined) return { refs: [], endsAtShown: false };
  const refs: EventRef[] = [];
  for (const ref of chain.causes) {
    refs.push(ref);
    if (shown.has(ref.eventId)) return { refs, endsAtShown: true };
    shown.add(ref.eventId);
  }
  return {
    refs,
    endsAtShown: false,
    ...(chain.unresolved === undefined ? {} : { unresolved: chain.unresolved }),
  };
}

export function causeLines(told: ToldCauses, entry: HistoryEntry, clock: Clock): string[] {
  if (entry.causationId === undefined) return [];
  if (told.refs.length === 0) {
    return [`caused by event ${entry.causationId}, which is not in this store`];
  }
  const last = told.refs.length - 1;
  return [
    ...told.refs.map(
      (ref, i) =>
        `${i === 0 ? 'caused by ' : '  ← '}${
          i === last && told.endsAtShown
            ? `${named(ref, entry.streamId)} (above)`
            : cited(ref, clock)
        }`,
    ),
    ...(told.unresolved === undefined ? [] : [`  ← event ${told.unresolved}, not in this store`]),
  ];
}

/** One event's block. */
export function entryBlock(entry: HistoryEntry, causes: ToldCauses, clock: Clock): string {
  const mark = entry.verified ? '✓ verified' : '✗ DOES NOT VERIFY';
  const recorded = clock.format(entry.recordedAt);
  const happened = clock.format(entry.occurredAt);
  const lines = [
    `v${entry.streamVersion}  ${happened}  ${inWords(entry.type)}  ${mark}`,
    `by ${by(entry.actor)}${recorded === happened ? '' : `; recorded ${recorded}`}`,
    ...factLines(entry.data),
    ...causeLines(causes, entry, clock),
    ...changeLines(entry.changes).map((line, i) => (i === 0 ? `state: ${line}` : `       ${line}`)),
    ...(entry.problem === undefined ? [] : [`! cannot be read: ${entry.problem}`]),
    ...entry.findings.map((f) => `! ${f.kind.toUpperCase()}: ${f.message}`),
    `hash ${entry.hash?.slice(0, 16)}…${entry.streamVersion === 0 ? '' : ` ← ${entry.prevHash?.slice(0, 16) ?? 'none'}…`}`,
  ];
  const [head, ...body] = lines;
  return [head, ...body.map((line) => `    ${line}`)].join('\n');
}
