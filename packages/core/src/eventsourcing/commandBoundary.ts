// What every command crosses before and after `decide`, in the handler and in the test helpers
// alike: the command is validated against the aggregate's schema, and the events it produced
// must be the aggregate's own.
import type { AggregateType } from './aggregate.js';
import type { DomainCommand } from './decider.js';
import type { DomainEvent } from './envelope.js';
import { ValidationError } from './errors.js';
import { parseOrThrow } from './validation.js';

/** Parses `command` with `aggregate.commandSchema`; a ValidationError names type and field. */
export function parseCommand<C extends DomainCommand, E extends DomainEvent, S>(
  aggregate: AggregateType<C, E, S>,
  command: unknown,
): C {
  const type =
    typeof command === 'object' && command !== null
      ? (command as { type?: unknown }).type
      : undefined;
  const subject =
    typeof type === 'string' ? `command ${type}` : `${aggregate.name} command (no valid type)`;
  return parseOrThrow(aggregate.commandSchema, command, subject);
}

/**
 * Refuses a command whose data repeats the aggregate id (`aggregate.idField`) with another value
 * than `id`: `handle('x2', { type: 'reportDispute', data: { disputeId: 'x1' } })` would otherwise
 * write dispute x1's report into stream x2.
 */
export function checkCommandId<C extends DomainCommand, E extends DomainEvent, S>(
  aggregate: AggregateType<C, E, S>,
  id: string,
  command: C,
): void {
  const field = aggregate.idField;
  if (field === undefined) return;
  const data = command.data as Record<string, unknown> | null;
  if (typeof data !== 'object' || data === null || !Object.hasOwn(data, field)) return;
  const given = data[field];
  if (given !== id) {
    throw new ValidationError(`command ${command.type}`, [
      {
        path: `data.${field}`,
        message: `must be the id the command is handled under ('${id}'); got ${JSON.stringify(given)}`,
      },
    ]);
  }
}

/** Refuses events a decider returned that are not among its aggregate's event definitions. */
export function assertOwnEvents<C extends DomainCommand, E extends DomainEvent, S>(
  aggregate: AggregateType<C, E, S>,
  command: C,
  events: readonly E[],
): void {
  const own = new Set(aggregate.events.map((definition) => definition.type));
  const subject = `events decided by ${aggregate.name} for command ${command.type}`;
  if (!Array.isArray(events)) {
    throw new ValidationError(subject, [{ path: '', message: 'decide must return an array' }]);
  }
  for (const [i, event] of (events as readonly unknown[]).entries()) {
    const type: unknown = (event as { type?: unknown } | null)?.type;
    if (typeof type !== 'string' || !own.has(type)) {
      throw new ValidationError(subject, [
        { path: `[${i}].type`, message: `'${String(type)}' is not an event of ${aggregate.name}` },
      ]);
    }
  }
}
