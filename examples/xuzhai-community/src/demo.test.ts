// The demo's proof: the figures it prints are the figures its events add up to, counted again
// here without the read models; the default seed lands near the article's, other seeds land
// elsewhere (the figures are drawn, not set); people are never in two places at once; Kang's
// visit and the Xu/Shang dispute have the article's facts; reactions link by causation; and one
// seed always gives the same history, byte for byte.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createEventRegistry,
  createLedger,
  createPersonalDataEncoder,
  gridledgerEvents,
  isValidationError,
  type Ledger,
  type RecordedEvent,
} from '@gridledger/core';
import { verifyStream } from '@gridledger/core/audit';
import { createProjectionRunner, domainReadModels, resolutionRate } from '@gridledger/projections';
import { openSqlite, type SqliteGridledger } from '@gridledger/store-sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { USAGE, main, parseDemoArgs } from './cli.js';
import { DEFAULT_SEED, runDemo, type DemoResult } from './demo.js';
import { REACTIONS_CHECKPOINT, createReactionWorker, officeReactions } from './reactions.js';
import { formatReport } from './report.js';
import { KANG_VISIT_STREAM, XU_SHANG_STREAM } from './story.js';
import { SEASON, WORKDAY, dayOf, minuteOfDay } from './time.js';

const dir = mkdtempSync(join(tmpdir(), 'xuzhai-demo-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let result: DemoResult;
let db: SqliteGridledger;
let ledger: Ledger;
let log: RecordedEvent[];

beforeAll(async () => {
  result = await runDemo({ file: join(dir, 'season.db'), seed: DEFAULT_SEED });
  db = openSqlite(result.file);
  ledger = sealingLedger(db);
  log = [];
  for await (const event of ledger.readAll()) log.push(event);
}, 180_000);
afterAll(() => db.close());

const ofType = <T extends string>(type: T) => log.filter((e) => e.type === type);
const streamOf = (streamId: string) => log.filter((e) => e.streamId === streamId);
/** A ledger that opens the residents' sealed personal data with the keys kept in the file. */
function sealingLedger(opened: SqliteGridledger): Ledger {
  return createLedger({
    store: opened.events,
    registry: createEventRegistry(gridledgerEvents),
    encoder: createPersonalDataEncoder({ keys: opened.keys, events: gridledgerEvents }),
  });
}

/**
 * Every event as recorded, its personal data opened: ids, places, times and data. Not hashes:
 * each sealed value has a fresh key and IV, so the same facts never hash alike twice.
 */
const facts = async (file: string) => {
  const store = openSqlite(file, { readonly: true });
  const out: string[] = [];
  for await (const e of sealingLedger(store).readAll()) {
    out.push(
      `${e.id} ${e.streamId} v${e.streamVersion} ${e.type} ${e.metadata.occurredAt} ${JSON.stringify(e.data)}`,
    );
  }
  await store.close();
  return out;
};

/** The Shanghai month of an event, `YYYY-MM`. */
const monthOf = (e: RecordedEvent) => dayOf(Date.parse(e.metadata.occurredAt)).slice(0, 7);

/**
 * The resolution figures counted again from the events alone, without the read models: each
 * dispute in the month it was reported, resolved if its last word is a resolution, referred out
 * if it was referred, in progress otherwise.
 */
function recount(events: readonly RecordedEvent[]) {
  const disputes = new Map<string, { month: string; outcome: string }>();
  for (const e of events) {
    if (e.type === 'DisputeReported') disputes.set(e.streamId, { month: monthOf(e), outcome: '' });
    const d = disputes.get(e.streamId);
    if (d === undefined) continue;
    if (e.type === 'DisputeResolved') d.outcome = 'resolved';
    if (e.type === 'DisputeReopened') d.outcome = '';
    if (e.type === 'DisputeReferredOut') d.outcome = 'referred-out';
  }
  const count = (month?: string) => {
    const all = [...disputes.values()].filter((d) => month === undefined || d.month === month);
    const resolved = all.filter((d) => d.outcome === 'resolved').length;
    const referredOut = all.filter((d) => d.outcome === 'referred-out').length;
    return {
      reported: all.length,
      resolved,
      referredOut,
      inProgress: all.length - resolved - referredOut,
    };
  };
  return { season: count(), months: SEASON.months.map((m) => ({ month: m, ...count(m) })) };
}

describe('the season’s figures, computed from the events', () => {
  it('counts the resolution rate the read models report from the events themselves', () => {
    const again = recount(log);
    const { season, months } = result.figures.resolution;
    expect(season).toMatchObject({ ...again.season, accepted: again.season.reported });
    expect(season.rate).toBeCloseTo(again.season.resolved / again.season.reported, 10);
    expect(
      months.map(({ month, reported, resolved, referredOut, inProgress }) => ({
        month,
        reported,
        resolved,
        referredOut,
        inProgress,
      })),
    ).toEqual(again.months);
  });

  it('lands near the article: about 98% resolved, none turned criminal, disputes and cases falling', () => {
    const { season } = result.figures.resolution;
    expect(season.rate).toBeGreaterThanOrEqual(0.95);
    expect(season.rate).toBeLessThanOrEqual(0.995);
    expect(season.reported).toBeGreaterThan(120);
    expect(season.reported).toBeLessThan(180);
    expect(result.figures.escalations).toMatchObject({ criminalCases: 0, homicides: 0 });
    expect(result.figures.criminalCases).toEqual([]);
    const [, july, august] = result.figures.incidence;
    expect(july?.change.disputes).toBeLessThan(0);
    expect(august?.change.disputes).toBeLessThan(0);
    // The station's public-order cases per 1,000 households (the article's 发案率), month by month.
    const perThousand = result.figures.publicOrder.map((m) => m.perThousandHouseholds ?? NaN);
    expect(perThousand[1]).toBeLessThan(perThousand[0] ?? NaN);
    expect(perThousand[2]).toBeLessThan(perThousand[1] ?? NaN);
  });

  it('leaves open what was still being mediated at midnight on 31 August, mostly reported late', () => {
    const open = ofType('DisputeReported').filter((reported) => {
      const types = streamOf(reported.streamId).map((e) => e.type);
      return !types.includes('DisputeResolved') && !types.includes('DisputeReferredOut');
    });
    expect(open).toHaveLength(result.figures.resolution.season.inProgress);
    for (const reported of open) {
      // Still in hand: classified, assigned and stepped into, just not settled yet.
      const types = streamOf(reported.streamId).map((e) => e.type);
      expect(types).toContain('DisputeInterventionStarted');
    }
  });

  it('counts escalations and referrals from the events', () => {
    const referred = ofType('DisputeReferredOut').map((e) => (e.data as { to: string }).to);
    const { escalations } = result.figures;
    expect(escalations.referredOut).toBe(referred.length);
    for (const to of ['court', 'labour-arbitration'] as const) {
      expect(escalations.byTarget[to] ?? 0, to).toBe(referred.filter((t) => t === to).length);
    }
    expect(escalations.escalations).toBe(ofType('DisputeEscalated').length);
    expect(ofType('DisputeLaterCaseLinked')).toEqual([]);
  });

  it('keeps small matters in the grid and big ones in the community', () => {
    const settled = result.figures.whereSettled;
    expect(settled.resolved).toBe(result.figures.resolution.season.resolved);
    expect(settled.inGrid).toBeGreaterThan(settled.inCommunity);
    expect(settled.inCommunity).toBeGreaterThan(settled.beyondCommunity);
    expect((settled.shares.grid ?? 0) + (settled.shares.community ?? 0)).toBeGreaterThan(0.8);
    const levels = ofType('DisputeResolved').map((e) => (e.data as { level: string }).level);
    expect(settled.inGrid).toBe(levels.filter((l) => l === 'grid').length);
  });

  it('steps in quickly, follows up, and mostly finds the residents satisfied', () => {
    const { timeliness, satisfaction, coverage } = result.figures;
    expect(timeliness.toIntervention.medianHours).toBeLessThan(4);
    expect(timeliness.toFollowUp.count).toBe(ofType('DisputeFollowUpVisitRecorded').length);
    expect(satisfaction.share).toBeGreaterThan(0.85);
    expect(coverage.householdsVisited).toBeGreaterThan(600);
    expect(coverage.microWishesFulfilled).toBeGreaterThan(100);
    expect(coverage.patrolHours).toBeGreaterThan(100);
  });

  it('prints the figures it computed', () => {
    const report = formatReport(result);
    const { reported, accepted, resolved, referredOut, inProgress, rate } =
      result.figures.resolution.season;
    expect(report).toMatch(
      new RegExp(
        `June–August\\s+${reported}\\s+${accepted}\\s+${resolved}\\s+${referredOut}\\s+${inProgress}\\s+${((rate ?? 0) * 100).toFixed(1)}%`,
      ),
    );
    expect(report).toMatch(/turned into criminal cases\s+0/);
    const august = result.figures.incidence[2];
    expect(report).toMatch(
      new RegExp(
        `August\\s+${august?.disputes}\\s+${((august?.change.disputes ?? 0) * 100).toFixed(1)}%`,
      ),
    );
    expect(report).toContain('Kang, 15 Jul: id-card-application at his home');
    expect(report).toContain('✓ Shang: Return the TV');
  });

  it('saved the read models in the same file, where a fresh runner reads the same figures', async () => {
    const runner = createProjectionRunner({ ledger, readModels: db.readModels });
    const record = await runner.read(domainReadModels.resolutionRate);
    expect(record?.eventsApplied).toBeGreaterThan(0);
    const total = resolutionRate(record!.state, { from: '2026-06', to: '2026-08' }).total;
    expect(total).toEqual(result.figures.resolution.season);
  });
});

describe('figures that could have come out otherwise', () => {
  it('counts the station’s public-order cases per 1,000 households on the register', () => {
    const cases = ofType('PoliceCaseRecorded');
    const registered = ofType('HouseholdRegistered').length;
    const left = ofType('HouseholdDeregistered');
    expect(registered).toBeGreaterThan(1000);
    const rows = result.figures.publicOrder;
    expect(rows.map((r) => r.month)).toEqual([...SEASON.months]);
    for (const row of rows) {
      const inMonth = cases.filter((e) => monthOf(e) === row.month).length;
      expect(row.publicOrderCases).toBe(inMonth);
      const arrived = ofType('HouseholdRegistered').filter((e) => monthOf(e) <= row.month).length;
      const gone = left.filter((e) => monthOf(e) <= row.month).length;
      expect(row.households).toBe(arrived - gone);
      expect(row.perThousandHouseholds).toBeCloseTo((inMonth / (arrived - gone)) * 1000);
    }
    // Not patrol sightings: the two series are counted from different facts.
    expect(cases.length).not.toBe(ofType('PatrolIncidentReported').length);
  });

  it('records the channel of every follow-up: a visit or a telephone call', () => {
    const followUps = ofType('DisputeFollowUpVisitRecorded').map(
      (e) => e.data as { channel?: string; visitId?: string },
    );
    expect(followUps.every((f) => f.channel === 'in-person' || f.channel === 'telephone')).toBe(
      true,
    );
    expect(followUps.filter((f) => f.channel === 'telephone').every((f) => !f.visitId)).toBe(true);
    const { satisfaction } = result.figures;
    expect(satisfaction.channelNotRecorded).toBe(0);
    expect(satisfaction.visits + satisfaction.telephoneCalls).toBe(followUps.length);
    expect(formatReport(result)).toMatch(
      new RegExp(`${satisfaction.visits} visits, ${satisfaction.telephoneCalls} telephone calls`),
    );
  });

  it('counts the team from the events, not from the generator', () => {
    const enrolled = ofType('GridMemberEnrolled').length - ofType('GridMemberRetired').length;
    const patrol = ofType('PatrolTeamJoined').length - ofType('PatrolTeamLeft').length;
    const owners = ofType('GridMemberAssigned').filter(
      (e) => (e.data as { capacity: string }).capacity === 'owner',
    ).length;
    expect(result.team).toMatchObject({ grids: owners, members: enrolled, patrolTeam: patrol });
    expect(result.team.grids).toBe(81);
  });

  it('holds sessions through the working day, nobody in two at once', () => {
    const sessions = ofType('MediationSessionHeld');
    expect(sessions.length).toBeGreaterThan(150);
    const byMinute = new Map<number, number>();
    for (const e of sessions) {
      const minute = minuteOfDay(Date.parse(e.metadata.occurredAt));
      byMinute.set(minute, (byMinute.get(minute) ?? 0) + 1);
      expect(minute).toBeGreaterThanOrEqual(WORKDAY.start);
      expect(minute).toBeLessThan(WORKDAY.end);
    }
    // No minute of the day holds more than one session in twenty (119 of 180 were at 08:30).
    expect(Math.max(...byMinute.values())).toBeLessThanOrEqual(sessions.length / 20);
    // A session takes at least 45 minutes: nobody starts another within that time.
    const starts = new Map<string, number[]>();
    for (const e of sessions) {
      for (const m of (e.data as { mediators: string[] }).mediators) {
        const list = starts.get(m) ?? [];
        list.push(Date.parse(e.metadata.occurredAt));
        starts.set(m, list);
      }
    }
    for (const [member, list] of starts) {
      const sorted = list.sort((a, b) => a - b);
      const tooClose = sorted.filter((t, i) => i > 0 && t - (sorted[i - 1] ?? 0) < 45 * 60_000);
      expect(tooClose, member).toEqual([]);
    }
  });

  it('has micro-wishes claimed by party members (认领), each counted once', () => {
    const partyMembers = new Set(
      ofType('GridMemberEnrolled')
        .map((e) => e.data as { memberId: string; roles: string[] })
        .filter((d) => d.roles.includes('party-member'))
        .map((d) => d.memberId),
    );
    const claims = ofType('MicroWishClaimed').map((e) => e.data as { claimedBy: string });
    expect(claims.length).toBeGreaterThan(0);
    expect(claims.every((c) => partyMembers.has(c.claimedBy))).toBe(true);
    expect(result.figures.coverage.microWishesClaimed).toBe(claims.length);
    expect(claims.length).toBeLessThanOrEqual(result.figures.coverage.microWishesRecorded);
  });

  it('hands some disputes down from the station to the committee, and counts them', () => {
    const handedDown = ofType('DisputeHandedDown');
    expect(handedDown.length).toBeGreaterThan(0);
    expect(result.figures.escalations.handDowns).toBe(handedDown.length);
    expect(
      handedDown.every((e) => (e.data as { fromLevel: string }).fromLevel === 'police-station'),
    ).toBe(true);
  });
});

describe('the world it records', () => {
  it('has 81 red micro-grids, each owned by its own party member', async () => {
    const claims = ofType('GridOwnershipClaimed').map(
      (e) => e.data as { grid: string; memberId: string },
    );
    expect(new Set(claims.map((c) => c.grid)).size).toBe(81);
    expect(new Set(claims.map((c) => c.memberId)).size).toBe(81);
    const stream = ledger.readStream(`grid-member-${claims[0]!.memberId}`);
    const iterator = stream[Symbol.asyncIterator]();
    const owner = await iterator.next();
    expect((owner.value as RecordedEvent).data).toMatchObject({ roles: ['party-member'] });
  });

  it('records the positions the article names as the members’ history', () => {
    const appointed = ofType('GridMemberAppointed').map((e) => ({
      member: e.streamId,
      ...(e.data as { position: string; organisation: string }),
    }));
    expect(appointed).toContainEqual(
      expect.objectContaining({
        member: 'grid-member-m-jiang-lin',
        position: 'deputy-party-secretary',
        organisation: 'Xuzhai community party branch',
      }),
    );
    expect(appointed).toContainEqual(
      expect.objectContaining({
        member: 'grid-member-m-zhao-baoxing',
        position: 'station-director',
      }),
    );
    expect(result.team.positions).toContain(
      'Jiang Lin: deputy-party-secretary, Xuzhai community party branch',
    );
    expect(formatReport(result)).toContain('Jiang Lin: deputy-party-secretary');
  });

  it('nests each micro-grid in a grid and each grid in the police grid the station records its cases on', () => {
    const kinds = new Map(
      ofType('GridDefined').map((e) => {
        const d = e.data as { grid: string; kind: string };
        return [d.grid, d.kind];
      }),
    );
    const parent = new Map(
      ofType('GridNested').map((e) => [
        e.streamId.slice('grid-structure-'.length),
        (e.data as { parentGrid: string }).parentGrid,
      ]),
    );
    const count = (kind: string) => [...kinds.values()].filter((k) => k === kind).length;
    expect([count('micro-grid'), count('grid'), count('police-grid')]).toEqual([81, 9, 3]);
    expect(result.team.structure).toEqual({
      microGrids: 81,
      grids: 9,
      policeGrids: 3,
      microGridsInPoliceGrids: 81,
    });
    const cases = ofType('PoliceCaseRecorded').map(
      (e) => e.data as { grid: string; policeGrid: string },
    );
    expect(cases.length).toBeGreaterThan(0);
    for (const c of cases) {
      const grid = parent.get(c.grid);
      expect(kinds.get(grid ?? '')).toBe('grid');
      expect(parent.get(grid ?? ''), c.grid).toBe(c.policeGrid);
      expect(kinds.get(c.policeGrid)).toBe('police-grid');
    }
  });

  it('follows up a patrol’s hazard on later shifts of the route, until it is recorded removed or handed over on the shift that found it', () => {
    const byId = new Map(log.map((e) => [e.id, e]));
    const found = ofType('PatrolHazardFound');
    const followUps = ofType('PatrolHazardFollowedUp');
    const removed = ofType('PatrolHazardRemoved');
    const handedOver = ofType('PatrolHazardHandedOver');
    for (const events of [found, followUps, removed, handedOver])
      expect(events.length).toBeGreaterThan(0);
    const hazardOf = (e: { data: unknown }) => (e.data as { hazardId: string }).hazardId;
    const routeOf = (streamId: string) =>
      (streamOf(streamId).find((e) => e.type === 'PatrolScheduled')?.data as { route: string })
        .route;
    const shifts = ofType('PatrolStarted').map((start) => ({
      start,
      end: streamOf(start.streamId).find((e) => e.type === 'PatrolCompleted')!,
    }));
    for (const look of followUps) {
      const finding = found.find((e) => hazardOf(e) === hazardOf(look));
      expect(finding?.streamId).toBe(look.streamId);
      expect(look.metadata.occurredAt > finding!.metadata.occurredAt).toBe(true);
      // Looked at by a member out on a later shift of the same route, who is named as having looked.
      const { followedUpBy } = look.data as { followedUpBy: string[] };
      expect(followedUpBy).toEqual([look.metadata.actor.id]);
      const onShift = shifts.filter(
        ({ start, end }) =>
          start.streamId !== look.streamId &&
          routeOf(start.streamId) === routeOf(look.streamId) &&
          (start.data as { members: string[] }).members.includes(look.metadata.actor.id) &&
          start.metadata.occurredAt <= look.metadata.occurredAt &&
          look.metadata.occurredAt <= end.metadata.occurredAt,
      );
      expect(onShift.length, look.id).toBe(1);
    }
    // A removal or hand-over is caused by a look on the same stream: gone, or still there.
    for (const [dealt, stillThere] of [
      [removed, false],
      [handedOver, true],
    ] as const) {
      for (const e of dealt) {
        const look = byId.get(e.metadata.causationId ?? '');
        expect(look?.type).toBe('PatrolHazardFollowedUp');
        expect(look?.streamId).toBe(e.streamId);
        expect(hazardOf(look!)).toBe(hazardOf(e));
        expect((look!.data as { stillThere: boolean }).stillThere).toBe(stillThere);
      }
    }
    // Nothing is looked at, removed or handed over once it is handed over, or removed.
    for (const e of [...removed, ...handedOver]) {
      const later = streamOf(e.streamId).filter(
        (x) =>
          x.metadata.occurredAt > e.metadata.occurredAt &&
          x.type.startsWith('PatrolHazard') &&
          hazardOf(x) === hazardOf(e),
      );
      expect(later).toEqual([]);
    }
    const { coverage } = result.figures;
    expect(coverage.patrolHazardsFound).toBe(found.length);
    expect(coverage.patrolHazardFollowUps).toBe(followUps.length);
    expect(coverage.patrolHazardsRemoved).toBe(removed.length);
    expect(coverage.patrolHazardsHandedOver).toBe(handedOver.length);
    // The looks are no longer logged as observations.
    const observed = ofType('PatrolObservationLogged').map(
      (e) => (e.data as { note: string }).note,
    );
    expect(observed.filter((note) => /looked (at )?again/i.test(note))).toEqual([]);
  });

  it('goes back to a hazard found on a visit that was not put right, then records it removed or hands it over', () => {
    const byId = new Map(log.map((e) => [e.id, e]));
    const followUps = ofType('SafetyHazardFollowedUp');
    const handedOver = ofType('SafetyHazardHandedOver');
    expect(followUps.length).toBeGreaterThan(0);
    expect(handedOver.length).toBeGreaterThan(0);
    for (const e of handedOver) {
      const cause = byId.get(e.metadata.causationId ?? '');
      expect(cause?.type).toBe('SafetyHazardFollowedUp');
      expect((cause?.data as { hazardId: string }).hazardId).toBe(
        (e.data as { hazardId: string }).hazardId,
      );
      expect(streamOf(e.streamId).filter((x) => x.type === 'SafetyHazardRemoved')).toEqual([]);
    }
    const { coverage } = result.figures;
    expect(coverage.hazardFollowUps).toBe(followUps.length);
    expect(coverage.hazardsHandedOver).toBe(handedOver.length);
    expect(coverage.hazardsFound).toBe(
      ofType('SafetyHazardReported').length + ofType('PatrolHazardFound').length,
    );
    expect(coverage.hazardsRemoved).toBe(
      ofType('SafetyHazardRemoved').length + ofType('PatrolHazardRemoved').length,
    );
  });

  it('meets disputes and incidents on patrol only on shifts that went out, reported by members who turned out', () => {
    const started = new Map(ofType('PatrolStarted').map((e) => [e.streamId, e]));
    const completed = new Map(ofType('PatrolCompleted').map((e) => [e.streamId, e]));
    const onShift = [
      ...ofType('PatrolIncidentReported'),
      ...ofType('PatrolObservationLogged'),
      ...ofType('PatrolHazardFound'),
    ];
    expect(onShift.length).toBeGreaterThan(100);
    for (const e of onShift) {
      const start = started.get(e.streamId);
      const end = completed.get(e.streamId);
      expect(start, e.streamId).toBeDefined();
      expect((start!.data as { members: string[] }).members).toContain(e.metadata.actor.id);
      expect(e.metadata.occurredAt >= start!.metadata.occurredAt).toBe(true);
      expect(e.metadata.occurredAt <= end!.metadata.occurredAt).toBe(true);
    }
  });

  it('takes calls after the office has closed by the community officer on duty, the rest by staff', () => {
    const direct = ofType('DisputeReported').filter((e) =>
      ['walk-in', 'hotline'].includes((e.data as { source: string }).source),
    );
    const evening = direct.filter((e) => {
      const minute = minuteOfDay(Date.parse(e.metadata.occurredAt));
      return minute < WORKDAY.start || minute >= WORKDAY.end;
    });
    expect(evening.length).toBeGreaterThan(0);
    for (const e of direct) {
      const role = evening.includes(e) ? 'community-police-officer' : 'community-staff';
      expect(e.metadata.actor.role, e.streamId).toBe(role);
    }
  });

  it('sends every patrol out with at least two members, most evenings', () => {
    const started = ofType('PatrolStarted').map((e) => (e.data as { members: string[] }).members);
    expect(started.length).toBeGreaterThan(75);
    expect(started.every((members) => members.length >= 2)).toBe(true);
  });

  it('times everything in the season, and door-to-door work in office hours, Shanghai time', () => {
    const outside = log.filter((e) => {
      const at = Date.parse(e.metadata.occurredAt);
      return !(at >= SEASON.start && at < SEASON.end);
    });
    expect(outside).toEqual([]);
    const visits = ofType('VisitConducted');
    const outOfHours = visits.filter((e) => {
      const minute = minuteOfDay(Date.parse(e.metadata.occurredAt));
      return !(
        minute >= WORKDAY.start &&
        minute < WORKDAY.end &&
        e.metadata.occurredAt.endsWith('+08:00')
      );
    });
    expect(visits.length).toBeGreaterThan(900);
    expect(outOfHours).toEqual([]);
  });

  it('reports disputes spotted on visits and met on patrols through the app, by causation', () => {
    const byId = new Map(log.map((e) => [e.id, e]));
    const fromVisits = ofType('DisputeReported').filter(
      (e) => (e.data as { source: string }).source === 'visit',
    );
    const fromPatrols = ofType('DisputeReported').filter(
      (e) => (e.data as { source: string }).source === 'patrol',
    );
    expect(fromVisits.length).toBeGreaterThan(20);
    expect(fromPatrols.length).toBeGreaterThan(10);
    for (const reported of [...fromVisits, ...fromPatrols]) {
      const cause = byId.get(reported.metadata.causationId ?? '');
      expect(['DisputeSpotted', 'PatrolIncidentReported']).toContain(cause?.type);
      expect(reported.metadata.actor.role).toBe('system');
      expect(reported.metadata.correlationId).toBe(cause?.metadata.correlationId);
    }
  });

  it('schedules a follow-up visit for every resolved dispute, caused by its resolution', () => {
    const byId = new Map(log.map((e) => [e.id, e]));
    const followUps = ofType('VisitScheduled').filter(
      (e) => (e.data as { purpose: string }).purpose === 'dispute-follow-up',
    );
    // One for each resolved dispute with a party on the household register, however many.
    const reports = new Map(ofType('DisputeReported').map((e) => [e.streamId, e]));
    const visitable = ofType('DisputeResolved').filter((e) =>
      (reports.get(e.streamId)?.data as { parties: object[] }).parties.some(
        (p) => 'household' in p,
      ),
    );
    expect(followUps.length).toBe(visitable.length);
    for (const scheduled of followUps) {
      const cause = byId.get(scheduled.metadata.causationId ?? '');
      expect(cause?.type).toBe('DisputeResolved');
      expect(cause?.streamId).toBe(
        `dispute-${(scheduled.data as { disputeId: string }).disputeId}`,
      );
    }
  });

  it('follows up by telephone only when no party is on the household register', () => {
    const reports = new Map(ofType('DisputeReported').map((e) => [e.streamId, e]));
    const byPhone = ofType('DisputeFollowUpVisitRecorded').filter(
      (e) => (e.data as { visitId?: string }).visitId === undefined,
    );
    expect(byPhone.length).toBeGreaterThan(0);
    for (const followUp of byPhone) {
      const parties = (reports.get(followUp.streamId)?.data as { parties: object[] }).parties;
      expect(parties.every((p) => !('household' in p))).toBe(true);
    }
  });
});

describe('the article’s two cases', () => {
  it('records Kang’s ID-card application, made at his home in mid-July', async () => {
    const visit = streamOf(KANG_VISIT_STREAM);
    expect(visit.map((e) => e.type)).toEqual([
      'VisitScheduled',
      'VisitConducted',
      'ServiceRendered',
      'VisitClosed',
    ]);
    expect(visit[0]?.data).toMatchObject({
      purpose: 'service',
      grid: 'xuzhai-03',
      visitors: ['m-zhao-baoxing', 'm-jiang-lin', 'm-zhou-jinfeng', 'm-staff-02'],
    });
    expect(visit[2]?.data).toMatchObject({ kind: 'id-card-application' });
    expect(visit[2]?.metadata.occurredAt.startsWith('2026-07-15')).toBe(true);
    // The party member heard of it on a routine visit; the service visit answers that appeal.
    const appeal = log.find((e) => e.id === visit[0]?.metadata.causationId);
    expect(appeal?.type).toBe('MicroAppealRecorded');
    const fulfilled = streamOf(appeal!.streamId).find((e) => e.type === 'MicroAppealFulfilled');
    expect(fulfilled?.data).toMatchObject({
      appealId: (appeal!.data as { appealId: string }).appealId,
    });
    expect((await verifyStream(db.events, KANG_VISIT_STREAM)).ok).toBe(true);
  });

  it('records the Xu/Shang dispute: the TV returned, the deposit refunded (the banner came after)', async () => {
    const dispute = streamOf(XU_SHANG_STREAM);
    const data = (type: string) => dispute.find((e) => e.type === type)?.data;
    expect(data('DisputeReported')).toMatchObject({
      category: 'tenancy',
      grid: 'xuzhai-07',
      parties: [
        { partyId: 'p-xu', name: 'Xu', role: 'landlord' },
        { partyId: 'p-shang', name: 'Shang' },
      ],
    });
    expect(data('DisputeAssigned')).toEqual({
      level: 'police-station',
      mediators: ['m-zhao-baoxing', 'm-jiang-lin'],
    });
    const terms = (
      data('DisputeAgreementReached') as { terms: { obligatedPartyId: string; action: string }[] }
    ).terms;
    expect(terms.map((t) => [t.obligatedPartyId, t.action])).toEqual([
      ['p-shang', 'Return the TV'],
      ['p-xu', 'Inspect the flat and refund the full deposit'],
    ]);
    expect(dispute.filter((e) => e.type === 'AgreementTermFulfilled')).toHaveLength(2);
    expect(data('DisputeResolved')).toMatchObject({ how: 'agreement', level: 'police-station' });
    expect(data('DisputeFollowUpVisitRecorded')).toMatchObject({
      satisfied: true,
      channel: 'in-person',
      note: expect.not.stringContaining('banner'),
    });
    expect(dispute.at(-1)?.type).toBe('DisputeClosed');
    expect((await verifyStream(db.events, XU_SHANG_STREAM)).ok).toBe(true);
  });
});

describe('reproducibility and safety', () => {
  it('gives the same history, fact for fact, from the same seed', async () => {
    const again = await runDemo({ file: join(dir, 'again.db'), seed: DEFAULT_SEED });
    expect(again.figures).toEqual(result.figures);
    expect(await facts(again.file)).toEqual(await facts(result.file));
  }, 180_000);

  it('gives other figures from other seeds: the counts are drawn, not set', async () => {
    const runs = [result];
    // Seed 10 happens to have a serious quarrel turn violent after a failed session: the zero
    // criminal cases of the default seed is a result, not a rule.
    for (const seed of [7, 10]) {
      const other = await runDemo({ file: join(dir, `seed-${seed}.db`), seed });
      const store = openSqlite(other.file, { readonly: true });
      const events: RecordedEvent[] = [];
      for await (const e of sealingLedger(store).readAll()) events.push(e);
      await store.close();
      // Each seed's printed figures are its own events' figures, wherever they fell.
      expect(other.figures.resolution.season).toMatchObject(recount(events).season);
      const criminal = events.filter(
        (e) => e.type === 'DisputeReferredOut' && (e.data as { to: string }).to === 'criminal-case',
      );
      expect(other.figures.escalations.criminalCases, `seed ${seed}`).toBe(criminal.length);
      for (const referral of criminal) {
        const caseOf = events.find(
          (e) =>
            e.type === 'PoliceCaseRecorded' &&
            (e.data as { disputeId?: string }).disputeId ===
              referral.streamId.slice('dispute-'.length),
        );
        expect(caseOf?.data).toMatchObject({ kind: 'criminal' });
        expect(referral.metadata.causationId).toBe(caseOf?.id);
      }
      runs.push(other);
    }
    expect(runs.map((r) => r.figures.escalations.criminalCases)).not.toEqual([0, 0, 0]);
    const counts = runs.map((r) => {
      const { reported, resolved, inProgress } = r.figures.resolution.season;
      return [reported, resolved, inProgress, ...r.figures.incidence.map((m) => m.disputes)];
    });
    expect(new Set(counts.map((c) => c.join(' '))).size).toBe(runs.length);
    expect(new Set(counts.map((c) => c[0])).size).toBeGreaterThan(1);
    const [ours, theirs] = [await facts(result.file), await facts(join(dir, 'seed-7.db'))];
    const shared = new Set(ours);
    expect(theirs.filter((h) => shared.has(h))).toEqual([]);
  }, 180_000);

  it('changes nothing when the reactions are replayed from the start', async () => {
    const before = await db.events.countEvents!();
    await db.readModels.delete(REACTIONS_CHECKPOINT);
    const replay = createReactionWorker({
      ledger,
      checkpoints: db.readModels,
      actor: { id: 'xuzhai-office-app', role: 'system' },
      now: () => '2026-09-01T09:00:00.000+08:00',
      reactions: officeReactions({ findHousehold: () => undefined, bookFollowUp: (at) => at }),
    });
    const outcomes = await replay.drain();
    const reportedByTheApp = ofType('DisputeReported').filter(
      (e) => e.metadata.actor.role === 'system',
    );
    const followUpVisits = ofType('VisitScheduled').filter(
      (e) => (e.data as { purpose: string }).purpose === 'dispute-follow-up',
    );
    const kinds = outcomes.map((o) => o.kind);
    expect(kinds.filter((k) => k === 'issued' || k === 'refused')).toEqual([]);
    expect(kinds.filter((k) => k === 'already-done')).toHaveLength(
      reportedByTheApp.length + followUpVisits.length,
    );
    expect(await db.events.countEvents!()).toBe(before);
  });

  it('refuses to overwrite a file that is not a Gridledger database', async () => {
    const precious = join(dir, 'thesis.db');
    writeFileSync(precious, 'my thesis, not a database');
    const err: string[] = [];
    const code = await main(['--db', precious], {
      cwd: dir,
      out: () => {},
      err: (t) => err.push(t),
    });
    expect(code).toBe(2);
    expect(err.join('')).toMatch(/not a Gridledger database/);
    expect(readFileSync(precious, 'utf8')).toBe('my thesis, not a database');
  });

  it('explains itself with --help', async () => {
    const out: string[] = [];
    const code = await main(['--help'], { cwd: dir, out: (t) => out.push(t), err: () => {} });
    expect(code).toBe(0);
    expect(out.join('')).toBe(USAGE);
  });

  it('names the option that is wrong', () => {
    const failure = (argv: string[]) => {
      try {
        parseDemoArgs(argv, dir);
      } catch (error) {
        return error;
      }
      return undefined;
    };
    const badSeed = failure(['--seed', 'abc']);
    expect(isValidationError(badSeed) && badSeed.issues[0]?.path).toBe('seed');
    expect(isValidationError(failure(['--colour']))).toBe(true);
    expect(parseDemoArgs(['--db', 'x.db', '--seed', '12'], dir)).toEqual({
      file: join(dir, 'x.db'),
      seed: 12,
      scenario: 'season',
      help: false,
    });
  });
});
