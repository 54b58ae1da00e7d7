// A tiny aggregate for the kernel's own tests: a mediation case that is opened, graded, mediated
// in sessions and closed. The real aggregates live in src/domain.
import { z } from 'zod';
import {
  createEventRegistry,
  defineEvent,
  RuleViolationError,
  type AggregateType,
  type EventsOfDefinitions,
} from '@gridledger/core';

export const CaseOpened = defineEvent({
  type: 'CaseOpened',
  schemaVersion: 2,
  schema: z.object({ title: z.string().min(1), grid: z.string().min(1) }),
  // v1 called the grid `gridId`.
  upcasters: {
    1: (data) => {
      const { gridId, ...rest } = data as { gridId: string; title: string };
      return { ...rest, grid: gridId };
    },
  },
});
export const CaseGraded = defineEvent({
  type: 'CaseGraded',
  schema: z.object({ grade: z.number().int().min(1).max(3) }),
});
export const SessionHeld = defineEvent({
  type: 'SessionHeld',
  schema: z.object({ sessionId: z.string(), note: z.string() }),
});
export const CaseClosed = defineEvent({ type: 'CaseClosed', schema: z.object({}) });

const definitions = [CaseOpened, CaseGraded, SessionHeld, CaseClosed] as const;
export type CaseEvent = EventsOfDefinitions<typeof definitions>;

const commandSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('OpenCase'),
    data: z.object({ title: z.string().min(1), grid: z.string().min(1) }),
  }),
  z.object({ type: z.literal('GradeCase'), data: z.object({ grade: z.number().int() }) }),
  z.object({ type: z.literal('HoldSession'), data: z.object({ note: z.string() }) }),
  z.object({ type: z.literal('CloseCase'), data: z.object({}) }),
  // Produces nothing when the note is already known: lets tests see an empty decision.
  z.object({ type: z.literal('Remark'), data: z.object({}) }),
]);
export type CaseCommand = z.infer<typeof commandSchema>;

export interface CaseState {
  readonly status: 'none' | 'open' | 'graded' | 'closed';
  readonly grade?: number;
  readonly sessions: number;
}

export const Case: AggregateType<CaseCommand, CaseEvent, CaseState> = {
  name: 'Case',
  streamPrefix: 'case-',
  commandSchema,
  events: definitions,
  initialState: () => ({ status: 'none', sessions: 0 }),
  decide(command, state, context) {
    if (state.status === 'closed') {
      throw new RuleViolationError('case.closed', 'Nothing happens to a closed case');
    }
    switch (command.type) {
      case 'OpenCase':
        if (state.status !== 'none') {
          throw new RuleViolationError('case.already-open', 'The case is already open');
        }
        return [{ type: 'CaseOpened', data: command.data }];
      case 'GradeCase':
        return [{ type: 'CaseGraded', data: { grade: command.data.grade } }];
      case 'HoldSession':
        if (state.status !== 'graded') {
          throw new RuleViolationError(
            'case.not-graded',
            'A case is graded before it is mediated',
            {
              status: state.status,
            },
          );
        }
        return [
          { type: 'SessionHeld', data: { sessionId: context.newId(), note: command.data.note } },
        ];
      case 'CloseCase':
        return [{ type: 'CaseClosed', data: {} }];
      case 'Remark':
        return [];
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'CaseOpened':
        return { ...state, status: 'open' };
      case 'CaseGraded':
        return { ...state, status: 'graded', grade: event.data.grade };
      case 'SessionHeld':
        return { ...state, sessions: state.sessions + 1 };
      case 'CaseClosed':
        return { ...state, status: 'closed' };
    }
  },
};

export const caseRegistry = createEventRegistry(definitions);
