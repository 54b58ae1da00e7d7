// The as-of promise, for any history and any cut: the figures of a query with `asOf` (and
// `knownAt`) equal the figures of the same query, without them, over the history truncated to the
// events that occurred by `asOf` (and were recorded by `knownAt`). The histories have late
// entries (recorded days after they occurred) and back-dated steps, so the log's order and the
// events' own times disagree, as they do in an office.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RecordedEvent } from '@gridledger/core';
import {
  allReadModels,
  coverage,
  criminalCases,
  domainReadModels as m,
  escalations,
  incidence,
  publicOrder,
  memberWork,
  resolutionRate,
  satisfaction,
  timeliness,
  whereSettled,
  type AnyProjection,
  type AsOfOptions,
} from '@gridledger/projections';
import { DAY, HOUR, seeded } from '@gridledger/history-fixture/random';
import { generateHistory, type GeneratedEvent } from '@gridledger/history-fixture';

interface Logged {
  readonly event: GeneratedEvent;
  readonly occurred: number;
  readonly recorded: number;
}

/**
 * The order the office recorded a generated history in: each event entered after a lag (now and
 * then days late), some back-dated, and the log in order of recording, a stream's events in
 * their own order.
 */
function recordedLog(history: readonly GeneratedEvent[], seed: number): Logged[] {
  const random = seeded(seed);
  const lastInStream = new Map<string, number>();
  const logged = history.map((event) => {
    const lag = random.chance(0.1) ? random.int(DAY, 9 * DAY) : random.int(0, 3 * HOUR);
    const backdated = random.chance(0.08) ? random.int(HOUR, 3 * DAY) : 0;
    const recorded = Math.max(lastInStream.get(event.streamId) ?? 0, event.at + lag);
    lastInStream.set(event.streamId, recorded);
    return { event, occurred: event.at - backdated, recorded };
  });
  // Stable: equal times keep the generated order, so a stream's events stay in their order.
  return logged.sort((a, b) => a.recorded - b.recorded);
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Each read model's handlers over the events, as the runner would apply them. */
function fold(events: readonly Logged[]): Map<string, unknown> {
  const states = new Map<string, unknown>();
  for (const projection of allReadModels as AnyProjection[]) {
    const handlers = projection.handlers as Record<
      string,
      (state: unknown, event: RecordedEvent) => unknown
    >;
    let state = projection.initialState();
    for (const [i, { event, occurred, recorded }] of events.entries()) {
      const handler = Object.hasOwn(handlers, event.type) ? handlers[event.type] : undefined;
      if (handler === undefined) continue;
      const recordedEvent = {
        id: `e${i}`,
        type: event.type,
        schemaVersion: 1,
        streamId: event.streamId,
        streamVersion: 0,
        position: String(i),
        data: structuredClone(event.data),
        metadata: {
          actor: { id: 'office', role: 'system' },
          occurredAt: iso(occurred),
          recordedAt: iso(recorded),
          correlationId: `e${i}`,
          prevHash: null,
          hash: 'h',
        },
      } as unknown as RecordedEvent;
      state = handler(state, recordedEvent);
    }
    states.set(projection.name, state);
  }
  return states;
}

/** Every query of every read model, by every grouping, with `cut` added to each. */
function allFigures(states: Map<string, unknown>, cut: AsOfOptions) {
  const state = <S>(p: AnyProjection<S>) => states.get(p.name) as S;
  const by = ['month', 'grid', 'community'] as const;
  return {
    resolution: by.map((b) => resolutionRate(state(m.resolutionRate), { ...cut, by: b })),
    settled: by.map((b) => whereSettled(state(m.whereSettled), { ...cut, by: b })),
    timeliness: by.map((b) => timeliness(state(m.timeliness), { ...cut, by: b })),
    escalations: by.map((b) => escalations(state(m.escalations), { ...cut, by: b })),
    criminalCases: criminalCases(state(m.escalations), cut),
    incidence: by.map((b) => incidence(state(m.incidence), { ...cut, by: b })),
    satisfaction: by.map((b) => satisfaction(state(m.satisfaction), { ...cut, by: b })),
    coverage: by.map((b) => coverage(state(m.coverage), { ...cut, by: b })),
    work: memberWork(state(m.coverage), cut),
    publicOrder: by.map((b) => publicOrder(state(m.publicOrder), { ...cut, by: b })),
  };
}

/** Where to cut: nowhere, exactly at an event (or a millisecond either side), or anywhere. */
type CutChoice = undefined | { readonly event: number; readonly delta: number } | number;

const cutChoice: fc.Arbitrary<CutChoice> = fc.oneof(
  fc.constant(undefined),
  fc.record({ event: fc.nat(), delta: fc.constantFrom(-1, 0, 1) }),
  fc.integer({ min: Date.parse('2025-12-20T00:00:00Z'), max: Date.parse('2026-04-30T00:00:00Z') }),
);

function instant(choice: CutChoice, log: readonly Logged[], pick: (l: Logged) => number) {
  if (choice === undefined || typeof choice === 'number') return choice;
  const at = log[choice.event % Math.max(log.length, 1)];
  return at === undefined ? undefined : pick(at) + choice.delta;
}

describe('as-of figures, for any history and any instant', () => {
  it('equal the figures of the history truncated to what had occurred (and was recorded) by then', () => {
    fc.assert(
      fc.property(
        fc.record({
          seed: fc.integer(),
          disputes: fc.integer({ min: 0, max: 30 }),
          visits: fc.integer({ min: 0, max: 15 }),
          patrols: fc.integer({ min: 0, max: 10 }),
          policeCases: fc.integer({ min: 0, max: 8 }),
          registers: fc.boolean(),
          hazardFollowUps: fc.boolean(),
        }),
        fc.integer(),
        cutChoice,
        cutChoice,
        (shape, lagSeed, asOfChoice, knownAtChoice) => {
          const log = recordedLog(generateHistory({ ...shape, days: 90 }), lagSeed);
          const asOf = instant(asOfChoice, log, (l) => l.occurred);
          const knownAt = instant(knownAtChoice, log, (l) => l.recorded);
          const cut: AsOfOptions = {
            ...(asOf === undefined ? {} : { asOf: iso(asOf) }),
            ...(knownAt === undefined ? {} : { knownAt: iso(knownAt) }),
          };
          const truncated = log.filter(
            (l) =>
              (asOf === undefined || l.occurred <= asOf) &&
              (knownAt === undefined || l.recorded <= knownAt),
          );
          expect(allFigures(fold(log), cut)).toEqual(allFigures(fold(truncated), {}));
        },
      ),
      { numRuns: 100 },
    );
  });
});
