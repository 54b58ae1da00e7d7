// What a runner is created with and what each of its calls takes, and how those options become
// an event source and the settings of one pass.
import {
  ValidationError,
  type EventRegistry,
  type EventStore,
  type Ledger,
  type ReadModelStore,
  type ReadTrust,
} from '@gridledger/core';
import type { PassOptions } from './catchUpPass.js';
import type { ProgressListener } from './progress.js';
import type { EventSource } from './source.js';

interface CommonRunnerOptions {
  /** Where read models and their checkpoints are kept. */
  readonly readModels: ReadModelStore;
  /** The clock for `updatedAt` (ISO 8601). */
  readonly now?: () => string;
}

/** Read through a ledger: events arrive upcast, validated and decoded as the ledger does it. */
export interface LedgerRunnerOptions extends CommonRunnerOptions {
  readonly ledger: Ledger;
}

/** Read a store directly, decoding through `registry` when given (raw stored data otherwise). */
export interface StoreRunnerOptions extends CommonRunnerOptions {
  readonly store: EventStore;
  readonly registry?: EventRegistry;
  /** How far stored data is trusted when decoding (default `current-version`). */
  readonly readTrust?: ReadTrust;
}

export type ProjectionRunnerOptions = LedgerRunnerOptions | StoreRunnerOptions;

export interface RunOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: ProgressListener;
  /**
   * Events folded per atomic save. Default: 1000 when following live; when catching up or
   * rebuilding, 1000 growing while saves (which copy the whole state) cost over 5% of the time.
   */
  readonly batchSize?: number;
  /** Least time between two progress reports (default 100 ms). */
  readonly progressIntervalMs?: number;
}

export interface RebuildOptions extends RunOptions {
  /** Continue an interrupted rebuild of the same version instead of starting over (default true). */
  readonly resume?: boolean;
}

export function sourceOf(options: ProjectionRunnerOptions): {
  store: EventSource;
  registry: EventRegistry | undefined;
  readTrust: ReadTrust;
} {
  if ('ledger' in options) {
    const { ledger } = options;
    // The ledger decodes (and decrypts, with its encoder); the store still counts for progress.
    const store: EventSource = {
      name: ledger.store.name,
      readAll: (o) => ledger.readAll(o),
      readAllBatches: (o) => ledger.readAllBatches(o),
      subscribe: (o) => ledger.subscribe(o),
      ...(ledger.store.countEvents ? { countEvents: (o) => ledger.store.countEvents!(o) } : {}),
    };
    return { store, registry: undefined, readTrust: ledger.readTrust };
  }
  return {
    store: options.store,
    registry: options.registry,
    readTrust: options.readTrust ?? 'current-version',
  };
}

export function passOptions(o: RunOptions): PassOptions {
  const { batchSize } = o;
  if (batchSize !== undefined && (!Number.isInteger(batchSize) || batchSize < 1)) {
    throw new ValidationError('projection run options', [
      { path: 'batchSize', message: `must be a whole number ≥ 1, got ${String(batchSize)}` },
    ]);
  }
  return {
    signal: o.signal,
    onProgress: o.onProgress,
    batchSize,
    progressIntervalMs: o.progressIntervalMs ?? 100,
  };
}
