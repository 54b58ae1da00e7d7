import { describe, it } from 'vitest';
import { Visit } from '@gridledger/core';
import { given } from '@gridledger/core/testing';
import { cancelled, conducted, scheduled, upTo, visitors } from './__fixtures__/kang.js';

describe('scheduleVisit', () => {
  it('schedules a visit to a household with its visitors and time', () => {
    given(Visit)
      .when({ type: 'scheduleVisit', data: scheduled.data })
      .then([scheduled])
      .thenState({
        ...Visit.initialState(),
        status: 'scheduled',
        visitId: 'v-kang',
        community: 'xuzhai',
        grid: 'xuzhai-03',
        householdId: 'h-kang',
        purpose: 'service',
        scheduledFor: '2026-07-15T09:30:00+08:00',
        visitors,
      });
  });

  it('ties a dispute follow-up visit to its dispute, and only that kind', () => {
    const followUp = { ...scheduled.data, purpose: 'dispute-follow-up' };
    given(Visit)
      .when({ type: 'scheduleVisit', data: followUp })
      .thenThrows({ code: 'VALIDATION_FAILED', path: 'data.disputeId', message: /required/ });
    given(Visit)
      .when({ type: 'scheduleVisit', data: { ...scheduled.data, disputeId: 'd-1' } })
      .thenThrows({ path: 'data.disputeId', message: /only to a dispute follow-up/ });
    given(Visit)
      .when({ type: 'scheduleVisit', data: { ...followUp, disputeId: 'd-1' } })
      .then([
        {
          type: 'VisitScheduled',
          data: { ...followUp, purpose: 'dispute-follow-up', disputeId: 'd-1' },
        },
      ]);
  });

  it('needs a visitor, a time with a zone, and distinct visitors', () => {
    given(Visit)
      .when({ type: 'scheduleVisit', data: { ...scheduled.data, visitors: [] } })
      .thenThrows({ path: 'data.visitors' });
    given(Visit)
      .when({ type: 'scheduleVisit', data: { ...scheduled.data, scheduledFor: 'next Tuesday' } })
      .thenThrows({ path: 'data.scheduledFor' });
    given(Visit)
      .when({ type: 'scheduleVisit', data: { ...scheduled.data, visitors: ['m-1', 'm-1'] } })
      .thenThrows({ path: 'data.visitors', message: /must not repeat/ });
  });

  it('is scheduled once', () => {
    given(Visit, upTo.scheduled)
      .when({ type: 'scheduleVisit', data: scheduled.data })
      .thenThrows({ rule: 'visit.already-scheduled' });
  });

  it('refuses anything else before it is scheduled', () => {
    given(Visit)
      .when({ type: 'conductVisit', data: {} })
      .thenThrows({ rule: 'visit.not-scheduled' });
  });
});

describe('rescheduleVisit', () => {
  const later = { scheduledFor: '2026-07-16T09:30:00+08:00', reason: 'Rain' };

  it('moves a visit that has not happened yet', () => {
    given(Visit, upTo.scheduled)
      .when({ type: 'rescheduleVisit', data: later })
      .then([{ type: 'VisitRescheduled', data: later }]);
  });

  it('cannot move a visit that took place or was cancelled', () => {
    given(Visit, upTo.conducted)
      .when({ type: 'rescheduleVisit', data: later })
      .thenThrows({ rule: 'visit.already-conducted' });
    given(Visit, upTo.cancelled)
      .when({ type: 'rescheduleVisit', data: later })
      .thenThrows({ rule: 'visit.cancelled' });
  });
});

describe('conductVisit', () => {
  it('records the visit taking place, by the scheduled visitors unless told otherwise', () => {
    given(Visit, upTo.scheduled).when({ type: 'conductVisit', data: {} }).then([conducted]);
    given(Visit, upTo.scheduled)
      .when({ type: 'conductVisit', data: { visitors: ['m-jiang'], summary: 'Only Jiang went' } })
      .then([
        { type: 'VisitConducted', data: { visitors: ['m-jiang'], summary: 'Only Jiang went' } },
      ]);
  });

  it('cannot conduct a cancelled visit', () => {
    given(Visit, upTo.cancelled)
      .when({ type: 'conductVisit', data: {} })
      .thenThrows({ rule: 'visit.cancelled', message: 'A cancelled visit cannot be conducted' });
  });

  it('is conducted once', () => {
    given(Visit, upTo.conducted)
      .when({ type: 'conductVisit', data: {} })
      .thenThrows({ rule: 'visit.already-conducted' });
  });
});

describe('cancelVisit', () => {
  it('cancels a visit that has not happened', () => {
    given(Visit, upTo.scheduled)
      .when({ type: 'cancelVisit', data: { reason: 'Kang in hospital' } })
      .then([cancelled]);
  });

  it('cannot cancel a visit that took place, or cancel twice', () => {
    given(Visit, upTo.conducted)
      .when({ type: 'cancelVisit', data: { reason: 'x' } })
      .thenThrows({ rule: 'visit.already-conducted', message: /already taken place/ });
    given(Visit, upTo.cancelled)
      .when({ type: 'cancelVisit', data: { reason: 'x' } })
      .thenThrows({ rule: 'visit.cancelled' });
  });
});

describe('closeVisit', () => {
  it('closes a visit that took place', () => {
    given(Visit, upTo.conducted)
      .when({ type: 'closeVisit', data: {} })
      .then([{ type: 'VisitClosed', data: {} }]);
  });

  it('cannot close a visit that has not happened (cancel it instead), or close twice', () => {
    given(Visit, upTo.scheduled)
      .when({ type: 'closeVisit', data: {} })
      .thenThrows({ rule: 'visit.not-conducted' });
    given(Visit, upTo.closed)
      .when({ type: 'closeVisit', data: {} })
      .thenThrows({ rule: 'visit.closed' });
  });
});
