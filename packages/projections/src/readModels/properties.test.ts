// The read models' promises, for any generated history: built incrementally (random batch
// splits, crashes, cancelled rebuilds, restarts) equals rebuilt from zero; running again changes
// nothing; every rate is in [0, 1]; every count equals a direct count over the history.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ReadModelStore } from '@gridledger/core';
import {
  allReadModels,
  coverage,
  createMemoryReadModelStore,
  createProjectionRunner,
  domainReadModels as m,
  escalations,
  incidence,
  memberWork,
  resolutionRate,
  satisfaction,
  timeliness,
  whereSettled,
  type AnyProjection,
} from '@gridledger/projections';
import { appendThrough, domainSetup } from '../__fixtures__/domain.js';
import { faultyReadModels } from '../__fixtures__/faults.js';
import { generateHistory } from '@gridledger/history-fixture';
import { directCounts } from '../__fixtures__/oracle.js';

/** What may go wrong in one catch-up: nothing, a crash on the n-th save, or a cancel. */
const trouble = fc.oneof(
  fc.constant({ kind: 'none' as const }),
  fc.record({
    kind: fc.constant('crash' as const),
    failOnSave: fc.integer({ min: 1, max: 4 }),
    afterCommit: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('cancel' as const), afterSaves: fc.integer({ min: 1, max: 3 }) }),
);

/** Aborts `controller` once `saves` saves have landed: a cancel at a random point. */
function cancelling(
  inner: ReadModelStore,
  saves: number,
  controller: AbortController,
): ReadModelStore {
  let landed = 0;
  return {
    ...inner,
    load: (key) => inner.load(key),
    save: async (key, record) => {
      await inner.save(key, record);
      if (++landed === saves) controller.abort();
    },
    promote: (from, to) => inner.promote(from, to),
    delete: (key) => inner.delete(key),
    keys: (prefix) => inner.keys(prefix),
  };
}

type Step = typeof stepArb extends fc.Arbitrary<infer T> ? T : never;
const stepArb = fc.record({
  events: fc.integer({ min: 1, max: 120 }),
  batchSize: fc.integer({ min: 1, max: 40 }),
  rebuild: fc.boolean(),
  trouble,
});

