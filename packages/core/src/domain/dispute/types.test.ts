import { describe, expectTypeOf, it } from 'vitest';
import {
  Dispute,
  type DisputeCommand,
  type DisputeEvent,
  type DisputeState,
  type EventOf,
  type VisitEvent,
} from '@gridledger/core';

describe('Dispute types', () => {
  it('decides Dispute events only: a Visit event is not one', () => {
    expectTypeOf(Dispute.decide).returns.toEqualTypeOf<readonly DisputeEvent[]>();
    expectTypeOf<EventOf<typeof Dispute>>().toEqualTypeOf<DisputeEvent>();
    expectTypeOf<Extract<DisputeEvent, VisitEvent>>().toBeNever();
    expectTypeOf<VisitEvent>().not.toExtend<DisputeEvent>();
    const conducted = { type: 'VisitConducted', data: { visitors: ['m-1'] } } as const;
    // @ts-expect-error A Dispute decider cannot emit a Visit event.
    const leaky: typeof Dispute.decide = () => [conducted];
    expectTypeOf(leaky).toBeFunction();
  });

  it('types each event’s data from its schema', () => {
    type Resolved = Extract<DisputeEvent, { type: 'DisputeResolved' }>;
    expectTypeOf<Resolved['data']['how']>().toEqualTypeOf<'agreement' | 'no-agreement-needed'>();
    type Referred = Extract<DisputeEvent, { type: 'DisputeReferredOut' }>['data'];
    expectTypeOf<
      Extract<Referred, { to: 'criminal-case' }>['becameHomicide']
    >().toEqualTypeOf<boolean>();
  });

  it('takes commands as { type, data } and folds to DisputeState', () => {
    expectTypeOf<DisputeCommand['type']>().toExtend<string>();
    expectTypeOf<Extract<DisputeCommand, { type: 'escalateDispute' }>['data']>().toHaveProperty(
      'toLevel',
    );
    expectTypeOf(Dispute.evolve).returns.toEqualTypeOf<DisputeState>();
  });
});
