// What the auditors' commands share: the store option, the aggregates and their events, how
// a `<stream or dispute id>` argument becomes a stream, and where a dispute's causes are likely.
import {
  createEventRegistry,
  Dispute,
  gridledgerAggregates,
  gridledgerEvents,
  isStreamNotFound,
  Patrol,
  Visit,
  createPersonalDataEncoder,
  createRedactingEncoder,
  type EventEncoder,
  type EventStore,
  type KeyStore,
  type StoredEvent,
} from '@gridledger/core';
import { MANIFEST_FILE, type AnyAggregate, type AuditSource } from '@gridledger/core/audit';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { stringOption, type OptionSpec, type ParsedArgs } from '../command.js';
import { EXIT, UsageError } from '../errors.js';
import { write, type CliIo } from '../io.js';
import { openKeyStore, openStore, type OpenedStore } from '../open-store.js';
import { storeSpecFrom } from '../store-spec.js';

export const storeOptionSpec: OptionSpec = { store: { type: 'string' } };

export const STORE_HELP =
  '  --store <spec>   sqlite:<file> (default sqlite:./gridledger.db; also $GRIDLEDGER_STORE)\n' +
  '                   a postgres:// URL, or a kurrentdb:// (or esdb://) connection string';

/** For the commands that open personal data: where the subjects' keys are, if not in the store. */
export const keysOptionSpec: OptionSpec = { keys: { type: 'string' } };

export const KEYS_HELP =
  "  --keys <file|url> the subjects' keys, kept apart from the events: a SQLite file or a\n" +
  '                   postgres:// URL (needed for EventStoreDB; SQLite and PostgreSQL stores\n' +
  '                   keep their own)';

/** The store `--store` names, with the keys `--keys` names in place of the store's own. */
export async function openFromArgs(
  args: ParsedArgs,
  io: CliIo,
  access: 'read' | 'write',
): Promise<OpenedStore> {
  const keysOption = stringOption(args, 'keys');
  const keys = keysOption === undefined ? undefined : await openKeyStore(keysOption, io.cwd);
  let opened: OpenedStore;
  try {
    opened = await openStore(storeSpecFrom(stringOption(args, 'store'), io.env, io.cwd), {
      access,
    });
  } catch (error) {
    await keys?.close();
    throw error;
  }
  if (keys === undefined) return opened;
  return {
    ...opened,
    keys,
    async close() {
      try {
        await opened.close();
      } finally {
        await keys.close();
      }
    },
  };
}

/** The aggregates whose streams the commands know: core's one list. */
export const aggregates: readonly AnyAggregate[] = gridledgerAggregates;

export const registry = createEventRegistry(gridledgerEvents);

/**
 * How a command reads personal data: opened with the store's keys; redacted (every personal field
 * `[redacted]`, no key asked for) with --redact, or on a store that keeps no keys.
 */
export function personalDataEncoder(keys: KeyStore | undefined, redact: boolean): EventEncoder {
  return keys === undefined || redact
    ? createRedactingEncoder(gridledgerEvents)
    : createPersonalDataEncoder({ keys, events: gridledgerEvents });
}

export const auditSource = (store: EventStore, keys?: KeyStore, redact = false): AuditSource => ({
  store,
  registry,
  encoder: personalDataEncoder(keys, redact),
});

const knownPrefix = (id: string): boolean =>
  aggregates.some((aggregate) => id.startsWith(aggregate.streamPrefix));

async function exists(store: EventStore, streamId: string): Promise<boolean> {
  try {
    for await (const _ of store.readStream(streamId, { limit: 1 })) return true;
    return false;
  } catch (error) {
    if (isStreamNotFound(error)) return false;
    throw error;
  }
}

/**
 * The stream an argument names: a stream id (`dispute-d-1`, `visit-v-3`, …) as it is, or a bare
 * dispute id (`d-1`) as `dispute-d-1`. Throws a UsageError naming what was tried.
 */
export async function resolveStreamId(store: EventStore, id: string): Promise<string> {
  const candidates = knownPrefix(id) ? [id] : [`${Dispute.streamPrefix}${id}`, id];
  for (const candidate of candidates) {
    if (await exists(store, candidate)) return candidate;
  }
  throw new UsageError(
    `unknown id '${id}': ${store.name} has no stream ${candidates.map((c) => `'${c}'`).join(' or ')} ` +
      "('gridledger streams' lists them)",
  );
}

/** A dispute reported from a visit or a patrol names it: look for its cause there first. */
export function causeHints(event: StoredEvent): readonly string[] {
  if (event.type !== 'DisputeReported') return [];
  const { source, sourceRef } = event.data as { source?: unknown; sourceRef?: unknown };
  if (typeof sourceRef !== 'string') return [];
  if (source === 'visit') return [`${Visit.streamPrefix}${sourceRef}`];
  if (source === 'patrol') return [`${Patrol.streamPrefix}${sourceRef}`];
  return [];
}

/** The export directory an option names; a UsageError when it holds no finished export. */
export function exportDirectory(args: ParsedArgs, io: CliIo, option: string): string {
  const given = stringOption(args, option);
  if (given === undefined) throw new UsageError(`--${option} <dir> is required`);
  const directory = resolve(io.cwd, given);
  if (!existsSync(join(directory, MANIFEST_FILE))) {
    throw new UsageError(`no export at ${directory}: it has no ${MANIFEST_FILE}`);
  }
  return directory;
}

/** Runs `work` on the store and closes it, whatever happens. */
export async function withStore<T>(
  opened: OpenedStore,
  work: (store: OpenedStore) => Promise<T>,
): Promise<T> {
  try {
    return await work(opened);
  } finally {
    await opened.close();
  }
}

/** Runs a command's work; after Ctrl-C (the io's signal) says what state it left, exit 1. */
export async function unlessInterrupted(
  io: CliIo,
  leftBehind: string,
  work: () => Promise<number>,
): Promise<number> {
  try {
    return await work();
  } catch (error) {
    if (io.signal?.aborted !== true) throw error;
    write(io.stderr, `gridledger: interrupted; ${leftBehind}`);
    return EXIT.failed;
  }
}
