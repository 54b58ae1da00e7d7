// The read models of a co-governed community, and the list a CLI rebuilds "everything" from.
import type { AnyProjection } from '../projection.js';
import { coverageProjection } from './coverage.js';
import { escalationsProjection } from './escalations.js';
import { incidenceProjection } from './incidence.js';
import { publicOrderProjection } from './publicOrder.js';
import type { ReadModelOptions } from './options.js';
import { resolutionRateProjection } from './resolutionRate.js';
import { satisfactionProjection } from './satisfaction.js';
import { timelinessProjection } from './timeliness.js';
import { whereSettledProjection } from './whereSettled.js';

/** Every read model, configured alike (their months in one time zone). */
export function createReadModels(options?: ReadModelOptions) {
  return {
    resolutionRate: resolutionRateProjection(options),
    whereSettled: whereSettledProjection(options),
    timeliness: timelinessProjection(options),
    escalations: escalationsProjection(options),
    incidence: incidenceProjection(options),
    satisfaction: satisfactionProjection(options),
    coverage: coverageProjection(options),
    publicOrder: publicOrderProjection(options),
  } as const;
}

export type ReadModelSet = ReturnType<typeof createReadModels>;

/** The read models with months in the default time zone (Asia/Shanghai). */
export const domainReadModels: ReadModelSet = createReadModels();

/** The same, as a list: what "rebuild everything" walks through. */
export const allReadModels: readonly AnyProjection[] = Object.values(domainReadModels);

/** The list of read models configured with `options`. */
export const listReadModels = (options?: ReadModelOptions): readonly AnyProjection[] =>
  Object.values(createReadModels(options));

export * from './resolutionRate.js';
export * from './whereSettled.js';
export * from './timeliness.js';
export * from './escalations.js';
export * from './incidence.js';
export * from './publicOrder.js';
export * from './satisfaction.js';
export { coverageProjection, type CoverageState } from './coverage.js';
export type { GridCoverageCell, MemberWorkCell } from './coverageFold.js';
export { endOf, type AsOfOptions } from './asOf.js';
export * from './coverageQueries.js';
export type { ReadModelOptions } from './options.js';
export type { GroupBy, GroupKey, QueryOptions, Slice } from './cells.js';
export type { DurationSummary } from './stats.js';
