// Where a `gridledger rebuild` of several read models got to. Kept in the read-model store beside
// the models, so a re-run after Ctrl-C skips the models already rebuilt and resumes the one it
// stopped in (the runner keeps that one's half-built copy and checkpoint).
import type { ReadModelStore } from '@gridledger/core';

/** `#` never starts a projection's key, so the plan cannot collide with a read model. */
export const REBUILD_PLAN_KEY = '#gridledger-cli/rebuild-plan';

interface PlanState {
  /** The read models the run was asked for, in order. */
  readonly readModels: string[];
  /** Those rebuilt and switched in so far. */
  readonly rebuilt: string[];
  readonly startedAt: string;
}

export interface RebuildPlan {
  /** True when this run continues an interrupted run over the same read models. */
  readonly resumed: boolean;
  /** When the run (or the run it continues) started, ISO 8601. */
  readonly startedAt: string;
  /** Whether an interrupted run already rebuilt this read model. */
  wasRebuilt(name: string): boolean;
  /** Records that a read model is rebuilt, so a re-run does not rebuild it again. */
  markRebuilt(name: string): Promise<void>;
  /** Forgets the plan: every read model asked for is rebuilt. */
  finish(): Promise<void>;
}

/**
 * Continues the interrupted run over exactly `readModels` (same names, same order), or starts a
 * new one; `restart` always starts anew.
 */
export async function openRebuildPlan(
  store: ReadModelStore,
  readModels: readonly string[],
  options: { readonly restart: boolean; readonly now: () => string },
): Promise<RebuildPlan> {
  const saved = options.restart ? undefined : await loadPlan(store);
  const resumed = saved !== undefined && sameList(saved.readModels, readModels);
  const state: PlanState = resumed
    ? { ...saved, rebuilt: saved.rebuilt.filter((name) => readModels.includes(name)) }
    : { readModels: [...readModels], rebuilt: [], startedAt: options.now() };
  const save = () =>
    store.save<PlanState>(REBUILD_PLAN_KEY, {
      state,
      checkpoint: undefined,
      projectionVersion: 1,
      eventsApplied: 0,
      updatedAt: options.now(),
    });
  await save();
  return {
    resumed,
    startedAt: state.startedAt,
    wasRebuilt: (name) => state.rebuilt.includes(name),
    async markRebuilt(name) {
      if (!state.rebuilt.includes(name)) state.rebuilt.push(name);
      await save();
    },
    finish: () => store.delete(REBUILD_PLAN_KEY),
  };
}

async function loadPlan(store: ReadModelStore): Promise<PlanState | undefined> {
  const record = await store.load<unknown>(REBUILD_PLAN_KEY);
  const state = record?.state;
  // A plan this code cannot read is treated as absent: the worst outcome is rebuilding again.
  if (typeof state !== 'object' || state === null) return undefined;
  const { readModels, rebuilt, startedAt } = state as Record<string, unknown>;
  if (!isStringList(readModels) || !isStringList(rebuilt) || typeof startedAt !== 'string') {
    return undefined;
  }
  return { readModels, rebuilt, startedAt };
}

const isStringList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((v) => typeof v === 'string');

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((name, i) => name === b[i]);
