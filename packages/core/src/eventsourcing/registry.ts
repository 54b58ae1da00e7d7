// The event-type registry: zod schemas are the single source of every event type. Events are
// validated before append and after read; old schema versions are upcast, one step at a time.
import type { z } from 'zod';
import type { DomainEvent, RecordedEvent, StoredEvent } from './envelope.js';
import { CorruptedEventError, ValidationError } from './errors.js';
import { identifierIssue, MAX_JSON_DEPTH } from './storeKit/text.js';
import { issuesFromZod, parseOrThrow } from './validation.js';

/** Turns the data of schema version `n` into the data of version `n + 1`. */
export type Upcaster = (data: unknown) => unknown;

export interface EventDefinition<
  Type extends string = string,
  Schema extends z.ZodType = z.ZodType,
> {
  readonly type: Type;
  /** The current schema version (1-based). */
  readonly schemaVersion: number;
  /** Schema of the current version. */
  readonly schema: Schema;
  /** `upcasters[n]` turns version `n` into `n + 1`, for every n from 1 to schemaVersion - 1. */
  readonly upcasters: Readonly<Record<number, Upcaster>>;
}

export function defineEvent<const Type extends string, Schema extends z.ZodType>(definition: {
  readonly type: Type;
  readonly schema: Schema;
  readonly schemaVersion?: number;
  readonly upcasters?: Readonly<Record<number, Upcaster>>;
}): EventDefinition<Type, Schema> {
  return {
    type: definition.type,
    schema: definition.schema,
    schemaVersion: definition.schemaVersion ?? 1,
    upcasters: definition.upcasters ?? {},
  };
}

/** The domain event a definition describes: `{ type, data }` with data typed by the schema. */
export type EventOfDefinition<D> =
  D extends EventDefinition<infer T, infer S> ? DomainEvent<T, z.output<S>> : never;

/** The union of domain events of a list (or record) of definitions. */
export type EventsOfDefinitions<Defs> = Defs extends readonly unknown[]
  ? EventOfDefinition<Defs[number]>
  : EventOfDefinition<Defs[keyof Defs]>;

/**
 * When reads may skip re-validating stored data:
 * - `current-version`: events already at the current schema version are trusted (they were
 *   validated before append by the same schema); older versions are upcast and validated.
 * - `never`: every event is validated on every read (for stores written outside the kernel).
 */
export type ReadTrust = 'current-version' | 'never';

export interface EventRegistry {
  readonly types: readonly string[];
  has(type: string): boolean;
  definition(type: string): EventDefinition | undefined;
  /** Validates a domain event before append; returns the parsed data. Throws ValidationError. */
  validate<E extends DomainEvent>(event: E): E;
  /** Upcasts and (per `trust`) validates a stored event. Throws CorruptedEventError. */
  decode<E extends DomainEvent = DomainEvent>(
    stored: StoredEvent,
    trust?: ReadTrust,
  ): RecordedEvent<E>;
}

