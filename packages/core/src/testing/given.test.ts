import { AssertionError } from 'node:assert/strict';
import { describe, expect, it } from 'vitest';
import type { AggregateType } from '@gridledger/core';
import { given, testContext } from '@gridledger/core/testing';
import {
  Case,
  type CaseCommand,
  type CaseEvent,
  type CaseState,
} from '../eventsourcing/__fixtures__/caseAggregate.js';

const opened: CaseEvent = { type: 'CaseOpened', data: { title: 'TV vs deposit', grid: 'g-07' } };
const graded: CaseEvent = { type: 'CaseGraded', data: { grade: 2 } };

describe('given/when/then', () => {
  it('passes when decide produces exactly the expected events, and the state follows', () => {
    given(Case, [opened, graded])
      .when({ type: 'HoldSession', data: { note: 'both parties met' } }, { newId: () => 's-1' })
      .then([{ type: 'SessionHeld', data: { sessionId: 's-1', note: 'both parties met' } }])
      .thenState({ status: 'graded', grade: 2, sessions: 1 });
  });

  it('fails with an AssertionError when the events differ', () => {
    const outcome = given(Case, [opened]).when({ type: 'GradeCase', data: { grade: 2 } });
    expect(() => outcome.then([{ type: 'CaseGraded', data: { grade: 3 } }])).toThrowError(
      AssertionError,
    );
    expect(() => outcome.then([])).toThrowError(/did not produce the expected events/);
    expect(() => outcome.thenState({ status: 'open', sessions: 0 })).toThrowError(AssertionError);
  });

  it('matches a rule violation by code, rule and details', () => {
    const outcome = given(Case, [opened]).when({ type: 'HoldSession', data: { note: 'x' } });
    outcome.thenThrows({ code: 'RULE_VIOLATION', rule: 'case.not-graded' });
    outcome.thenThrows({ details: { status: 'open' }, message: /graded before/ });
    outcome.thenThrows((error) => (error as { rule?: string }).rule === 'case.not-graded');
  });

  it('fails when the error is a different one, or when nothing was thrown', () => {
    const refused = given(Case, [opened]).when({ type: 'HoldSession', data: { note: 'x' } });
    expect(() => refused.thenThrows({ rule: 'case.closed' })).toThrowError(
      /threw RuleViolationError \(RULE_VIOLATION case.not-graded\).*but rule is case.not-graded, expected case.closed/,
    );
    expect(() => refused.thenThrows({ code: 'VALIDATION_FAILED' })).toThrowError(AssertionError);
    expect(() => refused.thenThrows({ details: { status: 'graded' } })).toThrowError(
      /details.status is "open", expected "graded"/,
    );
    expect(() => refused.thenThrows(() => false)).toThrowError(/predicate returned false/);
    expect(() => refused.then([])).toThrowError(/but the command threw RuleViolationError/);

    const accepted = given(Case, [opened]).when({ type: 'GradeCase', data: { grade: 1 } });
    expect(() => accepted.thenThrows({ code: 'RULE_VIOLATION' })).toThrowError(
      /Expected the command to throw, but it produced 1 event\(s\): CaseGraded/,
    );
  });

  it('validates the command at the boundary, naming the field', () => {
    given(Case, [opened])
      .when({ type: 'GradeCase', data: { grade: 'high' } })
      .thenThrows({ code: 'VALIDATION_FAILED', subject: 'command GradeCase', path: 'data.grade' });
    given(Case).when({ type: 'Shout', data: {} }).thenThrows({ path: 'type' });
    expect(() =>
      given(Case, [opened])
        .when({ type: 'GradeCase', data: { grade: 1.5 } })
        .thenThrows({ path: 'data.title' }),
    ).toThrowError(/no issue at path 'data.title'/);
  });

  it('checks decided events against their schemas, as the ledger would before append', () => {
    given(Case, [opened])
      .when({ type: 'GradeCase', data: { grade: 9 } })
      .thenThrows({ code: 'VALIDATION_FAILED', subject: 'event CaseGraded', path: 'grade' });
  });

  it('refuses given events that do not match their schemas', () => {
    const bad = { type: 'CaseGraded', data: { grade: 0 } } as CaseEvent;
    expect(() => given(Case, [opened, bad])).toThrowError(/Invalid event CaseGraded: grade/);
  });

  it('refuses events a decider returns that belong to another aggregate', () => {
    const leaky: AggregateType<CaseCommand, CaseEvent, CaseState> = {
      ...Case,
      decide: () => [{ type: 'VisitScheduled', data: {} } as unknown as CaseEvent],
    };
    given(leaky)
      .when({ type: 'CloseCase', data: {} })
      .thenThrows({ code: 'VALIDATION_FAILED', path: '[0].type', message: /not an event of Case/ });
  });

  it('says so when the outcome is awaited instead of asserted', async () => {
    const outcome = given(Case).when({ type: 'CloseCase', data: {} });
    const awaited: unknown = outcome;
    await expect((async () => await awaited)()).rejects.toThrowError(/is not a promise/);
  });

  it('exposes the folded state of the given events', () => {
    expect(given(Case, [opened, graded]).state).toEqual({
      status: 'graded',
      grade: 2,
      sessions: 0,
    });
  });
});

describe('testContext', () => {
  it('hands out counter-based ids from a prefix, or the listed ids in order', () => {
    const byPrefix = testContext({ ids: 'session' });
    expect([byPrefix.newId(), byPrefix.newId()]).toEqual(['session-1', 'session-2']);
    const listed = testContext({ ids: ['a', 'b'] });
    expect([listed.newId(), listed.newId()]).toEqual(['a', 'b']);
    expect(() => listed.newId()).toThrowError(/asked for id #3, only 2 given/);
  });

  it('has a fixed time and a known actor by default, each overridable', () => {
    const context = testContext({ now: '2026-08-31T18:00:00.000Z' });
    expect(context.now).toBe('2026-08-31T18:00:00.000Z');
    expect(context.actor.role).toBe('community-police-officer');
  });
});
