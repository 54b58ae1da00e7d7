// The PoliceCase decider: only the police station records a case; it is recorded once and
// closed once.
import type { DecideContext } from '../../eventsourcing/decider.js';
import { RuleViolationError } from '../../eventsourcing/errors.js';
import { POLICE_ROLES } from '../dispute/vocabulary.js';
import type { PoliceCaseCommand } from './commands.js';
import type { PoliceCaseEvent } from './events.js';

export interface PoliceCaseState {
  readonly status: 'unrecorded' | 'open' | 'closed';
  readonly caseId: string | null;
  readonly kind: 'public-order' | 'criminal' | null;
  /** The community grid it happened in. */
  readonly grid: string | null;
}

export const initialPoliceCaseState = (): PoliceCaseState => ({
  status: 'unrecorded',
  caseId: null,
  kind: null,
  grid: null,
});

const violation = (rule: string, message: string, details: Record<string, unknown> = {}) =>
  new RuleViolationError(`police-case.${rule}`, message, details);

export function decidePoliceCase(
  command: PoliceCaseCommand,
  state: PoliceCaseState,
  context: DecideContext,
): PoliceCaseEvent[] {
  switch (command.type) {
    case 'recordPoliceCase': {
      if (!POLICE_ROLES.includes(context.actor.role)) {
        throw violation(
          'not-police',
          `A police case is recorded by the police station (${POLICE_ROLES.join(', ')}); '${context.actor.id}' acts as ${context.actor.role}`,
          { role: context.actor.role },
        );
      }
      if (state.status !== 'unrecorded') {
        throw violation('already-recorded', `Case '${state.caseId}' is already recorded`, {
          caseId: state.caseId,
        });
      }
      return [{ type: 'PoliceCaseRecorded', data: command.data }];
    }
    case 'closePoliceCase':
      if (state.status === 'unrecorded') {
        throw violation('not-recorded', 'No police case has been recorded under this id yet');
      }
      if (state.status === 'closed') {
        throw violation('closed', `Case '${state.caseId}' is already closed`, {
          caseId: state.caseId,
        });
      }
      return [{ type: 'PoliceCaseClosed', data: command.data }];
  }
}

export function evolvePoliceCase(state: PoliceCaseState, event: PoliceCaseEvent): PoliceCaseState {
  switch (event.type) {
    case 'PoliceCaseRecorded':
      return {
        status: 'open',
        caseId: event.data.caseId,
        kind: event.data.kind,
        grid: event.data.grid,
      };
    case 'PoliceCaseClosed':
      return { ...state, status: 'closed' };
  }
}
