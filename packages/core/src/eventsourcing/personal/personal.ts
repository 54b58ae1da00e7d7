// Personal data, marked in the zod schemas: `personal(Label, partySubject)` says a field holds
// a person's data and whose it is, so the encoder can seal it under that person's key before
// hashing. The mark lives in a registry of its own, on a copy of the schema: shared building
// blocks (`Text`, `Label`) stay unmarked wherever they are used for something else.
import { z } from 'zod';

/**
 * Whose data a personal field is. `kind` names the subject (`party`, `household`, `member`); the
 * subject's id is the string field `idKey` of the object holding the field. `scope: 'stream'`
 * makes ids local to a stream (a dispute's `p-1` is not another dispute's `p-1`). A field whose
 * object has no such id, and every `record` field, belongs to the stream's record subject: free
 * text about whoever the stream is about, erased when any person in the stream is forgotten.
 */
export type SubjectRule =
  | { readonly kind: 'record' }
  | { readonly kind: string; readonly idKey: string; readonly scope?: 'global' | 'stream' };

export interface PersonalMeta {
  readonly subject: SubjectRule;
}

/** The registry of personal-field marks (apart from zod's global one: rules are not JSON Schema). */
export const personalFields = z.registry<PersonalMeta>();

/** The free text of a stream: may name anyone the stream is about. */
export const recordSubject: SubjectRule = { kind: 'record' };

/**
 * A copy of `schema` marked as personal data of `subject`. Only string fields can be marked (they
 * are sealed one by one, so lists keep their length and every count stays the same).
 */
export function personal<S extends z.ZodType<string | undefined>>(
  schema: S,
  subject: SubjectRule = recordSubject,
): S {
  const copy = schema.clone();
  personalFields.add(copy, { subject });
  return copy;
}

/** One step of a path to a personal field: a key, or every element of a list. */
export type PathStep = string;

/** Where a schema keeps personal data: the path to each marked field and its rule. */
export interface PersonalPath {
  readonly path: readonly PathStep[];
  readonly subject: SubjectRule;
}

interface Def {
  readonly type: string;
  readonly shape?: Record<string, z.ZodType>;
  readonly element?: z.ZodType;
  readonly innerType?: z.ZodType;
  readonly options?: readonly z.ZodType[];
  readonly in?: z.ZodType;
  readonly out?: z.ZodType;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The personal fields of `schema`, found once per event type (unions contribute every option). */
export function personalPaths(schema: z.ZodType): PersonalPath[] {
  const found = new Map<string, PersonalPath>();
  const walk = (node: z.ZodType, path: PathStep[], depth: number): void => {
    if (depth > 64) return; // a recursive schema: personal data is not marked that deep
    const meta = personalFields.get(node);
    if (meta !== undefined) {
      found.set(`${path.join('.')}`, { path: [...path], subject: meta.subject });
      return;
    }
    const def = defOf(node);
    switch (def.type) {
      case 'object':
        for (const [key, child] of Object.entries(def.shape ?? {})) {
          walk(child, [...path, key], depth + 1);
        }
        return;
      case 'array':
        if (def.element) walk(def.element, [...path, '[]'], depth + 1);
        return;
      case 'optional':
      case 'nullable':
      case 'default':
      case 'prefault':
      case 'readonly':
      case 'nonoptional':
      case 'catch':
        if (def.innerType) walk(def.innerType, path, depth + 1);
        return;
      case 'union':
        for (const option of def.options ?? []) walk(option, path, depth + 1);
        return;
      case 'pipe':
        if (def.in) walk(def.in, path, depth + 1);
        return;
      default:
        return;
    }
  };
  walk(schema, [], 0);
  return [...found.values()];
}

/** A personal value found in an event's data. */
export interface PersonalField {
  /** Keys and list indexes from the data's root. */
  readonly path: readonly (string | number)[];
  /** The subject id, e.g. `household:h-kang`, `party:dispute-d-1/p-xu`, `record:visit-v-kang`. */
  readonly subject: string;
  readonly value: string;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The subject id a rule gives a field held by `holder`, in stream `streamId`. */
export function subjectOf(rule: SubjectRule, holder: unknown, streamId: string): string {
  if ('idKey' in rule && isObject(holder)) {
    const id = holder[rule.idKey];
    if (typeof id === 'string' && id !== '') {
      return rule.scope === 'stream' ? `${rule.kind}:${streamId}/${id}` : `${rule.kind}:${id}`;
    }
  }
  return `record:${streamId}`;
}

/** Every personal string value in `data` along `paths`, with its subject. */
export function findPersonalFields(
  paths: readonly PersonalPath[],
  data: unknown,
  streamId: string,
): PersonalField[] {
  const fields: PersonalField[] = [];
  for (const { path, subject } of paths) {
    const visit = (value: unknown, holder: unknown, at: (string | number)[], step: number) => {
      if (step === path.length) {
        if (typeof value === 'string') {
          fields.push({ path: at, subject: subjectOf(subject, holder, streamId), value });
        }
        return;
      }
      const key = path[step] as PathStep;
      if (key === '[]') {
        if (Array.isArray(value))
          value.forEach((item, i) => visit(item, value, [...at, i], step + 1));
      } else if (isObject(value) && Object.hasOwn(value, key)) {
        visit(value[key], value, [...at, key], step + 1);
      }
    };
    visit(data, undefined, [], 0);
  }
  return fields;
}
