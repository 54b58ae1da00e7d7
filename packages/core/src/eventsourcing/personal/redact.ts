// Reading without personal data, for someone who needs only the figures (an analyst, an outside
// auditor): every personal field reads as REDACTED — sealed values without asking for a key, and
// values stored in clear (before sealing was switched on) wherever the schema marks them.
import type { EncodingSubject, EventEncoder } from '../encoder.js';
import type { EventDefinition } from '../registry.js';
import { findPersonalFields, personalPaths, type PersonalPath } from './personal.js';
import { isSealedValue } from './sealing.js';

/** What a personal field reads as in redacted output. A string, so every schema still holds. */
export const REDACTED = '[redacted]';

/** Whether a value is the redaction marker. */
export const isRedacted = (value: unknown): value is typeof REDACTED => value === REDACTED;

function redactSealed(value: unknown): unknown {
  if (isSealedValue(value)) return REDACTED;
  if (Array.isArray(value)) return value.map(redactSealed);
  if (typeof value === 'object' && value !== null) {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) copy[key] = redactSealed(item);
    return copy;
  }
  return value;
}

function setAt(data: unknown, path: readonly (string | number)[], value: unknown): void {
  let at = data as Record<string | number, unknown>;
  for (const step of path.slice(0, -1)) at = at[step] as Record<string | number, unknown>;
  at[path[path.length - 1] as string | number] = value;
}

/**
 * An encoder that only reads, redacting: it never asks a key store for anything (an outside
 * auditor holds no keys). Values in clear are found by the schemas of `events` at their current
 * version. Encoding with it throws: nothing is written redacted.
 */
export function createRedactingEncoder(events: readonly EventDefinition[]): EventEncoder {
  const plans = new Map<string, { version: number; paths: PersonalPath[] }>();
  for (const definition of events) {
    const paths = personalPaths(definition.schema);
    if (paths.length > 0) plans.set(definition.type, { version: definition.schemaVersion, paths });
  }
  const decode = async (subject: EncodingSubject): Promise<unknown> => {
    const data = redactSealed(subject.data);
    const plan = plans.get(subject.type);
    if (plan === undefined || plan.version !== subject.schemaVersion) return data;
    for (const field of findPersonalFields(plan.paths, data, subject.streamId)) {
      setAt(data, field.path, REDACTED);
    }
    return data;
  };
  return {
    name: 'redacting',
    encode: () =>
      Promise.reject(new Error('the redacting encoder only reads: nothing is written redacted')),
    decode,
  };
}

const pathsOf = new WeakMap<EventDefinition, PersonalPath[]>();

/** How many personal values `data` holds in clear (not sealed), by the schema of its type. */
export function personalValuesInClear(
  definition: EventDefinition | undefined,
  data: unknown,
  streamId: string,
): number {
  if (definition === undefined) return 0;
  let paths = pathsOf.get(definition);
  if (paths === undefined) {
    paths = personalPaths(definition.schema);
    pathsOf.set(definition, paths);
  }
  return paths.length === 0 ? 0 : findPersonalFields(paths, data, streamId).length;
}
