// "As of": a point in a stream's history, by version or by the time events were recorded.
import { checkTimestamp } from '../appendInput.js';
import type { StoredEvent } from '../envelope.js';
import { ValidationError } from '../errors.js';

/**
 * `version`: up to and including that stream version. `time` (ISO 8601 with a zone): up to the
 * last event recorded at or before it; history is read in order and ends at the first event
 * recorded later.
 */
export type AsOf = { readonly version: number } | { readonly time: string };

/** Checks an as-of point given by a caller. Throws ValidationError naming the field. */
export function checkAsOf(asOf: unknown, subject: string): AsOf {
  if (typeof asOf === 'object' && asOf !== null) {
    const { version, time } = asOf as { version?: unknown; time?: unknown };
    if (version !== undefined && time === undefined) {
      if (typeof version === 'number' && Number.isSafeInteger(version) && version >= 0) {
        return { version };
      }
      throw new ValidationError(subject, [
        {
          path: 'version',
          message: `must be a whole number ≥ 0, got ${JSON.stringify(version) ?? typeof version}`,
        },
      ]);
    }
    if (time !== undefined && version === undefined) {
      return { time: checkTimestamp(time, 'time', subject) };
    }
  }
  throw new ValidationError(subject, [
    { path: '(root)', message: 'give either { version } or { time } (ISO 8601 with a zone)' },
  ]);
}

/** True when `event` lies after the as-of point. */
export function isAfter(event: StoredEvent, asOf: AsOf): boolean {
  if ('version' in asOf) return event.streamVersion > asOf.version;
  return Date.parse(event.metadata.recordedAt) > Date.parse(asOf.time);
}
