// The benchmark harness: every measurement is printed beside a plain-JavaScript (or raw driver)
// baseline run in the same process, as a ratio, and saved as JSON under bench/results/.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export interface Measurement {
  /** What was measured, e.g. `single-event appends`. */
  readonly metric: string;
  /** Unit of both figures, e.g. `events/s`, `streams/s`, `MiB`. */
  readonly unit: string;
  readonly gridledger: number;
  readonly baseline: number;
  /** Whether bigger is better (throughput) or smaller is better (memory, size). */
  readonly better: 'higher' | 'lower';
  /** The target ratio gridledger/baseline (for `higher`) or gridledger/baseline ceiling (`lower`). */
  readonly target?: number;
  readonly note?: string;
}

export interface BenchSection {
  /** e.g. `store-memory`, `projections`, `store-sqlite`. */
  readonly name: string;
  readonly description: string;
  readonly measurements: readonly Measurement[];
  /** Extra figures without a baseline (e.g. file size per million events). */
  readonly figures?: Readonly<Record<string, number | string>>;
}

/** A bench module exports `default` of this type; `bench/run.ts` runs each in turn. */
export type BenchModule = (options: { readonly quick: boolean }) => Promise<BenchSection>;

/** Runs `fn` and returns how many operations per second it achieved over `operations`. */
export async function throughput(
  operations: number,
  fn: () => Promise<void> | void,
): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return operations / seconds;
}

/** Forces a full collection, so heap figures mean something. */
export function collectGarbage(): void {
  const gc = exposedGc();
  gc();
  gc();
}

let cachedGc: (() => void) | undefined;
/** `global.gc` when node runs with --expose-gc; otherwise the flag is switched on at run time. */
function exposedGc(): () => void {
  if (cachedGc) return cachedGc;
  const global = (globalThis as { gc?: () => void }).gc;
  if (global) return (cachedGc = global);
  setFlagsFromString('--expose-gc');
  return (cachedGc = runInNewContext('gc') as () => void);
}

/** Heap used plus array buffers, in MiB, after a full collection. */
export function heapMiB(): number {
  collectGarbage();
  const usage = process.memoryUsage();
  return (usage.heapUsed + usage.arrayBuffers) / 1024 / 1024;
}

/**
 * Best of `rounds` runs of each side, alternating raw and store, so a busy moment on a shared
 * machine (or a checkpoint, or a GC) does not decide the ratio.
 */
export async function pair(
  rounds: number,
  raw: () => Promise<number>,
  store: () => Promise<number>,
): Promise<[raw: number, store: number]> {
  let bestRaw = 0;
  let bestStore = 0;
  for (let i = 0; i < rounds; i++) {
    bestRaw = Math.max(bestRaw, await raw());
    bestStore = Math.max(bestStore, await store());
  }
  return [bestRaw, bestStore];
}
