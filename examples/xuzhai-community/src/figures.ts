// The headline figures, built the way an analyst builds them: the projection runner folds the
// global log into each read model, saves it beside the events in the same SQLite file, and the
// read models' queries answer for the season.
import type { Ledger, ReadModelStore } from '@gridledger/core';
import {
  coverage,
  createProjectionRunner,
  criminalCases,
  domainReadModels,
  escalations,
  incidence,
  publicOrder,
  resolutionRate,
  satisfaction,
  timeliness,
  whereSettled,
  type AnyProjection,
  type CoverageFigures,
  type CriminalCase,
  type EscalationFigures,
  type IncidenceRow,
  type PublicOrderRow,
  type ResolutionFigures,
  type SatisfactionFigures,
  type TimelinessFigures,
  type WhereSettledFigures,
} from '@gridledger/projections';
import { SEASON } from './time.js';

export interface HeadlineFigures {
  /** By the month the dispute was reported, and for the season. */
  readonly resolution: {
    readonly months: readonly ({ readonly month: string } & ResolutionFigures)[];
    readonly season: ResolutionFigures;
  };
  readonly whereSettled: WhereSettledFigures;
  readonly timeliness: TimelinessFigures;
  readonly escalations: EscalationFigures & { readonly criminalCases: number };
  readonly criminalCases: readonly CriminalCase[];
  /** Each month of the season with its month-over-month change. */
  readonly incidence: readonly IncidenceRow<'month'>[];
  /** The station's public-order cases per 1,000 households, each month of the season. */
  readonly publicOrder: readonly PublicOrderRow<'month'>[];
  readonly satisfaction: SatisfactionFigures;
  readonly coverage: CoverageFigures;
}

/** Brings every read model up to the end of the log and reads the season's figures. */
export async function headlineFigures(
  ledger: Ledger,
  readModels: ReadModelStore,
  now: () => string,
): Promise<HeadlineFigures> {
  const runner = createProjectionRunner({ ledger, readModels, now });
  const state = async <S>(projection: AnyProjection<S>): Promise<S> => {
    await runner.catchUp(projection);
    const record = await runner.read(projection);
    if (record === undefined) throw new Error(`read model '${projection.name}' was not built`);
    return record.state;
  };
  const models = domainReadModels;
  const season = { from: SEASON.months[0], to: SEASON.months[2] };

  const resolved = resolutionRate(await state(models.resolutionRate), { by: 'month', ...season });
  const escalated = await state(models.escalations);
  return {
    resolution: { months: resolved.rows, season: resolved.total },
    whereSettled: whereSettled(await state(models.whereSettled), season).total,
    timeliness: timeliness(await state(models.timeliness), season).total,
    escalations: escalations(escalated, season).total,
    criminalCases: criminalCases(escalated, season),
    incidence: incidence(await state(models.incidence), { by: 'month', ...season }).rows,
    publicOrder: publicOrder(await state(models.publicOrder), { by: 'month', ...season }).rows,
    satisfaction: satisfaction(await state(models.satisfaction), season).total,
    coverage: coverage(await state(models.coverage), { by: 'community', ...season }).total,
  };
}
