// Layered, classified, precise mediation (分层分类精准调解) of one planned dispute, once the
// office has it on record: classified and graded, assigned to the lowest level its grade allows,
// stepped into at once (第一时间介入), handed down to the committee when the police station took
// it but the committee can settle it. Then it is played out, not decided: each session ends in
// agreement with odds by level and grade, or not, or is adjourned; a level that cannot settle it
// in its sessions moves it up; a matter that needs a ruling is referred out; rarely a quarrel
// left unsettled turns violent and the station records a criminal case (民转刑). An agreement is
// carried out and the dispute resolved — or it is still being mediated in September.
import {
  Dispute,
  LOWEST_LEVEL_FOR,
  MEDIATION_LEVELS,
  levelRank,
  streamIdOf,
  type DisputeCommand,
  type EscalationRisk,
  type MediationLevel,
  type ReferralTarget,
  type Severity,
} from '@gridledger/core';
import type { Member } from './cast.js';
import type { PlannedDispute } from './disputePlan.js';
import { REFERRALS } from './scripts.js';
import { policeGridOf } from './station.js';
import { MINUTE, dayOf, nextWorkingMoment, shanghai } from './time.js';
import { firstEventId, recordedOf, type World } from './world.js';

const GRADES: Readonly<
  Record<MediationLevel, { severity: Severity; escalationRisk: EscalationRisk }>
> = {
  grid: { severity: 'minor', escalationRisk: 'low' },
  community: { severity: 'moderate', escalationRisk: 'medium' },
  'police-room': { severity: 'serious', escalationRisk: 'high' },
  'police-station': { severity: 'serious', escalationRisk: 'high' },
  'outside-body': { severity: 'major', escalationRisk: 'high' },
};

const ESCALATION_REASONS: Readonly<Record<MediationLevel, string>> = {
  grid: 'Handled in the grid first',
  community: 'The parties would not settle in the grid; the mediation committee takes it over',
  'police-room': 'Tempers are rising; the police room steps in to keep it from escalating',
  'police-station': 'Beyond what the police room can settle; the station takes it over',
  'outside-body': 'Beyond what the community and the police room can settle',
};

/** Sessions a level holds before it gives the dispute up to the level above. */
const SESSIONS_PER_LEVEL: Readonly<Record<MediationLevel, number>> = {
  grid: 2,
  community: 3,
  'police-room': 3,
  'police-station': 2,
  'outside-body': 2,
};

/**
 * The chance one session ends in agreement, by the level holding it and how serious the dispute
 * was graded at first: a grid owner settles small matters, the committee and the police room
 * the bigger ones, and a serious quarrel is hard for anyone.
 */
const AGREEMENT_ODDS: Readonly<Record<MediationLevel, Readonly<Record<Severity, number>>>> = {
  grid: { minor: 0.72, moderate: 0.4, serious: 0.2, major: 0.1 },
  community: { minor: 0.88, moderate: 0.7, serious: 0.45, major: 0.3 },
  'police-room': { minor: 0.9, moderate: 0.8, serious: 0.68, major: 0.5 },
  'police-station': { minor: 0.9, moderate: 0.85, serious: 0.72, major: 0.6 },
  'outside-body': { minor: 0.9, moderate: 0.85, serious: 0.75, major: 0.65 },
};

/** A slow dispute (a boundary wall) settles in fewer sessions, each often put off for papers. */
const SLOW_ODDS = 0.3;

/** Minutes from the last step to the next session, by level (in working hours). */
const SESSION_WAIT: Readonly<Record<MediationLevel, readonly [number, number]>> = {
  grid: [30, 480],
  community: [120, 1440],
  'police-room': [60, 720],
  'police-station': [120, 1440],
  'outside-body': [1440, 2880],
};

/**
 * The chance that a session that ends without agreement is followed, that night, by violence the
 * station records as a criminal case (民转刑): what the co-governance is meant to prevent, rare
 * but possible for a dispute graded moderate or serious, never for a minor one.
 */
const TURNS_VIOLENT: Readonly<Record<Severity, number>> = {
  minor: 0,
  moderate: 0.003,
  serious: 0.015,
  major: 0.03,
};

/** When mediation at every level fails: the parties are told to take it to court. */
const LAST_RESORT = {
  to: 'court',
  body: 'Huaiyang District People’s Court',
  reason: 'No settlement at any level of mediation; the parties are advised to sue',
} as const;

