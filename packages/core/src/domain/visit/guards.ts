// Rule checks shared by Visit commands; rule ids are `visit.<rule>`.
import { RuleViolationError } from '../../eventsourcing/errors.js';
import type { FollowUpItem, VisitState } from './state.js';

export const violation = (
  rule: string,
  message: string,
  details: Record<string, unknown> = {},
): RuleViolationError => new RuleViolationError(`visit.${rule}`, message, details);

export const visitName = (state: VisitState): string => `Visit '${state.visitId ?? '?'}'`;

/**
 * The visit's stage allows the command. `toDo` finishes "A cancelled visit cannot …" (`be conducted`).
 */
export function requireStage(
  state: VisitState,
  allowed: readonly VisitState['status'][],
  toDo: string,
): void {
  if (allowed.includes(state.status)) return;
  const details = { visitId: state.visitId, status: state.status };
  switch (state.status) {
    case 'unscheduled':
      throw violation('not-scheduled', 'No visit has been scheduled under this id yet', details);
    case 'cancelled':
      throw violation('cancelled', `A cancelled visit cannot ${toDo}`, details);
    case 'closed':
      throw violation('closed', `${visitName(state)} is closed; it can no longer ${toDo}`, details);
    case 'scheduled':
      throw violation(
        'not-conducted',
        `${visitName(state)} has not taken place yet; a visit can only ${toDo} once it has been conducted`,
        details,
      );
    case 'conducted':
      throw violation(
        'already-conducted',
        `${visitName(state)} has already taken place; it can no longer ${toDo}`,
        details,
      );
  }
}

/** A hazard found on this visit, neither removed nor handed over to another body. */
export function requireOpenHazard(state: VisitState, hazardId: string): void {
  const to = Object.hasOwn(state.hazardsHandedOver, hazardId)
    ? state.hazardsHandedOver[hazardId]
    : undefined;
  if (to !== undefined) {
    const hazard = state.hazards.find((h) => h.id === hazardId);
    throw violation(
      'hazard-handed-over',
      `The safety hazard '${hazardId}' (${hazard?.description ?? '?'}) was handed over to ${to}; it is theirs to remove`,
      { visitId: state.visitId, hazardId, to },
    );
  }
  requireOpenItem(state, state.hazards, hazardId, 'hazard');
}

/** The item raised on this visit, not yet dealt with. */
export function requireOpenItem(
  state: VisitState,
  items: readonly FollowUpItem[],
  id: string,
  kind: 'wish' | 'appeal' | 'hazard',
): void {
  const what = { wish: 'micro-wish', appeal: 'micro-appeal', hazard: 'safety hazard' }[kind];
  const item = items.find((i) => i.id === id);
  if (item === undefined) {
    throw violation(`unknown-${kind}`, `${visitName(state)} recorded no ${what} '${id}'`, {
      visitId: state.visitId,
      [`${kind}Id`]: id,
    });
  }
  if (item.done) {
    const done = kind === 'hazard' ? 'removed' : 'fulfilled';
    throw violation(
      `${kind}-already-${done}`,
      `The ${what} '${id}' (${item.description}) is already ${done}`,
      { visitId: state.visitId, [`${kind}Id`]: id },
    );
  }
}