/** Builds a registry, checking every upcaster chain is complete. Throws on a gap or duplicate. */
export function createEventRegistry(definitions: Iterable<EventDefinition>): EventRegistry {
  const byType = new Map<string, EventDefinition>();
  for (const definition of definitions) {
    if (byType.has(definition.type)) {
      // The same definition object listed twice (e.g. shared between aggregates) is fine.
      if (byType.get(definition.type) === definition) continue;
      throw new ValidationError('event registry', [
        { path: definition.type, message: 'event type is defined twice' },
      ]);
    }
    checkTypeName(definition.type);
    checkUpcasterChain(definition);
    byType.set(definition.type, definition);
  }

  const validate = <E extends DomainEvent>(event: E): E => {
    const definition = byType.get(event.type);
    if (definition === undefined) {
      throw new ValidationError(`event ${event.type}`, [
        { path: 'type', message: `unknown event type '${event.type}'` },
      ]);
    }
    let data: unknown;
    try {
      data = parseOrThrow(definition.schema, event.data, `event ${event.type}`);
    } catch (error) {
      // A recursive schema (z.json()) runs out of stack on runaway nesting, which no store keeps.
      if (error instanceof RangeError && deeperThan(event.data, MAX_JSON_DEPTH)) {
        throw new ValidationError(`event ${event.type}`, [
          { path: 'data', message: `nested more than ${MAX_JSON_DEPTH} levels deep` },
        ]);
      }
      throw error;
    }
    return { ...event, data };
  };

  const decode = <E extends DomainEvent>(
    stored: StoredEvent,
    trust: ReadTrust = 'current-version',
  ): RecordedEvent<E> => {
    const definition = byType.get(stored.type);
    if (definition === undefined) {
      throw new CorruptedEventError(
        stored.streamId,
        stored.streamVersion,
        'unknown-event-type',
        `no schema is registered for event type '${stored.type}'`,
      );
    }
    if (
      !Number.isInteger(stored.schemaVersion) ||
      stored.schemaVersion < 1 ||
      stored.schemaVersion > definition.schemaVersion
    ) {
      throw new CorruptedEventError(
        stored.streamId,
        stored.streamVersion,
        'unknown-schema-version',
        `'${stored.type}' is known up to schema version ${definition.schemaVersion}, got ${String(stored.schemaVersion)}`,
      );
    }
    if (stored.schemaVersion === definition.schemaVersion && trust === 'current-version') {
      return stored as unknown as RecordedEvent<E>;
    }
    let data = stored.data;
    for (let v = stored.schemaVersion; v < definition.schemaVersion; v++) {
      // Presence of each step was checked when the registry was built.
      data = (definition.upcasters[v] as Upcaster)(data);
    }
    const result = definition.schema.safeParse(data);
    if (!result.success) {
      const detail = issuesFromZod(result.error)
        .map((i) => `${i.path || '(root)'}: ${i.message}`)
        .join('; ');
      throw new CorruptedEventError(
        stored.streamId,
        stored.streamVersion,
        'schema-mismatch',
        `'${stored.type}' v${stored.schemaVersion} does not match its schema: ${detail}`,
        { cause: result.error },
      );
    }
    return {
      ...stored,
      schemaVersion: definition.schemaVersion,
      data: result.data,
    } as unknown as RecordedEvent<E>;
  };

  return {
    types: [...byType.keys()],
    has: (type) => byType.has(type),
    definition: (type) => byType.get(type),
    validate,
    decode,
  };
}

/** Whether arrays and objects in `value` nest more than `limit` levels (walked without recursion). */
function deeperThan(value: unknown, limit: number): boolean {
  let level: unknown[] = [value];
  for (let depth = 0; level.length > 0; depth++) {
    const next: unknown[] = [];
    for (const item of level) {
      if (typeof item !== 'object' || item === null) continue;
      if (depth === limit) return true;
      for (const child of Object.values(item)) next.push(child);
    }
    level = next;
  }
  return false;
}

/** A type name is stored with every event, so it must be an identifier every store can keep. */
function checkTypeName(type: unknown): void {
  const issue =
    typeof type === 'string' && type !== '' ? identifierIssue(type) : 'must be a non-empty string';
  if (issue !== undefined) {
    throw new ValidationError('event registry', [{ path: `${String(type)}.type`, message: issue }]);
  }
}

function checkUpcasterChain(definition: EventDefinition): void {
  const { type, schemaVersion, upcasters } = definition;
  if (!Number.isInteger(schemaVersion) || schemaVersion < 1) {
    throw new ValidationError('event registry', [
      {
        path: `${type}.schemaVersion`,
        message: `must be a whole number ≥ 1, got ${schemaVersion}`,
      },
    ]);
  }
  for (let v = 1; v < schemaVersion; v++) {
    if (typeof upcasters[v] !== 'function') {
      throw new ValidationError('event registry', [
        {
          path: `${type}.upcasters.${v}`,
          message: `missing upcaster from v${v} to v${v + 1} (current version is ${schemaVersion})`,
        },
      ]);
    }
  }
  for (const key of Object.keys(upcasters)) {
    const v = Number(key);
    if (!Number.isInteger(v) || v < 1 || v >= schemaVersion) {
      throw new ValidationError('event registry', [
        {
          path: `${type}.upcasters.${key}`,
          message: `upcaster from v${key} has no target: versions run from 1 to ${schemaVersion}`,
        },
      ]);
    }
  }
}
