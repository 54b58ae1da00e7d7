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
import { generateHistory, type GeneratedEvent } from '@gridledger/history-fixture';
import { directCounts, type HazardCounts } from '../__fixtures__/oracle.js';

/** The hazard figures of a coverage row or total. */
const hazardFigures = (f: HazardCounts): HazardCounts => ({
  hazardsFound: f.hazardsFound,
  hazardsRemoved: f.hazardsRemoved,
  hazardFollowUps: f.hazardFollowUps,
  hazardsHandedOver: f.hazardsHandedOver,
  patrolHazardsFound: f.patrolHazardsFound,
  patrolHazardsRemoved: f.patrolHazardsRemoved,
  patrolHazardFollowUps: f.patrolHazardFollowUps,
  patrolHazardsHandedOver: f.patrolHazardsHandedOver,
});

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
          const history = generateHistory({ ...shape, days: 75, hazardFollowUps: true });
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
          const history = generateHistory({ ...shape, days: 90, hazardFollowUps: true });
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
          // Each grid's hazards, visits' and patrols' apart, counted where they were found.
          const hazardRows = coverage(await state(m.coverage), { by: 'grid' })
            .rows.map((row) => [`${row.community}/${row.grid}`, hazardFigures(row)] as const)
            .filter(([, figures]) => Object.values(figures).some((n) => n > 0));
          expect(new Map(hazardRows)).toEqual(direct.hazardsByGrid);
          expect(hazardFigures(covered)).toEqual(hazardFigures(direct));
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

describe('generated histories with hazard follow-ups', () => {
  it('deal with hazards only as the deciders allow, on every path the recount compares', () => {
    const seen = new Set<string>();
    for (let seed = 1; seed <= 40; seed++) {
      const shape = { seed, disputes: 0, visits: 40, patrols: 20, days: 90 };
      const history = generateHistory({ ...shape, hazardFollowUps: true });
      const streams = new Map<string, GeneratedEvent[]>();
      for (const e of history) streams.set(e.streamId, [...(streams.get(e.streamId) ?? []), e]);
      for (const events of streams.values()) for (const path of hazardPaths(events)) seen.add(path);
      // Without being asked for, none.
      expect(
        generateHistory(shape).filter((e) => /HazardFollowedUp|HazardHandedOver/.test(e.type)),
      ).toEqual([]);
    }
    expect([...seen]).toEqual(
      expect.arrayContaining([
        'visit: followed-up removed',
        'visit: followed-up handed-over',
        'patrol: after-shift:still-there after-shift:handed-over',
        'patrol: after-shift:gone after-shift:removed',
        'patrol: after-shift:still-there after-shift:gone after-shift:removed',
      ]),
    );
  });
});

/**
 * What happened to each hazard of a visit's or patrol's stream after it was found, in order
 * (`visit: followed-up removed`); fails on what the deciders refuse: a hazard dealt with before
 * it was found (or before the visit took place), or after it was removed or handed over.
 */
function hazardPaths(events: readonly GeneratedEvent[]): string[] {
  const kind = events[0]!.streamId.startsWith('visit-') ? 'visit' : 'patrol';
  const paths = new Map<string, string[]>();
  let conducted = false;
  let completed = false;
  for (const e of events) {
    const data = e.data as { hazardId?: string; stillThere?: boolean };
    if (e.type === 'VisitConducted') conducted = true;
    if (e.type === 'PatrolCompleted') completed = true;
    if (e.type === 'SafetyHazardReported' || e.type === 'PatrolHazardFound') {
      expect(paths.has(data.hazardId!), e.type).toBe(false);
      paths.set(data.hazardId!, []);
      continue;
    }
    const step = /HazardFollowedUp$/.test(e.type)
      ? kind === 'visit'
        ? 'followed-up'
        : data.stillThere === true
          ? 'still-there'
          : 'gone'
      : /HazardHandedOver$/.test(e.type)
        ? 'handed-over'
        : /HazardRemoved$/.test(e.type)
          ? 'removed'
          : undefined;
    if (step === undefined) continue;
    const path = paths.get(data.hazardId!);
    expect(path, `${e.type} of a hazard not found on ${e.streamId}`).toBeDefined();
    expect(path!.at(-1) ?? '', `${e.type} after the end of a hazard`).not.toMatch(
      /removed|handed-over/,
    );
    if (kind === 'visit') expect(conducted, `${e.type} before the visit`).toBe(true);
    path!.push(kind === 'patrol' && completed ? `after-shift:${step}` : step);
  }
  return [...paths.values()].filter((p) => p.length > 0).map((p) => `${kind}: ${p.join(' ')}`);
}

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