export function mediate(world: World, plan: PlannedDispute, disputeId: string): void {
  const { cast } = world;
  const random = world.randomFor('mediation');
  const mediatorsAt = (level: MediationLevel): Member[] => {
    switch (level) {
      case 'grid': {
        const owner = cast.ownerOf(plan.grid);
        const helpers = [...cast.volunteers, ...cast.veterans];
        return random.chance(0.5) ? [owner, random.pick(helpers)] : [owner];
      }
      case 'community':
        return [cast.staff[0], random.pick(cast.veterans)];
      case 'police-room':
        return [cast.jiang, cast.staff[0]];
      case 'police-station':
      case 'outside-body':
        return [cast.zhao, cast.jiang];
    }
  };

  world.process(world.clock.now(), async (until) => {
    const { correlationId, id: reportedId } = await world.caseOf(streamIdOf(Dispute, disputeId));
    const parties = (await world.ledger.load(Dispute, disputeId)).state.parties.map(
      (p) => p.partyId,
    );
    let cause = reportedId;
    const record = async (command: DisputeCommand, by: Member) => {
      const handled = await world.dispute(disputeId, command, by, {
        correlationId,
        causationId: cause,
      });
      cause = firstEventId(handled);
      return handled;
    };
    const draw = (min: number, max: number) => random.int(min, max);
    const wait = (min: number, max: number) =>
      until(nextWorkingMoment(world.clock.now() + random.int(min, max) * MINUTE, draw));
    // A session takes 45 minutes to two hours, when every mediator is free.
    const session = async (outcome: 'agreed' | 'not-agreed' | 'adjourned', summary: string) => {
      const people = mediators.map((m) => m.id);
      await until(world.reserve(people, world.clock.now(), random.int(45, 120)));
      return record(
        {
          type: 'holdMediationSession',
          data: { mediators: mediators.map((m) => m.id), parties, outcome, summary },
        },
        lead(),
      );
    };

    const { script, grade } = plan;
    const referral = Object.values(REFERRALS).find((r) => r.script === script);
    const slow = script.adjourned !== undefined;
    /** Where the grade says it belongs (分级): the lowest level that may mediate it. */
    const home = LOWEST_LEVEL_FOR[grade];
    let level: MediationLevel = plan.viaStation ? 'police-station' : home;
    let mediators = mediatorsAt(level);
    const lead = () => mediators[0] as Member;
    const intake = levelRank(level) >= levelRank('police-room') ? cast.jiang : cast.staff[0];
    if ((plan.source === 'patrol' || plan.source === 'visit') && random.chance(0.6)) {
      // Met on the spot: the grid's party member steps in before the office classifies it.
      const owner = cast.ownerOf(plan.grid);
      await record(
        {
          type: 'handleOnTheSpot',
          data: {
            handledBy: [owner.id],
            note: 'Calmed both sides on the spot and told the office',
          },
        },
        owner,
      );
    }
    await wait(10, 40);
    // Graded as its level's matters are (taken to the station, it is first graded as the
    // station's); the station grades it again below when it hands it down.
    await record(
      { type: 'classifyDispute', data: { category: script.category, ...GRADES[level] } },
      intake,
    );
    await wait(5, 15);
    const ids = () => mediators.map((m) => m.id);
    await record({ type: 'assignDispute', data: { level, mediators: ids() } }, intake);
    await wait(15, 120);
    await record({ type: 'startIntervention', data: {} }, lead());

    if (level !== home) {
      // Brought to the station, but a matter the level its grade names can settle: the station
      // grades it again (分级分类) and hands it down.
      await wait(60, 480);
      await record(
        { type: 'classifyDispute', data: { category: script.category, ...GRADES[home] } },
        cast.jiang,
      );
      mediators = mediatorsAt(home);
      const reason =
        home === 'community'
          ? 'A neighbourhood matter: the station hands it to the mediation committee'
          : 'The police room inside the community can settle it: the station hands it down';
      await record(
        { type: 'handDownDispute', data: { toLevel: home, reason, mediators: ids() } },
        cast.jiang,
      );
      level = home;
    }

    // Session after session until the parties agree; a level that cannot settle it in its
    // sessions moves it up; whatever is still going on at midnight on 31 August stays open.
    let failed = 0;
    let adjourned = false;
    for (;;) {
      // An adjourned session meets again after a day or more (a slow one after a week or so).
      const [min, max] = SESSION_WAIT[level];
      if (!adjourned) await wait(min, max);
      else if (slow) await wait(5 * 1440, 10 * 1440);
      else await wait(Math.max(min, 1440), Math.max(max, 2880));
      const odds = referral !== undefined ? 0 : slow ? SLOW_ODDS : AGREEMENT_ODDS[level][grade];
      if (random.chance(odds)) {
        await session('agreed', script.settlement);
        break;
      }
      failed++;
      adjourned = random.chance(slow ? 0.7 : 0.35);
      const summary = adjourned
        ? (script.adjourned ?? 'Adjourned: both sides will think it over and come back')
        : (referral?.script.settlement ??
          `No settlement at ${level} level: ${script.description.toLowerCase()}`);
      await session(adjourned ? 'adjourned' : 'not-agreed', summary);
      if (!adjourned && grade !== 'minor' && random.chance(TURNS_VIOLENT[grade])) {
        await turnsViolent();
        return;
      }
      if (referral !== undefined && failed >= 2) {
        await referOut(referral);
        return;
      }
      if (failed < SESSIONS_PER_LEVEL[level]) continue;
      if (level === 'police-station') {
        await referOut(LAST_RESORT);
        return;
      }
      await wait(60, 180);
      const toLevel = nextLevel(level);
      mediators = mediatorsAt(toLevel);
      const reason = ESCALATION_REASONS[toLevel];
      await record(
        { type: 'escalateDispute', data: { toLevel, reason, mediators: ids() } },
        lead(),
      );
      await record(
        { type: 'classifyDispute', data: { category: script.category, ...GRADES[toLevel] } },
        lead(),
      );
      level = toLevel;
      failed = 0;
      adjourned = false;
    }

    if (script.terms.length === 0) {
      const reason = script.noAgreementReason ?? script.settlement;
      await record(
        { type: 'resolveDispute', data: { how: 'no-agreement-needed', reason } },
        lead(),
      );
      return;
    }
    const terms = script.terms.map((t) => ({
      obligatedPartyId: parties[t.party] ?? `p-${t.party + 1}`,
      action: t.action,
    }));
    const agreed = await record({ type: 'reachAgreement', data: { terms } }, lead());
    for (const term of recordedOf(agreed, 'DisputeAgreementReached').data.terms) {
      await wait(60, 1200);
      await record({ type: 'recordTermFulfilled', data: { termId: term.termId } }, lead());
    }
    await wait(5, 15);
    await record({ type: 'resolveDispute', data: { how: 'agreement' } }, lead());

    /** That night one side attacks the other: the station records a criminal case (民转刑). */
    async function turnsViolent() {
      const evening = shanghai(dayOf(world.clock.now()), '19:00') + random.int(0, 240) * MINUTE;
      await until(evening);
      const caseId = `pc-${dayOf(evening).replaceAll('-', '')}-dispute-${plan.n}`;
      const recorded = await world.policeCase(
        caseId,
        {
          type: 'recordPoliceCase',
          data: {
            caseId,
            kind: 'criminal',
            community: cast.community,
            grid: plan.grid,
            policeGrid: policeGridOf(cast, plan.grid),
            category: 'intentional-injury',
            summary: `The quarrel the ${level} level could not settle came to blows; one side was hurt`,
            disputeId,
          },
        },
        cast.jiang,
      );
      cause = firstEventId(recorded);
      await referOut({
        to: 'criminal-case',
        body: 'Taihao Road police station',
        reason: `Turned into criminal case ${caseId}`,
      });
    }

    async function referOut(to: {
      readonly to: ReferralTarget;
      readonly body: string;
      readonly reason: string;
    }) {
      await wait(120, 360);
      await record(
        { type: 'referDisputeOut', data: { to: to.to, body: to.body, reason: to.reason } },
        lead(),
      );
      await wait(30, 90);
      await record({ type: 'closeDispute', data: { note: `Handed over to ${to.body}` } }, lead());
    }
  });
}

const nextLevel = (level: MediationLevel): MediationLevel =>
  MEDIATION_LEVELS[Math.min(levelRank(level) + 1, MEDIATION_LEVELS.length - 1)] as MediationLevel;
