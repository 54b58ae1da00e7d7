// The figures that used to be unable to come out wrong, each worked out by hand: a criminal case
// that grows out of a settled dispute weeks later, a resolution after the as-of date, a referral
// out of the community, a reopened dispute, and a late entry (as known then vs as known now).
import { describe, expect, it } from 'vitest';
import { isValidationError } from '@gridledger/core';
import {
  criminalCases,
  domainReadModels as models,
  escalations,
  resolutionRate,
  satisfaction,
  whereSettled,
  type AnyProjection,
} from '@gridledger/projections';
import { domainSetup } from '../__fixtures__/domain.js';

/** 24:00 on 31 August in Xuzhai: the last instant of August. */
const END_OF_AUGUST = '2026-08-31T23:59:59.999+08:00';

async function built<S>(setup: ReturnType<typeof domainSetup>, projection: AnyProjection<S>) {
  await setup.runner.catchUp(projection);
  return (await setup.runner.read(projection))!.state;
}

describe('as-of figures', () => {
  it('"98% as of 31 August" stays 98% when a resolution dated 3 September arrives', async () => {
    const setup = domainSetup();
    const { dispute } = setup;
    for (let i = 1; i <= 50; i++) {
      const day = String(1 + (i % 28)).padStart(2, '0');
      await dispute.report(`d${i}`, `2026-08-${day}T09:00:00+08:00`);
      if (i !== 50) await dispute.resolve(`d${i}`, `2026-08-${day}T18:00:00+08:00`);
    }
    const before = resolutionRate(await built(setup, models.resolutionRate), {
      asOf: END_OF_AUGUST,
    }).total;
    expect([before.accepted, before.resolved, before.rate]).toEqual([50, 49, 0.98]);

    await dispute.resolve('d50', '2026-09-03T10:00:00+08:00');
    const state = await built(setup, models.resolutionRate);
    expect(resolutionRate(state, { asOf: END_OF_AUGUST }).total).toEqual(before);
    // As of now, August's cohort is complete.
    expect(resolutionRate(state).total.rate).toBe(1);
    // One millisecond into September is not yet 10:00 on the 3rd.
    expect(resolutionRate(state, { asOf: '2026-09-01T00:00:00+08:00' }).total.rate).toBe(0.98);
  });

  it('catches a settled dispute that became a criminal case weeks later (民转刑)', async () => {
    const setup = domainSetup();
    const { dispute } = setup;
    await dispute.report('tv', '2026-08-03T09:00:00+08:00', { grid: 'xuzhai-07' });
    await dispute.resolve('tv', '2026-08-05T16:00:00+08:00', 'community');
    await dispute.followUp('tv', '2026-08-08T10:00:00+08:00', true);
    await dispute.close('tv', '2026-08-08T11:00:00+08:00');
    await dispute.report('calm', '2026-08-10T09:00:00+08:00');
    await dispute.resolve('calm', '2026-08-10T12:00:00+08:00');
    // 20 September: Shang assaults Xu over the same TV; the station links the case.
    await dispute.laterCase('tv', '2026-09-20T21:40:00+08:00', 'pc-0920');
    const state = await built(setup, models.escalations);

    // What the article could say on 5 September: zero.
    const then = escalations(state, { asOf: '2026-09-05T00:00:00+08:00' }).total;
    expect([then.criminalCases, then.onTarget]).toEqual([0, true]);
    // Now: August, where the dispute was settled, has one criminal case, after settlement.
    const august = escalations(state, { from: '2026-08', to: '2026-08' }).total;
    expect(august).toMatchObject({
      criminalCases: 1,
      referredAsCriminal: 0,
      laterCriminalCases: 1,
      homicides: 0,
      onTarget: false,
    });
    expect(escalations(state, { from: '2026-09' }).total.criminalCases).toBe(0);
    expect(criminalCases(state)).toEqual([
      {
        disputeId: 'tv',
        month: '2026-08',
        community: 'xuzhai',
        grid: 'xuzhai-07',
        how: 'later-case',
        caseId: 'pc-0920',
        fromLevel: 'community',
        becameHomicide: false,
        occurredAt: '2026-09-20T13:40:00.000Z',
      },
    ]);
    expect(criminalCases(state, { asOf: '2026-09-20T21:39:59+08:00' })).toEqual([]);
  });

  it('counts a referral as accepted and not settled in the community, from the day it left', async () => {
    const setup = domainSetup();
    const { dispute } = setup;
    await dispute.report('wages', '2026-08-04T09:00:00+08:00');
    await dispute.referOut('wages', '2026-08-20T09:00:00+08:00', 'labour-arbitration');
    await dispute.report('fence', '2026-08-06T09:00:00+08:00');
    await dispute.resolve('fence', '2026-08-07T09:00:00+08:00', 'grid');
    const settled = await built(setup, models.whereSettled);

    expect(whereSettled(settled).total).toMatchObject({
      accepted: 2,
      inGrid: 1,
      referredOut: 1,
      inProgress: 0,
      stayedInCommunity: 0.5,
    });
    // On 10 August the wage dispute was still in the community's hands.
    expect(whereSettled(settled, { asOf: '2026-08-10T00:00:00+08:00' }).total).toMatchObject({
      accepted: 2,
      inGrid: 1,
      referredOut: 0,
      inProgress: 1,
    });
    const rate = resolutionRate(await built(setup, models.resolutionRate)).total;
    expect([rate.accepted, rate.resolved, rate.referredOut, rate.rate]).toEqual([2, 1, 1, 0.5]);
  });

  it('takes a reopened dispute out of the resolved until it is settled again', async () => {
    const setup = domainSetup();
    const { dispute } = setup;
    await dispute.report('noise', '2026-08-02T09:00:00+08:00');
    await dispute.resolve('noise', '2026-08-03T09:00:00+08:00');
    await dispute.followUp('noise', '2026-08-28T10:00:00+08:00', false);
    await dispute.reopen('noise', '2026-09-02T09:00:00+08:00');
    const rates = await built(setup, models.resolutionRate);
    expect(resolutionRate(rates, { asOf: END_OF_AUGUST }).total).toMatchObject({
      resolved: 1,
      inProgress: 0,
      reopened: 0,
      rate: 1,
    });
    expect(resolutionRate(rates).total).toMatchObject({
      resolved: 0,
      inProgress: 1,
      reopened: 1,
      rate: 0,
    });

    await dispute.resolve('noise', '2026-09-09T09:00:00+08:00');
    const again = resolutionRate(await built(setup, models.resolutionRate)).total;
    expect(again).toMatchObject({ resolved: 1, inProgress: 0, reopened: 1, rate: 1 });
    const escalated = escalations(await built(setup, models.escalations), { from: '2026-09' });
    expect(escalated.total.reopened).toBe(1);
    const happy = satisfaction(await built(setup, models.satisfaction)).total;
    expect(happy).toMatchObject({ followUps: 1, satisfied: 0, reopenedAfter: 1 });
  });

  it('shows a late entry as known now, and the figure as it was known then', async () => {
    const setup = domainSetup();
    const { dispute } = setup;
    await dispute.report('late', '2026-08-25T09:00:00+08:00');
    // Settled on 30 August, but the mediator entered it only on 4 September.
    await dispute.resolve('late', '2026-08-30T15:00:00+08:00', 'grid', '2026-09-04T09:00:00+08:00');
    const state = await built(setup, models.resolutionRate);

    const knownNow = resolutionRate(state, { asOf: END_OF_AUGUST }).total;
    const knownThen = resolutionRate(state, { asOf: END_OF_AUGUST, knownAt: END_OF_AUGUST }).total;
    expect([knownNow.resolved, knownNow.rate]).toEqual([1, 1]);
    expect([knownThen.resolved, knownThen.inProgress, knownThen.rate]).toEqual([0, 1, 0]);
    // Known on 5 September (the day of the article), the late entry is in.
    const onPublication = { asOf: END_OF_AUGUST, knownAt: '2026-09-05T00:00:00+08:00' };
    expect(resolutionRate(state, onPublication).total.rate).toBe(1);
  });

  it('refuses an as-of instant without a zone, naming the option', async () => {
    const state = await built(domainSetup(), models.resolutionRate);
    for (const [option, value] of [
      ['asOf', '2026-08-31'],
      ['asOf', '2026-08-31T24:00:00'],
      ['knownAt', 'yesterday'],
    ] as const) {
      let thrown: unknown;
      try {
        resolutionRate(state, { [option]: value });
      } catch (error) {
        thrown = error;
      }
      expect(isValidationError(thrown)).toBe(true);
      expect((thrown as { issues: { path: string }[] }).issues[0]?.path).toBe(option);
    }
  });
});
