// Layered, classified, precise mediation (分层分类精准调解) of one planned dispute, once the
// office has it on record: classified and graded, assigned to the lowest level that can settle
// it, stepped into at once (第一时间介入), moved up a level only when it will not settle, handed
// down to the committee when the police station took it but the community can settle it, and
// resolved by an agreement carried out — or referred out, or still being mediated in September.
import {
  Dispute,
  MEDIATION_LEVELS,
  levelRank,
  streamIdOf,
  type DisputeCommand,
  type EscalationRisk,
  type MediationLevel,
  type Severity,
} from '@gridledger/core';
import type { Member } from './cast.js';
import type { Ending, PlannedDispute } from './disputePlan.js';
import { REFERRALS } from './scripts.js';
import { MINUTE, nextWorkingMoment } from './time.js';
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

/** The level the dispute is finally mediated at. */
const finalLevel = (ending: Ending): MediationLevel =>
  ending === 'grid' ||
  ending === 'community' ||
  ending === 'police-room' ||
  ending === 'police-station' ||
  ending === 'outside-body'
    ? ending
    : 'community';

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

    const { script, ending } = plan;
    let level = plan.startLevel;
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
    await record(
      { type: 'classifyDispute', data: { category: script.category, ...GRADES[level] } },
      intake,
    );
    await wait(5, 15);
    const ids = () => mediators.map((m) => m.id);
    await record({ type: 'assignDispute', data: { level, mediators: ids() } }, intake);
    await wait(15, 120);
    await record({ type: 'startIntervention', data: {} }, lead());

    const target = finalLevel(ending);
    if (levelRank(level) > levelRank(target)) {
      // Brought to the station, but a matter the committee can settle: the station grades it
      // again (分级分类) and hands it down.
      await wait(60, 480);
      await record(
        { type: 'classifyDispute', data: { category: script.category, ...GRADES[target] } },
        cast.jiang,
      );
      mediators = mediatorsAt(target);
      const reason = 'A neighbourhood matter: the station hands it to the mediation committee';
      await record(
        { type: 'handDownDispute', data: { toLevel: target, reason, mediators: ids() } },
        cast.jiang,
      );
      level = target;
    }
    while (level !== target) {
      await wait(120, 1200);
      await session(
        'not-agreed',
        `No settlement at ${level} level: ${script.description.toLowerCase()}`,
      );
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
    }

    switch (ending) {
      case 'still-open':
        await wait(240, 1440);
        await session('adjourned', script.settlement);
        return;
      case 'court':
      case 'labour-arbitration': {
        const { to, body, reason } = REFERRALS[ending];
        await wait(240, 1440);
        await session('not-agreed', script.settlement);
        await wait(1440, 2880);
        await session('not-agreed', script.settlement);
        await wait(120, 360);
        await record({ type: 'referDisputeOut', data: { to, body, reason } }, lead());
        await wait(30, 90);
        await record({ type: 'closeDispute', data: { note: `Handed over to ${body}` } }, lead());
        return;
      }
      case 'grid':
      case 'community':
      case 'police-room':
      case 'police-station':
      case 'outside-body':
        break;
    }

    await wait(120, 1440);
    await session('agreed', script.settlement);
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
  });
}

const nextLevel = (level: MediationLevel): MediationLevel =>
  MEDIATION_LEVELS[Math.min(levelRank(level) + 1, MEDIATION_LEVELS.length - 1)] as MediationLevel;
