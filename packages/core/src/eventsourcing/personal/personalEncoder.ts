// The encoding step with personal data sealed: before hashing, each personal field of an event
// (as its schema marks it) is replaced by its value sealed under its subject's key, so the hash
// chain covers ciphertext; on reading, sealed values are opened, and those whose key is gone read
// back as ERASED. Nothing else changes: every chain verifies, before and after erasure.
import type { EncodingSubject, EventEncoder } from '../encoder.js';
import type { EventDefinition } from '../registry.js';
import type { KeyStore } from './keyStore.js';
import { findPersonalFields, personalPaths, type PersonalPath } from './personal.js';
import { ERASED, isSealedValue, open, seal, type SealedValue } from './sealing.js';

export interface PersonalDataEncoderOptions {
  readonly keys: KeyStore;
  /** The event definitions whose schemas mark personal fields (e.g. `gridledgerEvents`). */
  readonly events: readonly EventDefinition[];
}

/** Replaces the value at `path` in a copy of `data`, copying only the objects on the way. */
function replaceAt(data: unknown, path: readonly (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [step, ...rest] = path as [string | number, ...(string | number)[]];
  if (Array.isArray(data)) {
    const copy: unknown[] = [...(data as unknown[])];
    copy[step as number] = replaceAt(copy[step as number], rest, value);
    return copy;
  }
  const copy = { ...(data as Record<string, unknown>) };
  copy[step as string] = replaceAt(copy[step as string], rest, value);
  return copy;
}

export function createPersonalDataEncoder(options: PersonalDataEncoderOptions): EventEncoder {
  const { keys } = options;
  const plans = new Map<string, PersonalPath[]>();
  for (const definition of options.events) {
    const paths = personalPaths(definition.schema);
    if (paths.length > 0) plans.set(definition.type, paths);
  }

  const encode = async (subject: EncodingSubject): Promise<unknown> => {
    const paths = plans.get(subject.type);
    if (paths === undefined) return subject.data;
    const fields = findPersonalFields(paths, subject.data, subject.streamId);
    let data = subject.data;
    for (const field of fields) {
      const key = await keys.currentKey(field.subject);
      data = replaceAt(
        data,
        field.path,
        seal(field.value, key.key, subject.id, field.subject, key.id),
      );
    }
    return data;
  };

  const openAll = async (value: unknown, eventId: string): Promise<unknown> => {
    if (isSealedValue(value)) return openOne(value, eventId);
    if (Array.isArray(value)) {
      let copy: unknown[] | undefined;
      for (let i = 0; i < value.length; i++) {
        const item: unknown = value[i];
        if (typeof item !== 'object' || item === null) continue;
        const opened = await openAll(item, eventId);
        if (opened !== item) (copy ??= [...(value as unknown[])])[i] = opened;
      }
      return copy ?? value;
    }
    if (typeof value === 'object' && value !== null) {
      let copy: Record<string, unknown> | undefined;
      for (const [key, item] of Object.entries(value)) {
        if (typeof item !== 'object' || item === null) continue;
        const opened = await openAll(item, eventId);
        if (opened !== item) (copy ??= { ...(value as Record<string, unknown>) })[key] = opened;
      }
      return copy ?? value;
    }
    return value;
  };

  const openOne = async (sealed: SealedValue, eventId: string): Promise<string> => {
    const key = await keys.findKey(sealed.$sealed, sealed.key);
    return key === undefined ? ERASED : open(sealed, key, eventId);
  };

  return {
    name: `personal-data (keys: ${keys.name})`,
    encode,
    decode: (subject) => openAll(subject.data, subject.id),
  };
}

/** Every subject whose sealed values `data` holds (stored form), e.g. to find whom a stream names. */
export function sealedSubjects(data: unknown, into: Set<string> = new Set()): Set<string> {
  if (isSealedValue(data)) into.add(data.$sealed);
  else if (Array.isArray(data)) for (const item of data) sealedSubjects(item, into);
  else if (typeof data === 'object' && data !== null) {
    for (const item of Object.values(data)) sealedSubjects(item, into);
  }
  return into;
}
