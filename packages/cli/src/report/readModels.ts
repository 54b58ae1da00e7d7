// The read models a command works on: configured for one time zone, picked by name, and a
// projection runner that reads the store's events through the domain's event registry.
import {
  createEventRegistry,
  gridledgerEvents,
  isValidationError,
  type EventStore,
  type ReadModelStore,
} from '@gridledger/core';
import {
  checkTimeZone,
  createProjectionRunner,
  createReadModels,
  DEFAULT_TIME_ZONE,
  type AnyProjection,
  type ProjectionRunner,
  type ReadModelSet,
} from '@gridledger/projections';
import { UsageError } from '../errors.js';

/** The `--time-zone` asked for, checked (default Asia/Shanghai, the community's). */
export function resolveTimeZone(option: string | undefined): string {
  try {
    return checkTimeZone(option ?? DEFAULT_TIME_ZONE);
  } catch (error) {
    if (isValidationError(error)) {
      throw new UsageError(
        `--time-zone '${String(option)}' is not an IANA time zone: use a name such as ` +
          'Asia/Shanghai, Europe/London or UTC',
      );
    }
    throw error;
  }
}

/** The read models with months in the `--time-zone` asked for. */
export const readModelSet = (option: string | undefined): ReadModelSet =>
  createReadModels({ timeZone: resolveTimeZone(option) });

/** A read model's name without its time zone: `resolution-rate(UTC)` → `resolution-rate`. */
export const baseName = (projection: AnyProjection): string =>
  projection.name.replace(/\(.*\)$/, '');

/**
 * The read models named (by base or full name), in the order given and once each; all of them
 * when none is named.
 */
export function pickReadModels(set: ReadModelSet, names: readonly string[]): AnyProjection[] {
  const all: AnyProjection[] = Object.values(set);
  if (names.length === 0) return all;
  const picked: AnyProjection[] = [];
  for (const name of names) {
    const projection = all.find((p) => p.name === name || baseName(p) === name);
    if (projection === undefined) {
      throw new UsageError(
        `unknown read model '${name}': use one of ${all.map(baseName).join(', ')}`,
      );
    }
    if (!picked.includes(projection)) picked.push(projection);
  }
  return picked;
}

/**
 * A runner over the store's events, decoded and upcast by the domain's registry. The runner lets
 * the event loop turn as it reads, so Ctrl-C stops it even on SQLite, whose reads never wait.
 */
export function analystRunner(events: EventStore, readModels: ReadModelStore): ProjectionRunner {
  return createProjectionRunner({
    store: events,
    registry: createEventRegistry(gridledgerEvents),
    readModels,
  });
}
