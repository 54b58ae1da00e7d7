// The first-moment follow-up visit (第一时间回访) after a dispute is resolved: the visitors the
// office app scheduled go to the household, record how the residents feel about the settlement,
// and close the dispute and the visit.
import { Dispute, Visit, streamIdOf } from '@gridledger/core';
import { HOUR, inWorkingHours } from './time.js';
import { firstEventId, type FollowUpScript, type World } from './world.js';

/** The follow-up visit as the office app scheduled it. */
interface Scheduled {
  readonly disputeId: string;
  readonly visitId: string;
  readonly visitors: readonly string[];
  readonly scheduledFor: string;
}

const SATISFIED = 'The agreement is holding; both sides are content';
const UNSATISFIED = 'Still unhappy with the settlement; the grid owner will keep an eye on it';

function scriptFor(world: World, disputeId: string): FollowUpScript {
  const scripted = world.followUpScripts.get(disputeId);
  if (scripted !== undefined) return scripted;
  const satisfied = world.randomFor('follow-ups').chance(0.95);
  return { satisfied, note: satisfied ? SATISFIED : UNSATISFIED };
}

/** The visit the app scheduled: conducted at its time, then the dispute and visit are closed. */
export function conductFollowUp(world: World, scheduled: Scheduled): void {
  const { disputeId, visitId } = scheduled;
  world.process(Date.parse(scheduled.scheduledFor), async () => {
    const visitors = scheduled.visitors.map((id) => world.cast.memberById(id));
    const lead = visitors[0];
    if (lead === undefined) throw new Error(`follow-up visit ${visitId} has no visitors`);
    const { correlationId, id: scheduledId } = await world.caseOf(streamIdOf(Visit, visitId));
    const conducted = await world.visit(visitId, { type: 'conductVisit', data: {} }, lead, {
      correlationId,
      causationId: scheduledId,
    });
    const visitedId = firstEventId(conducted);
    const { satisfied, note } = scriptFor(world, disputeId);
    const recorded = await world.dispute(
      disputeId,
      {
        type: 'recordFollowUpVisit',
        data: {
          satisfied,
          visitedBy: [...scheduled.visitors],
          visitId,
          channel: 'in-person',
          note,
        },
      },
      lead,
      { correlationId, causationId: visitedId },
    );
    // An unhappy follow-up does not close the dispute: the office takes another look.
    if (satisfied) {
      await world.dispute(disputeId, { type: 'closeDispute', data: {} }, lead, {
        correlationId,
        causationId: firstEventId(recorded),
      });
    }
    await world.visit(visitId, { type: 'closeVisit', data: {} }, lead, {
      correlationId,
      causationId: visitedId,
    });
  });
}

/** No party is on the household register: the lead mediator follows up by telephone. */
export function followUpByTelephone(world: World, disputeId: string): void {
  const at = inWorkingHours(world.clock.now() + 24 * HOUR);
  world.process(at, async () => {
    const dispute = (await world.ledger.load(Dispute, disputeId)).state;
    if (dispute.parties.some((p) => p.household !== undefined))
      throw new Error(`dispute ${disputeId} has a household to visit, not telephone`);
    const leadId = dispute.mediators[0];
    if (leadId === undefined) throw new Error(`dispute ${disputeId} has no mediators`);
    const lead = world.cast.memberById(leadId);
    const { correlationId } = await world.caseOf(streamIdOf(Dispute, disputeId));
    const { satisfied } = scriptFor(world, disputeId);
    const note = 'Followed up by telephone: the parties are not on the household register';
    const recorded = await world.dispute(
      disputeId,
      {
        type: 'recordFollowUpVisit',
        data: { satisfied, visitedBy: [leadId], channel: 'telephone', note },
      },
      lead,
      { correlationId },
    );
    if (satisfied) {
      await world.dispute(disputeId, { type: 'closeDispute', data: {} }, lead, {
        correlationId,
        causationId: firstEventId(recorded),
      });
    }
  });
}
