// Folds one Visit event into the state. Pure; immer keeps the nested updates readable.
import { produce, type Draft } from 'immer';
import type { VisitEvent } from './events.js';
import type { FollowUpItem, VisitState } from './state.js';

export const evolveVisit = (state: VisitState, event: VisitEvent): VisitState =>
  produce(state, (draft) => apply(draft, event));

function apply(draft: Draft<VisitState>, event: VisitEvent): void {
  switch (event.type) {
    case 'VisitScheduled': {
      const d = event.data;
      Object.assign(draft, {
        status: 'scheduled',
        visitId: d.visitId,
        community: d.community,
        grid: d.grid,
        householdId: d.household.householdId,
        purpose: d.purpose,
        disputeId: d.disputeId ?? null,
        scheduledFor: d.scheduledFor,
        visitors: d.visitors,
      });
      return;
    }
    case 'VisitRescheduled':
      draft.scheduledFor = event.data.scheduledFor;
      return;
    case 'VisitConducted':
      draft.status = 'conducted';
      draft.visitors = [...event.data.visitors];
      return;
    case 'MicroWishRecorded':
      draft.wishes.push(item(event.data.wishId, event.data.description));
      return;
    case 'MicroWishClaimed':
      draft.claims[event.data.wishId] = event.data.claimedBy;
      return;
    case 'MicroWishFulfilled':
      markDone(draft.wishes, event.data.wishId);
      return;
    case 'MicroAppealRecorded':
      draft.appeals.push(item(event.data.appealId, event.data.description));
      return;
    case 'MicroAppealFulfilled':
      markDone(draft.appeals, event.data.appealId);
      return;
    case 'ServiceRendered':
      draft.servicesRendered += 1;
      return;
    case 'SafetyHazardReported':
      draft.hazards.push(item(event.data.hazardId, event.data.description));
      return;
    case 'SafetyHazardRemoved':
      markDone(draft.hazards, event.data.hazardId);
      return;
    case 'SafetyHazardFollowedUp':
      return;
    case 'SafetyHazardHandedOver':
      markDone(draft.hazards, event.data.hazardId);
      draft.hazardsHandedOver[event.data.hazardId] = event.data.to;
      return;
    case 'DisputeSpotted':
      draft.disputesSpotted += 1;
      return;
    case 'VisitCancelled':
      draft.status = 'cancelled';
      return;
    case 'VisitClosed':
      draft.status = 'closed';
      return;
  }
}

const item = (id: string, description: string) => ({ id, description, done: false });

function markDone(items: Draft<FollowUpItem>[], id: string): void {
  const found = items.find((i) => i.id === id);
  if (found) found.done = true;
}
