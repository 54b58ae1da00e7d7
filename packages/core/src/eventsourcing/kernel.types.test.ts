// Type tests: what the kernel's types promise, checked by the compiler (and run as a test).
import { describe, expectTypeOf, it } from 'vitest';
import { createMemoryEventStore } from './__fixtures__/memoryStore.js';
import {
  createCommandHandler,
  createLedger,
  type HandledCommand,
  type LoadedAggregate,
  type Position,
  type RecordedEvent,
} from '@gridledger/core';
import { given } from '@gridledger/core/testing';
import {
  Case,
  caseRegistry,
  type CaseEvent,
  type CaseState,
} from './__fixtures__/caseAggregate.js';

describe('kernel types', () => {
  const ledger = createLedger({ store: createMemoryEventStore(), registry: caseRegistry });

  it('types a command handler by its aggregate', () => {
    const handle = createCommandHandler(ledger, Case);
    expectTypeOf(handle).returns.resolves.toEqualTypeOf<HandledCommand<CaseEvent, CaseState>>();
    expectTypeOf(handle.handle).toEqualTypeOf(handle.handle);
    expectTypeOf<HandledCommand<CaseEvent, CaseState>['position']>().toEqualTypeOf<
      Position | undefined
    >();
  });

  it('narrows recorded events by type', () => {
    expectTypeOf(ledger.load(Case, '1')).resolves.toEqualTypeOf<LoadedAggregate<CaseState>>();
    expectTypeOf<
      Extract<RecordedEvent<CaseEvent>, { type: 'CaseGraded' }>['data']
    >().toEqualTypeOf<{
      grade: number;
    }>();
  });

  it('refuses, at compile time, events of another aggregate in given/then', () => {
    const typeOnly = (check: () => unknown) => expectTypeOf(check).toBeFunction();
    typeOnly(() =>
      // @ts-expect-error: VisitScheduled is not a Case event
      given(Case, [{ type: 'VisitScheduled', data: {} }]),
    );
    typeOnly(() =>
      // @ts-expect-error: CaseGraded's grade is a number
      given(Case, [{ type: 'CaseGraded', data: { grade: 'high' } }]),
    );
    typeOnly(() =>
      given(Case, [])
        .when({ type: 'CloseCase', data: {} })
        // @ts-expect-error: then takes Case events only
        .then([{ type: 'VisitScheduled', data: {} }]),
    );
    typeOnly(() => given(Case, [{ type: 'CaseGraded', data: { grade: 2 } }]));
  });
});
