// The projection runner: catch up, follow live, rebuild side by side and switch in, resume an
// interrupted rebuild, cancel with an AbortSignal. State and checkpoint are always saved together.
import {
  RuleViolationError,
  ValidationError,
  type Position,
  type ReadModelRecord,
} from '@gridledger/core';
import { catchUpPass } from './catchUpPass.js';
import { WorkingModel, type FoldContext } from './fold.js';
import { livePass } from './livePass.js';
import { liveKeyOf, rebuildKeyOf, type AnyProjection } from './projection.js';
import {
  passOptions,
  sourceOf,
  type ProjectionRunnerOptions,
  type RebuildOptions,
  type RunOptions,
} from './runnerOptions.js';

export interface RunResult {
  readonly projection: string;
  /** `rebuilt` when a fresh copy was built and switched in (first run, new version, rebuild). */
  readonly outcome: 'caught-up' | 'rebuilt' | 'cancelled' | 'stopped';
  /** Events folded by this call. */
  readonly eventsApplied: number;
  /** Events the read model holds now. */
  readonly eventsInModel: number;
  readonly checkpoint: Position | undefined;
}

export interface ProjectionStatus {
  readonly projection: string;
  readonly version: number;
  /** The live read model's metadata, whatever version built it. */
  readonly live?: Omit<ReadModelRecord, 'state'>;
  /** An interrupted rebuild of this version, waiting to be resumed. */
  readonly rebuild?: Omit<ReadModelRecord, 'state'>;
  /** True when the live model was built by this version and can be read. */
  readonly current: boolean;
}

export interface ProjectionRunner {
  /** Brings the read model up to the end of the log (building it first when needed). */
  catchUp<S>(projection: AnyProjection<S>, options?: RunOptions): Promise<RunResult>;
  /** Catches up, then follows live appends until the signal aborts (`outcome: 'stopped'`). */
  follow<S>(projection: AnyProjection<S>, options?: RunOptions): Promise<RunResult>;
  /** Builds a fresh copy from the start of the log and switches it in when complete. */
  rebuild<S>(projection: AnyProjection<S>, options?: RebuildOptions): Promise<RunResult>;
  /**
   * Rebuilds several read models in one pass over the log (read once, not once per model): each
   * a fresh copy switched in when the pass completes, one result per model in the order given.
   * Cancelled, every copy is saved where the pass stopped, and the next `rebuildAll` of the same
   * models resumes them together; copies that stopped at different places start afresh.
   */
  rebuildAll(projections: readonly AnyProjection[], options?: RebuildOptions): Promise<RunResult[]>;
  /** The live read model, or `undefined` when none was built by this projection version. */
  read<S>(projection: AnyProjection<S>): Promise<ReadModelRecord<S> | undefined>;
  status(projection: AnyProjection): Promise<ProjectionStatus>;
}

