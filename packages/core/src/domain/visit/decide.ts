// The Visit decider: a visit is scheduled, conducted (or cancelled) and closed; what the
// visitors record needs the visit to have taken place.
import type { DecideContext } from '../../eventsourcing/decider.js';
import type { VisitCommand } from './commands.js';
import type { VisitEvent } from './events.js';
import {
  requireOpenHazard,
  requireOpenItem,
  requireStage,
  violation,
  visitName,
} from './guards.js';
import type { VisitState } from './state.js';

const onVisit = ['conducted'] as const;
const afterVisit = ['conducted', 'closed'] as const;

export function decideVisit(
  command: VisitCommand,
  state: VisitState,
  context: DecideContext,
): VisitEvent[] {
  switch (command.type) {
    case 'scheduleVisit':
      if (state.status !== 'unscheduled') {
        throw violation('already-scheduled', `${visitName(state)} is already scheduled`, {
          visitId: state.visitId,
        });
      }
      return [{ type: 'VisitScheduled', data: command.data }];
    case 'rescheduleVisit':
      requireStage(state, ['scheduled'], 'be rescheduled');
      return [{ type: 'VisitRescheduled', data: command.data }];
    case 'conductVisit': {
      requireStage(state, ['scheduled'], 'be conducted');
      const { visitors = state.visitors, ...rest } = command.data;
      return [{ type: 'VisitConducted', data: { visitors: [...visitors], ...rest } }];
    }
    case 'recordMicroWish':
      requireStage(state, onVisit, 'have micro-wishes recorded');
      return [{ type: 'MicroWishRecorded', data: { wishId: context.newId(), ...command.data } }];
    case 'claimMicroWish': {
      requireStage(state, afterVisit, 'have micro-wishes claimed');
      requireOpenItem(state, state.wishes, command.data.wishId, 'wish');
      const claimedBy = Object.hasOwn(state.claims, command.data.wishId)
        ? state.claims[command.data.wishId]
        : undefined;
      if (claimedBy !== undefined) {
        throw violation(
          'wish-already-claimed',
          `The micro-wish '${command.data.wishId}' is already claimed by '${claimedBy}'`,
          { visitId: state.visitId, wishId: command.data.wishId, claimedBy },
        );
      }
      return [{ type: 'MicroWishClaimed', data: command.data }];
    }
    case 'fulfilMicroWish':
      requireStage(state, afterVisit, 'have micro-wishes fulfilled');
      requireOpenItem(state, state.wishes, command.data.wishId, 'wish');
      return [{ type: 'MicroWishFulfilled', data: command.data }];
    case 'recordMicroAppeal':
      requireStage(state, onVisit, 'have micro-appeals recorded');
      return [
        { type: 'MicroAppealRecorded', data: { appealId: context.newId(), ...command.data } },
      ];
    case 'fulfilMicroAppeal':
      requireStage(state, afterVisit, 'have micro-appeals fulfilled');
      requireOpenItem(state, state.appeals, command.data.appealId, 'appeal');
      return [{ type: 'MicroAppealFulfilled', data: command.data }];
    case 'renderService': {
      requireStage(state, onVisit, 'record a service rendered');
      const { renderedBy = state.visitors, ...rest } = command.data;
      const data = { serviceId: context.newId(), ...rest, renderedBy: [...renderedBy] };
      return [{ type: 'ServiceRendered', data }];
    }
    case 'reportSafetyHazard':
      requireStage(state, onVisit, 'report a safety hazard');
      return [
        { type: 'SafetyHazardReported', data: { hazardId: context.newId(), ...command.data } },
      ];
    case 'recordHazardRemoved':
      requireStage(state, afterVisit, 'record a hazard removed');
      requireOpenHazard(state, command.data.hazardId);
      return [{ type: 'SafetyHazardRemoved', data: command.data }];
    case 'followUpHazard':
      requireStage(state, afterVisit, 'follow up a hazard');
      requireOpenHazard(state, command.data.hazardId);
      return [
        {
          type: 'SafetyHazardFollowedUp',
          data: { ...command.data, followedUpBy: [...command.data.followedUpBy] },
        },
      ];
    case 'handOverHazard':
      requireStage(state, afterVisit, 'hand over a hazard');
      requireOpenHazard(state, command.data.hazardId);
      return [{ type: 'SafetyHazardHandedOver', data: command.data }];
    case 'noteDisputeSpotted': {
      requireStage(state, onVisit, 'note a dispute spotted');
      const { parties = [], ...rest } = command.data;
      return [{ type: 'DisputeSpotted', data: { ...rest, parties } }];
    }
    case 'cancelVisit':
      requireStage(state, ['scheduled'], 'be cancelled');
      return [{ type: 'VisitCancelled', data: command.data }];
    case 'closeVisit':
      requireStage(state, onVisit, 'be closed');
      return [{ type: 'VisitClosed', data: command.data }];
  }
}
