import { describe, expectTypeOf, it } from 'vitest';
import type {
  CommandOf,
  DisputeEvent,
  EventOf,
  EventsOfDefinitions,
  GridMember,
  GridMemberEvent,
  Patrol,
  PatrolEvent,
  Visit,
  VisitCommand,
  VisitEvent,
  gridledgerEvents,
} from '@gridledger/core';

describe('each aggregate decides its own events only', () => {
  it('types Visit, GridMember and Patrol by their own unions', () => {
    expectTypeOf<EventOf<typeof Visit>>().toEqualTypeOf<VisitEvent>();
    expectTypeOf<EventOf<typeof GridMember>>().toEqualTypeOf<GridMemberEvent>();
    expectTypeOf<EventOf<typeof Patrol>>().toEqualTypeOf<PatrolEvent>();
    expectTypeOf<CommandOf<typeof Visit>>().toEqualTypeOf<VisitCommand>();
    expectTypeOf<Extract<PatrolEvent, DisputeEvent | VisitEvent>>().toBeNever();
    const reported = { type: 'DisputeReported', data: {} } as unknown as DisputeEvent;
    // @ts-expect-error A Patrol decider cannot emit a Dispute event.
    const leaky: typeof Patrol.decide = () => [reported];
    expectTypeOf(leaky).toBeFunction();
  });

  it('lists every event type in gridledgerEvents', () => {
    type All = EventsOfDefinitions<typeof gridledgerEvents>['type'];
    expectTypeOf<DisputeEvent['type'] | VisitEvent['type'] | PatrolEvent['type']>().toExtend<All>();
    expectTypeOf<GridMemberEvent['type'] | 'GridOwnershipClaimed'>().toExtend<All>();
  });
});
