// The encoding step with personal data sealed: before hashing, each personal field of an event
// (as its schema marks it) is replaced by its value sealed under its subject's key, so the hash
// chain covers ciphertext; on reading, sealed values are opened, and those whose key is gone read
// back as ERASED. Nothing else changes: every chain verifies, before and after erasure.
import type { EncodingSubject, EventEncoder } from '../encoder.js';
import type { EventDefinition } from '../registry.js';
import type { KeyStore, SubjectKey } from './keyStore.js';
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
    if (fields.length === 0) return subject.data;
    const keyOf = new Map<string, SubjectKey>();
    for (const field of fields) {
      if (!keyOf.has(field.subject)) keyOf.set(field.subject, await keys.currentKey(field.subject));
    }
    let data = subject.data;
    for (const field of fields) {
      const key = keyOf.get(field.subject) as SubjectKey;
      data = replaceAt(
        data,
        field.path,
        seal(field.value, key.key, subject.id, field.subject, key.id),
      );
    }
    return data;
  };

  /** Opens every sealed value of `value` with the keys found (copying only what changes). */
  const openAll = (
    value: unknown,
    found: ReadonlyMap<string, Uint8Array | undefined>,
    eventId: string,
  ): unknown => {
    if (isSealedValue(value)) {
      const key = found.get(keyName(value));
      return key === undefined ? ERASED : open(value, key, eventId);
    }
    if (Array.isArray(value)) {
      let copy: unknown[] | undefined;
      for (let i = 0; i < value.length; i++) {
        const item: unknown = value[i];
        if (typeof item !== 'object' || item === null) continue;
        const opened = openAll(item, found, eventId);
        if (opened !== item) (copy ??= [...(value as unknown[])])[i] = opened;
      }
      return copy ?? value;
    }
    if (typeof value === 'object' && value !== null) {
      let copy: Record<string, unknown> | undefined;
      for (const [key, item] of Object.entries(value)) {
        if (typeof item !== 'object' || item === null) continue;
        const opened = openAll(item, found, eventId);
        if (opened !== item) (copy ??= { ...(value as Record<string, unknown>) })[key] = opened;
      }
      return copy ?? value;
    }
    return value;
  };

  // The keys an event needs are fetched first, each once; an event without sealed values costs
  // one walk and no wait.
  const decode = async (subject: EncodingSubject): Promise<unknown> => {
    const wanted = new Map<string, SealedValue>();
    collectSealed(subject.data, wanted);
    if (wanted.size === 0) return subject.data;
    const found = new Map<string, Uint8Array | undefined>();
    for (const [name, sealed] of wanted)
      found.set(name, await keys.findKey(sealed.$sealed, sealed.key));
    return openAll(subject.data, found, subject.id);
  };

  return {
    name: `personal-data (keys: ${keys.name})`,
    encode,
    decode,
  };
}

const keyName = (sealed: SealedValue): string => `${sealed.$sealed}\n${sealed.key}`;

/** The sealed values of `data`, one per key they need. */
function collectSealed(data: unknown, into: Map<string, SealedValue>): void {
  if (typeof data !== 'object' || data === null) return;
  if (isSealedValue(data)) {
    into.set(keyName(data), data);
  } else if (Array.isArray(data)) {
    for (const item of data) collectSealed(item, into);
  } else {
    for (const item of Object.values(data)) collectSealed(item, into);
  }
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
