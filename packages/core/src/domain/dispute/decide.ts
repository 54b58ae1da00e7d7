// The Dispute decider's entry point: routes each command to the rule checks of its stage.
import type { DecideContext } from '../../eventsourcing/decider.js';
import type { DisputeCommand } from './commands.js';
import { recordLaterCase, reopen } from './aftermath.js';
import {
  assign,
  classify,
  decline,
  handleOnTheSpot,
  identifyParty,
  report,
  withdraw,
} from './intake.js';
import {
  escalate,
  fulfilTerm,
  handDown,
  holdSession,
  reachAgreement,
  startIntervention,
} from './mediation.js';
import { close, recordFollowUp, referOut, resolve } from './settlement.js';
import type { DisputeEvent } from './events.js';
import type { DisputeState } from './state.js';

export function decideDispute(
  command: DisputeCommand,
  state: DisputeState,
  context: DecideContext,
): DisputeEvent[] {
  switch (command.type) {
    case 'reportDispute':
      return report(command, state);
    case 'identifyParty':
      return identifyParty(command, state);
    case 'declineDispute':
      return decline(command, state);
    case 'withdrawDispute':
      return withdraw(command, state);
    case 'classifyDispute':
      return classify(command, state);
    case 'assignDispute':
      return assign(command, state);
    case 'handleOnTheSpot':
      return handleOnTheSpot(command, state);
    case 'startIntervention':
      return startIntervention(command, state);
    case 'holdMediationSession':
      return holdSession(command, state, context);
    case 'reachAgreement':
      return reachAgreement(command, state, context);
    case 'recordTermFulfilled':
      return fulfilTerm(command, state);
    case 'resolveDispute':
      return resolve(command, state);
    case 'escalateDispute':
      return escalate(command, state);
    case 'handDownDispute':
      return handDown(command, state);
    case 'referDisputeOut':
      return referOut(command, state);
    case 'recordFollowUpVisit':
      return recordFollowUp(command, state);
    case 'closeDispute':
      return close(command, state);
    case 'reopenDispute':
      return reopen(command, state);
    case 'recordLaterCase':
      return recordLaterCase(command, state, context);
  }
}
