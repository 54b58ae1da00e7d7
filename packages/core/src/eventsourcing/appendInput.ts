// Checks what callers hand the ledger and the command handler besides events: stream ids, the
// actor, times, correlation ids and expected versions. Bad input is refused before anything is
// read, with the rules every store applies (storeKit/): what passes here, every store keeps.
import { z } from 'zod';
import type { Actor, DomainEvent } from './envelope.js';
import { isValidationError, ValidationError } from './errors.js';
import type { EventRegistry } from './registry.js';
import { identifierIssue, textIssue } from './storeKit/text.js';
import { issuesFromZod } from './validation.js';

export { checkExpectedVersion } from './storeKit/expectedVersion.js';

const actorSchema = z.strictObject({
  id: z.string().min(1, 'an actor needs a non-empty id'),
  role: z.string().min(1, 'an actor needs a non-empty role'),
  name: z.string().min(1).optional(),
});

const timestampSchema = z.iso.datetime({
  offset: true,
  error: 'must be an ISO 8601 date-time with a time zone, e.g. 2026-07-01T09:00:00.000Z',
});
/** The very pattern `timestampSchema` checks, tested directly: zod only describes a bad value. */
const TIMESTAMP = z.regexes.datetime({ offset: true, local: false, precision: null });

const idSchema = z.string().min(1, 'must be a non-empty string');

/** A non-empty string every store can keep as it is. */
const isStorableText = (value: unknown): value is string =>
  typeof value === 'string' && value.length > 0 && textIssue(value) === undefined;

/** A non-empty string every store can keep as an identifier. */
const isIdentifier = (value: unknown): value is string =>
  typeof value === 'string' && value.length > 0 && identifierIssue(value) === undefined;

/** Refuses an actor that is missing, anonymous or carries fields an auditor would not expect. */
export function checkActor(actor: unknown, subject: string): Actor {
  // Every append names its actor: the usual well-formed one is checked without zod, which is
  // left to describe what is wrong with the others.
  if (
    typeof actor === 'object' &&
    actor !== null &&
    Object.getPrototypeOf(actor) === Object.prototype
  ) {
    const { id, role, name, ...rest } = actor as Record<string, unknown>;
    if (isStorableText(id) && isStorableText(role) && Object.keys(rest).length === 0) {
      if (name === undefined && !('name' in actor)) return { id, role };
      if (isStorableText(name)) return { id, role, name };
    }
  }
  const parsed = parseField(actorSchema, actor, 'actor', subject);
  // Rebuilt so an absent name stays absent under exactOptionalPropertyTypes.
  const { id, role, name } = parsed;
  for (const [field, value] of [
    ['id', id],
    ['role', role],
    ['name', name],
  ] as const) {
    checkText(value, `actor.${field}`, subject, textIssue);
  }
  return name === undefined ? { id, role } : { id, role, name };
}

export function checkTimestamp(value: unknown, field: string, subject: string): string {
  return typeof value === 'string' && TIMESTAMP.test(value)
    ? value
    : parseField(timestampSchema, value, field, subject);
}

export function checkId(value: unknown, field: string, subject: string): string {
  if (isIdentifier(value)) return value;
  const id = parseField(idSchema, value, field, subject);
  checkText(id, field, subject, identifierIssue);
  return id;
}

/** Refuses a string no store can keep (by `rule`), naming the field. */
function checkText(
  value: string | undefined,
  field: string,
  subject: string,
  rule: (text: string) => string | undefined,
): void {
  const issue = value === undefined ? undefined : rule(value);
  if (issue !== undefined) throw new ValidationError(subject, [{ path: field, message: issue }]);
}

/**
 * Parses one field with a schema built once at module load (building a zod schema per call
 * compiles it anew: that was most of an append's cost), naming the field in any issue.
 */
function parseField<S extends z.ZodType>(
  schema: S,
  value: unknown,
  field: string,
  subject: string,
): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = issuesFromZod(result.error).map((issue) => ({
    path: issue.path === '' ? field : `${field}.${issue.path}`,
    message: issue.message,
  }));
  throw new ValidationError(subject, issues, { cause: result.error });
}

/** Checks each event against the registry; in a batch, the error says which event it was. */
export function validateEvents<E extends DomainEvent>(
  registry: EventRegistry,
  events: readonly E[],
  subject: string,
): (DomainEvent & { readonly schemaVersion: number })[] {
  if (!Array.isArray(events) || events.length === 0) {
    throw new ValidationError(subject, [
      { path: 'events', message: 'at least one event is required' },
    ]);
  }
  return events.map((event: unknown, i) => {
    if (typeof event !== 'object' || event === null || typeof (event as E).type !== 'string') {
      throw new ValidationError(subject, [
        { path: `events[${i}]`, message: 'must be an event: { type: string, data }' },
      ]);
    }
    const { type } = event as E;
    try {
      const { data } = registry.validate(event as E);
      return { type, data, schemaVersion: registry.definition(type)?.schemaVersion ?? 1 };
    } catch (error) {
      if (!isValidationError(error) || events.length === 1) throw error;
      // In a batch, say which event it was.
      throw new ValidationError(`${error.subject} (events[${i}])`, error.issues, { cause: error });
    }
  });
}
