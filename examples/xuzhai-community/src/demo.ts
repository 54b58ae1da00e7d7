// The demo as one function: records June to August in Xuzhai into a SQLite file from a seed,
// with the office app's reactions running alongside, then builds the headline read models.
import {
  Dispute,
  createEventRegistry,
  createLedger,
  createPersonalDataEncoder,
  gridledgerEvents,
  ValidationError,
  type VisitEventOf,
} from '@gridledger/core';
import { openSqlite } from '@gridledger/store-sqlite';
import { SimClock } from './agenda.js';
import { buildCast } from './cast.js';
import { replaceDatabase } from './dbFile.js';
import { planDisputes } from './disputePlan.js';
import { planEnrolment } from './enrolment.js';
import { planGridStructure } from './grids.js';
import { headlineFigures, type HeadlineFigures } from './figures.js';
import { conductFollowUp, followUpByTelephone } from './followUps.js';
import { takeInDispute } from './intake.js';
import { carryOutPatrol } from './patrols.js';
import { planPatrols } from './patrolPlan.js';
import {
  createReactionWorker,
  followUpVisit,
  officeReactions,
  type OfficeOutcome,
} from './reactions.js';
import { seededRandom } from './random.js';
import { planRelapse, SCENARIOS, type Scenario } from './relapse.js';
import { planPoliceCases, planRegister } from './station.js';
import { planStory } from './story.js';
import { storyFacts, type StoryFacts } from './storyFacts.js';
import { teamFromEvents, type Team } from './team.js';
import { HOUR, SEASON, inWorkingHours, isoInShanghai } from './time.js';
import { seededUlids } from './ulid.js';
import { planVisits } from './visitPlan.js';
import { carryOutVisit } from './visits.js';
import { createWorld, type World } from './world.js';

/** 5 September: the day Jiang Lin spoke to the reporters. */
export const DEFAULT_SEED = 20260905;

export interface DemoOptions {
  /** The SQLite file to write; replaced if it is a Gridledger file, refused otherwise. */
  readonly file: string;
  readonly seed?: number;
  /** `season` (the default) or `relapse`: the season plus a settled dispute that turns criminal. */
  readonly scenario?: Scenario;
}

export interface DemoResult {
  readonly file: string;
  readonly seed: number;
  readonly scenario: Scenario;
  readonly events: number;
  /** Counted from the events at the end of the season. */
  readonly team: Team;
  readonly figures: HeadlineFigures;
  readonly story: StoryFacts;
}

const OFFICE_APP = { id: 'xuzhai-office-app', role: 'system', name: 'Xuzhai community office app' };

export async function runDemo(options: DemoOptions): Promise<DemoResult> {
  const seed = options.seed ?? DEFAULT_SEED;
  if (!Number.isSafeInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new ValidationError('demo options', [
      { path: 'seed', message: `must be a whole number from 0 to 4294967295, got ${String(seed)}` },
    ]);
  }
  const scenario = options.scenario ?? 'season';
  if (!SCENARIOS.includes(scenario)) {
    throw new ValidationError('demo options', [
      {
        path: 'scenario',
        message: `must be one of ${SCENARIOS.join(', ')}, got '${String(scenario)}'`,
      },
    ]);
  }
  replaceDatabase(options.file);
  // `normal`: an append survives a crash of the process; a generated history needs no more.
  const db = openSqlite(options.file, { synchronous: 'normal' });
  try {
    const random = seededRandom(seed);
    const clock = new SimClock(SEASON.start);
    const ledger = createLedger({
      store: db.events,
      registry: createEventRegistry(gridledgerEvents),
      // Residents' personal data is sealed per resident, with keys kept in the same file apart
      // from the events: `gridledger forget` can erase a resident and every chain still verifies.
      encoder: createPersonalDataEncoder({ keys: db.keys, events: gridledgerEvents }),
      clock: () => new Date(clock.now()),
      newId: seededUlids(() => clock.now(), random.fork('ids')),
    });
    const cast = buildCast(random.fork('cast'));
    const world = createWorld(ledger, clock, cast, random.fork('world'));
    const reactions = createReactionWorker({
      ledger,
      checkpoints: db.readModels,
      actor: OFFICE_APP,
      now: world.now,
      reactions: officeReactions({
        findHousehold: (grid, name) => cast.findResident(grid, name)?.household,
        // On the hour, in office hours: door-to-door work is not done at night.
        bookFollowUp: (at) =>
          isoInShanghai(inWorkingHours(Math.ceil(Date.parse(at) / HOUR) * HOUR)),
      }),
    });

    const patrols = planPatrols(random.fork('patrol-plan'), cast);
    const disputes = planDisputes(random.fork('dispute-plan'), cast, patrols);
    planEnrolment(world);
    planGridStructure(world);
    planRegister(world);
    planPoliceCases(world);
    planStory(world);
    if (scenario === 'relapse') planRelapse(world);
    for (const visit of planVisits(random.fork('visit-plan'), cast, disputes))
      carryOutVisit(world, visit);
    for (const patrol of patrols) {
      const met = disputes.filter((d) => d.source === 'patrol' && d.patrolDay === patrol.day);
      carryOutPatrol(world, patrol, met);
    }
    for (const dispute of disputes) {
      if (dispute.source === 'walk-in' || dispute.source === 'hotline')
        takeInDispute(world, dispute);
    }
    await world.agenda.runUntil(SEASON.end, async () => {
      for (const outcome of await reactions.drain()) handBack(world, outcome);
    });

    const figures = await headlineFigures(ledger, db.readModels, () => new Date().toISOString());
    return {
      file: db.file,
      seed,
      scenario,
      events: (await db.events.countEvents?.()) ?? 0,
      team: await teamFromEvents(ledger),
      figures,
      story: await storyFacts(ledger, db.events, cast),
    };
  } finally {
    await db.close();
  }
}

/** What the app's reactions hand back to the people: a dispute to mediate, a visit to make. */
function handBack(world: World, outcome: OfficeOutcome): void {
  switch (outcome.kind) {
    case 'issued': {
      const [first] = outcome.events;
      if (first?.type === 'DisputeReported') {
        const start = world.onReported.get(outcome.causationId);
        if (start === undefined) throw new Error(`nobody planned to mediate ${outcome.streamId}`);
        world.onReported.delete(outcome.causationId);
        start(outcome.streamId.slice(Dispute.streamPrefix.length));
      } else if (first?.type === 'VisitScheduled') {
        const scheduled = first.data as VisitEventOf<'VisitScheduled'>['data'];
        const disputeId = scheduled.disputeId;
        if (disputeId === undefined) throw new Error(`${outcome.streamId} follows up no dispute`);
        conductFollowUp(world, { ...scheduled, disputeId });
      } else {
        throw new Error(`${outcome.reaction} wrote ${first?.type ?? 'nothing'} unexpectedly`);
      }
      return;
    }
    case 'skipped':
      // Core schedules no visit when no party's household is known: the office telephones.
      if (outcome.reaction === followUpVisit.name)
        followUpByTelephone(world, outcome.cause.streamId.slice(Dispute.streamPrefix.length));
      return;
    case 'already-done':
      return;
    case 'refused':
      throw outcome.error;
  }
}