export function createProjectionRunner(options: ProjectionRunnerOptions): ProjectionRunner {
  const { readModels } = options;
  const { store, registry, readTrust } = sourceOf(options);
  const context: FoldContext = {
    readModels,
    registry,
    readTrust,
    now: options.now ?? (() => new Date().toISOString()),
  };
  const running = new Set<string>();

  // One operation per read model at a time: two writers of one key would overwrite each other.
  // Within this runner a set says so; across processes, the read-model store's claim, when it
  // offers one. A claim lost mid-run stops the run, which then fails with the claim's reason.
  async function exclusive<O extends RunOptions, T>(
    projection: AnyProjection,
    o: O,
    run: (o: O) => Promise<T>,
  ): Promise<T> {
    if (running.has(projection.name)) {
      throw new RuleViolationError(
        'projection-already-running',
        `Projection '${projection.name}' is already being caught up, followed or rebuilt by this runner`,
        { projection: projection.name },
      );
    }
    running.add(projection.name);
    try {
      if (readModels.claim === undefined) return await run(o);
      const claim = await readModels.claim(projection.name);
      if (claim === undefined) {
        throw new RuleViolationError(
          'projection-already-running',
          `Projection '${projection.name}' is being caught up, followed or rebuilt by another runner on ${readModels.name}`,
          { projection: projection.name, elsewhere: true },
        );
      }
      try {
        const signal =
          o.signal === undefined ? claim.lost : AbortSignal.any([o.signal, claim.lost]);
        const outcome = await run({ ...o, signal });
        if (claim.lost.aborted) throw claim.lost.reason;
        return outcome;
      } finally {
        await claim.release();
      }
    } finally {
      running.delete(projection.name);
    }
  }

  /** Every projection's claim, one inside the other, around `run`. */
  const exclusiveAll = <O extends RunOptions, T>(
    projections: readonly AnyProjection[],
    o: O,
    run: (o: O) => Promise<T>,
  ): Promise<T> => {
    const [first, ...rest] = projections;
    return first === undefined
      ? run(o)
      : exclusive(first, o, (inner) => exclusiveAll(rest, inner, run));
  };

  /** The side copy a rebuild folds into: the interrupted one of this version, or a fresh one. */
  async function rebuildCopy<S>(projection: AnyProjection<S>, resume: boolean) {
    const key = rebuildKeyOf(projection);
    const resumeFrom = resume ? await readModels.load<S>(key) : undefined;
    if (resumeFrom === undefined) await readModels.delete(key);
    const usable = resumeFrom?.projectionVersion === projection.version ? resumeFrom : undefined;
    return new WorkingModel(context, projection, key, usable);
  }

  /** Rebuilds `projections` together in one pass (see `rebuildAll`). */
  async function rebuildInto(projections: readonly AnyProjection[], o: RebuildOptions) {
    const resume = o.resume !== false;
    let models: WorkingModel<unknown>[] = [];
    for (const projection of projections) models.push(await rebuildCopy(projection, resume));
    // One pass starts from one place: copies interrupted at different places start afresh.
    if (new Set(models.map((model) => model.checkpoint)).size > 1) {
      models = [];
      for (const projection of projections) models.push(await rebuildCopy(projection, false));
    }
    const before = models.map((model) => model.eventsApplied);
    const complete = await catchUpPass(store, models, 'rebuild', passOptions(o));
    if (!complete) {
      return models.map((model, i) => result(model.projection, 'cancelled', model, before[i]!));
    }
    const results: RunResult[] = [];
    for (const [i, model] of models.entries()) {
      if (!model.persisted) await model.save();
      await readModels.promote(model.key, liveKeyOf(model.projection));
      await dropStaleRebuilds(model.projection);
      results.push(result(model.projection, 'rebuilt', model, before[i]!));
    }
    return results;
  }

  // Interrupted rebuilds of older versions can never be resumed by this code; a newer one may
  // be a roll-out in progress elsewhere, so it stays.
  async function dropStaleRebuilds(projection: AnyProjection) {
    const prefix = `${projection.name}@v`;
    for (const key of await readModels.keys(prefix)) {
      const version = /^(\d+)#rebuild$/.exec(key.slice(prefix.length))?.[1];
      if (version !== undefined && Number(version) < projection.version) {
        await readModels.delete(key);
      }
    }
  }

  async function catchUp<S>(projection: AnyProjection<S>, o: RunOptions) {
    const live = await readModels.load<S>(liveKeyOf(projection));
    // No model yet, or one built by another version: build a fresh copy so nobody reads half.
    if (live?.projectionVersion !== projection.version) {
      const [run] = await rebuildInto([projection], o);
      return { run: run!, live: undefined };
    }
    const model = new WorkingModel(context, projection, liveKeyOf(projection), live);
    const before = model.eventsApplied;
    const complete = await catchUpPass(
      store,
      [model as WorkingModel<unknown>],
      'catch-up',
      passOptions(o),
    );
    return {
      run: result(projection, complete ? 'caught-up' : 'cancelled', model, before),
      live: model,
    };
  }

  return {
    catchUp: (projection, o = {}) =>
      exclusive(projection, o, async (o) => (await catchUp(projection, o)).run),

    follow: (projection, o = {}) =>
      exclusive(projection, o, async (o) => {
        const caughtUp = await catchUp(projection, o);
        if (caughtUp.run.outcome === 'cancelled') return caughtUp.run;
        const model =
          caughtUp.live ??
          new WorkingModel(
            context,
            projection,
            liveKeyOf(projection),
            await readModels.load(liveKeyOf(projection)),
          );
        const before = model.eventsApplied - caughtUp.run.eventsApplied;
        await livePass(store, model, passOptions(o));
        return result(projection, 'stopped', model, before);
      }),

    rebuild: (projection, o = {}) =>
      exclusive(projection, o, async (o) => (await rebuildInto([projection], o))[0]!),

    async rebuildAll(projections, o = {}) {
      const names = projections.map((projection) => projection.name);
      const repeated = names.find((name, i) => names.indexOf(name) !== i);
      if (repeated !== undefined) {
        throw new ValidationError('rebuild of several read models', [
          { path: 'projections', message: `'${repeated}' is listed twice` },
        ]);
      }
      return exclusiveAll(projections, o, (o) => rebuildInto(projections, o));
    },

    async read<S>(projection: AnyProjection<S>) {
      const record = await readModels.load<S>(liveKeyOf(projection));
      return record?.projectionVersion === projection.version ? record : undefined;
    },

    async status(projection) {
      const [live, rebuild] = await Promise.all([
        readModels.load(liveKeyOf(projection)),
        readModels.load(rebuildKeyOf(projection)),
      ]);
      return {
        projection: projection.name,
        version: projection.version,
        current: live?.projectionVersion === projection.version,
        ...(live === undefined ? {} : { live: withoutState(live) }),
        ...(rebuild === undefined ? {} : { rebuild: withoutState(rebuild) }),
      };
    },
  };
}

function result<S>(
  projection: AnyProjection<S>,
  outcome: RunResult['outcome'],
  model: WorkingModel<S>,
  before: number,
): RunResult {
  return {
    projection: projection.name,
    outcome,
    eventsApplied: model.eventsApplied - before,
    eventsInModel: model.eventsApplied,
    checkpoint: model.checkpoint,
  };
}

function withoutState({ state: _state, ...rest }: ReadModelRecord): Omit<ReadModelRecord, 'state'> {
  return rest;
}