describe('read models, for any history', () => {
  it('are the same built step by step through crashes as rebuilt from zero', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          seed: fc.integer(),
          disputes: fc.integer({ min: 0, max: 25 }),
          visits: fc.integer({ min: 0, max: 20 }),
          patrols: fc.integer({ min: 0, max: 10 }),
        }),
        fc.array(stepArb, { minLength: 1, maxLength: 4 }),
        async (shape, steps) => {
          const history = generateHistory({ ...shape, days: 75 });
          const { ledger, readModels, runner } = domainSetup();
          let appended = 0;
          for (const step of steps) {
            const chunk = history.slice(appended, appended + step.events);
            await appendThrough(ledger, chunk);
            appended += chunk.length;
            for (const projection of allReadModels) {
              await troubledRun(ledger, readModels, projection, step);
              // A restart after whatever happened brings the model to the end of the log.
              await runner.catchUp(projection, { batchSize: step.batchSize });
            }
          }
          await appendThrough(ledger, history.slice(appended));
          const fresh = createProjectionRunner({
            ledger,
            readModels: createMemoryReadModelStore(),
          });
          for (const projection of allReadModels) {
            await runner.catchUp(projection);
            const incremental = (await runner.read(projection))!;
            // Running again with nothing new changes nothing.
            expect((await runner.catchUp(projection)).eventsApplied).toBe(0);
            expect((await runner.read(projection))!.state).toEqual(incremental.state);
            await fresh.rebuild(projection);
            expect(incremental.state, projection.name).toEqual(
              (await fresh.read(projection))!.state,
            );
          }
        },
      ),
      { numRuns: 20 },
    );
  });

  it('give rates in [0, 1] and counts equal to direct counts over the history', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          seed: fc.integer(),
          disputes: fc.integer({ min: 0, max: 60 }),
          visits: fc.integer({ min: 0, max: 40 }),
          patrols: fc.integer({ min: 0, max: 20 }),
        }),
        async (shape) => {
          const history = generateHistory({ ...shape, days: 90 });
          const { ledger, runner } = domainSetup();
          await appendThrough(ledger, history);
          for (const projection of allReadModels) await runner.catchUp(projection);
          const state = async <S>(p: AnyProjection<S>) => (await runner.read(p))!.state;
          const direct = directCounts(history);

          const rates = resolutionRate(await state(m.resolutionRate), { by: 'grid' });
          for (const row of rates.rows)
            expect(row.rate === null || (row.rate >= 0 && row.rate <= 1)).toBe(true);
          const byMonth = resolutionRate(await state(m.resolutionRate)).rows;
          expect(
            byMonth.map((r) => [
              r.month,
              r.reported,
              r.declined,
              r.resolved,
              r.withdrawn,
              r.referredOut,
            ]),
          ).toEqual([...direct.cohorts.entries()].sort().map(([month, c]) => [month, ...c]));

          const settled = whereSettled(await state(m.whereSettled)).total;
          expect(settled.byLevel).toEqual({
            grid: 0,
            community: 0,
            'police-room': 0,
            'police-station': 0,
            'outside-body': 0,
            ...direct.resolvedByLevel,
          });
          for (const share of Object.values(settled.shares))
            expect(share === null || (share >= 0 && share <= 1)).toBe(true);

          const times = timeliness(await state(m.timeliness)).total;
          expect([
            times.toIntervention.count,
            times.toResolution.count,
            times.toFollowUp.count,
          ]).toEqual([
            direct.reachedIntervention,
            direct.reachedResolution,
            direct.reachedFollowUp,
          ]);

          const escalated = escalations(await state(m.escalations)).total;
          expect([escalated.escalations, escalated.referredOut, escalated.criminalCases]).toEqual([
            direct.escalations,
            direct.referredOut,
            direct.criminalCases,
          ]);

          const incidents = incidence(await state(m.incidence)).total;
          expect([incidents.disputes, incidents.patrolIncidents]).toEqual([
            direct.disputesReported,
            direct.patrolIncidents,
          ]);

          const satisfied = satisfaction(await state(m.satisfaction), { by: 'grid' });
          expect([satisfied.total.followUps, satisfied.total.satisfied]).toEqual([
            direct.followUps,
            direct.satisfied,
          ]);
          for (const row of satisfied.rows)
            expect(row.share === null || (row.share >= 0 && row.share <= 1)).toBe(true);

          const covered = coverage(await state(m.coverage)).total;
          expect([
            covered.visits,
            covered.householdsVisited,
            covered.microWishesRecorded,
            covered.hazardsFound,
            covered.hazardsRemoved,
          ]).toEqual([
            direct.visitsConducted,
            direct.householdsVisited,
            direct.wishesRecorded,
            direct.hazardsFound,
            direct.hazardsRemoved,
          ]);
          expect(covered.patrolHours).toBeCloseTo(direct.patrolMinutes / 60, 6);
          const sessions = memberWork(await state(m.coverage)).reduce(
            (n, w) => n + w.mediationSessions,
            0,
          );
          expect(sessions).toBe(direct.mediatorSessions);
        },
      ),
      { numRuns: 20 },
    );
  });
});

/** One catch-up or rebuild that may crash or be cancelled part-way. */
async function troubledRun(
  ledger: ReturnType<typeof domainSetup>['ledger'],
  readModels: ReadModelStore,
  projection: AnyProjection,
  step: Step,
) {
  const controller = new AbortController();
  const store =
    step.trouble.kind === 'crash'
      ? faultyReadModels(readModels, step.trouble)
      : step.trouble.kind === 'cancel'
        ? cancelling(readModels, step.trouble.afterSaves, controller)
        : readModels;
  const runner = createProjectionRunner({ ledger, readModels: store });
  const options = { batchSize: step.batchSize, signal: controller.signal };
  await (
    step.rebuild ? runner.rebuild(projection, options) : runner.catchUp(projection, options)
  ).catch((e: unknown) => {
    if (step.trouble.kind !== 'crash') throw e;
  });
}
