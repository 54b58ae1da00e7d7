import { describe, expect, it } from 'vitest';
import {
  criminalCases,
  domainReadModels,
  escalations,
  satisfaction,
  timeliness,
  whereSettled,
} from '@gridledger/projections';
import { domainSetup } from '../__fixtures__/domain.js';

const { whereSettled: settledModel, timeliness: timeModel } = domainReadModels;
const { escalations: escalationModel, satisfaction: satisfactionModel } = domainReadModels;

describe('where settled', () => {
  it('divides by every accepted dispute: those that left the community or are still open count', async () => {
    const { runner, dispute } = domainSetup();
    const levels = [
      'grid',
      'grid',
      'grid',
      'grid',
      'grid',
      'grid',
      'community',
      'police-room',
      'police-station',
      'outside-body',
    ];
    for (const [i, level] of levels.entries()) {
      await dispute.report(`d${i}`, '2026-08-01T09:00:00+08:00');
      // Counted in the month it was reported: the last one is resolved in September.
      await dispute.resolve(
        `d${i}`,
        i === 9 ? '2026-09-02T09:00:00+08:00' : '2026-08-20T09:00:00+08:00',
        level,
      );
    }
    await dispute.report('court', '2026-08-03T09:00:00+08:00');
    await dispute.referOut('court', '2026-08-10T09:00:00+08:00', 'court');
    await dispute.report('labour', '2026-08-04T09:00:00+08:00');
    await dispute.referOut('labour', '2026-08-11T09:00:00+08:00', 'labour-arbitration');
    await dispute.report('open', '2026-08-05T09:00:00+08:00');
    await dispute.report('declined', '2026-08-06T09:00:00+08:00');
    await dispute.decline('declined', '2026-08-06T10:00:00+08:00');
    await runner.catchUp(settledModel);
    const state = (await runner.read(settledModel))!.state;

    // 13 accepted: 6 in the grid, 1 by the committee, 1 in the police room (inside the
    // community: 警调对接), 2 beyond, 2 referred out, 1 open.
    const all = whereSettled(state).total;
    expect(all).toMatchObject({
      accepted: 13,
      resolved: 10,
      inGrid: 6,
      inCommunity: 1,
      inPoliceRoom: 1,
      beyondCommunity: 2,
      referredOut: 2,
      withdrawn: 0,
      inProgress: 1,
    });
    expect(all.shares).toEqual({
      grid: 6 / 13,
      community: 1 / 13,
      policeRoom: 1 / 13,
      beyond: 2 / 13,
      referredOut: 2 / 13,
      withdrawn: 0,
      inProgress: 1 / 13,
    });
    // "Big matters stay in the community": 8 of 13, not 8 of the 10 resolved.
    expect(all.stayedInCommunity).toBe(8 / 13);
    // As of the end of August the September resolution had not happened: 2 still open.
    const endOfAugust = whereSettled(state, { asOf: '2026-08-31T23:59:59.999+08:00' }).total;
    expect(endOfAugust).toMatchObject({ resolved: 9, beyondCommunity: 1, inProgress: 2 });
    expect(endOfAugust.byLevel).toEqual({
      grid: 6,
      community: 1,
      'police-room': 1,
      'police-station': 1,
      'outside-body': 0,
    });
    expect(whereSettled(state, { by: 'month' }).rows.map((r) => [r.month, r.accepted])).toEqual([
      ['2026-08', 13],
    ]);
    expect(whereSettled(state, { from: '2026-10' }).total.shares.grid).toBeNull();
  });
});

describe('layered mediation', () => {
  it('crosses the grade a dispute had with the level that settled it, and counts on-the-spot handling', async () => {
    const { runner, dispute } = domainSetup();
    const day = (d: number, h = 9) =>
      `2026-07-${String(d).padStart(2, '0')}T${String(h).padStart(2, '0')}:00:00+08:00`;
    // a: minor, settled in the grid, stepped into on the spot 1 h after the report.
    await dispute.report('a', day(1));
    await dispute.onTheSpot('a', day(1, 10));
    await dispute.classify('a', day(1, 11), 'minor');
    await dispute.assign('a', day(1, 11), 'grid');
    await dispute.intervene('a', day(1, 15));
    await dispute.resolve('a', day(2), 'grid');
    // b: serious at the station, graded moderate and handed down, settled by the committee.
    await dispute.report('b', day(3));
    await dispute.classify('b', day(3, 10), 'serious');
    await dispute.assign('b', day(3, 10), 'police-station');
    await dispute.classify('b', day(4), 'moderate');
    await dispute.handDown('b', day(4, 10), 'police-station', 'community');
    await dispute.resolve('b', day(5), 'community');
    // c: serious, settled in the police room; an on-the-spot entry after assignment is passed over.
    await dispute.report('c', day(6));
    await dispute.classify('c', day(6, 10), 'serious');
    await dispute.assign('c', day(6, 10), 'police-room');
    await dispute.onTheSpot('c', day(6, 11));
    await dispute.resolve('c', day(7), 'police-room');
    // d: never graded, still open.
    await dispute.report('d', day(8));
    await runner.catchUp(settledModel);
    await runner.catchUp(timeModel);
    const settled = whereSettled((await runner.read(settledModel))!.state).total;
    expect(settled.handledOnTheSpot).toBe(1);
    expect(settled.byGrade.minor).toMatchObject({ grid: 1, community: 0 });
    expect(settled.byGrade.moderate).toMatchObject({ community: 1, 'police-station': 0 });
    expect(settled.byGrade.serious).toMatchObject({ 'police-room': 1 });
    expect(Object.values(settled.byGrade.ungraded).every((n) => n === 0)).toBe(true);
    expect(Object.values(settled.byGrade.major).every((n) => n === 0)).toBe(true);
    // First intervention: a after 1 h (on the spot), b none, c none (only the late entry).
    const times = timeliness((await runner.read(timeModel))!.state).total;
    expect(times.toIntervention.count).toBe(1);
    expect(times.toIntervention.medianHours).toBe(1);
  });
});

describe('timeliness', () => {
  it('gives the median and 90th percentile of each step, in hours, by report month', async () => {
    const { runner, dispute } = domainSetup();
    // Hours from report to intervention: 1, 2, 3, 4, 10 → median 3, p90 = 4 + 0.6 × (10 − 4) = 7.6.
    const hours = [1, 2, 3, 4, 10];
    for (const [i, h] of hours.entries()) {
      const reported = Date.parse('2026-08-10T08:00:00+08:00');
      const at = (add: number) => new Date(reported + add * 3_600_000).toISOString();
      await dispute.report(`d${i}`, at(0));
      await dispute.intervene(`d${i}`, at(h));
      // A second intervention does not move the first.
      await dispute.intervene(`d${i}`, at(h + 1));
      if (i < 2) {
        await dispute.resolve(`d${i}`, at(24 * (i + 1)));
        await dispute.followUp(`d${i}`, at(24 * (i + 1) + 48), true);
        await dispute.followUp(`d${i}`, at(24 * (i + 1) + 96), true);
      }
    }
    await runner.catchUp(timeModel);
    const state = (await runner.read(timeModel))!.state;
    const { total, rows } = timeliness(state);
    expect(total.toIntervention).toEqual({ count: 5, medianHours: 3, p90Hours: 7.6 });
    // Resolution after 24 h and 48 h: median 36, p90 = 24 + 0.9 × 24 = 45.6.
    expect(total.toResolution.count).toBe(2);
    expect(total.toResolution.medianHours).toBeCloseTo(36);
    expect(total.toResolution.p90Hours).toBeCloseTo(45.6);
    // Only the first follow-up visit counts: 72 h and 96 h.
    expect(total.toFollowUp).toMatchObject({ count: 2, medianHours: 84 });
    expect(rows.map((r) => r.month)).toEqual(['2026-08']);
    expect(timeliness(state, { from: '2026-09' }).total.toIntervention).toEqual({
      count: 0,
      medianHours: null,
      p90Hours: null,
    });
  });
});

describe('escalations', () => {
  it('counts escalations and referrals, and lists criminal cases by dispute (target zero)', async () => {
    const { runner, dispute } = domainSetup();
    await dispute.report('a', '2026-07-01T09:00:00+08:00');
    await dispute.escalate('a', '2026-07-02T09:00:00+08:00', 'grid', 'community');
    await dispute.escalate('a', '2026-07-05T09:00:00+08:00', 'community', 'police-station');
    await dispute.referOut('a', '2026-07-09T09:00:00+08:00', 'criminal-case');
    await dispute.report('b', '2026-08-01T09:00:00+08:00', { grid: 'xuzhai-02' });
    await dispute.referOut('b', '2026-08-03T09:00:00+08:00', 'court');
    await dispute.report('c', '2026-08-04T09:00:00+08:00');
    await dispute.resolve('c', '2026-08-05T09:00:00+08:00');
    await runner.catchUp(escalationModel);
    const state = (await runner.read(escalationModel))!.state;

    const july = escalations(state, { from: '2026-07', to: '2026-07' }).total;
    expect(july).toMatchObject({
      escalations: 2,
      disputesEscalated: 1,
      referredOut: 1,
      criminalCases: 1,
      homicides: 0,
      onTarget: false,
    });
    const august = escalations(state, { from: '2026-08' }).total;
    expect(august).toMatchObject({ referredOut: 1, criminalCases: 0, onTarget: true });
    expect(august.byTarget.court).toBe(1);
    expect(criminalCases(state)).toEqual([
      {
        disputeId: 'a',
        month: '2026-07',
        community: 'xuzhai',
        grid: 'xuzhai-01',
        how: 'referred-out',
        caseId: null,
        fromLevel: 'police-station',
        becameHomicide: false,
        occurredAt: '2026-07-09T01:00:00.000Z',
      },
    ]);
    expect(criminalCases(state, { grid: 'xuzhai-02' })).toEqual([]);
  });

  it('counts hand-downs (the station passing a dispute to the committee) in their month', async () => {
    const { runner, dispute } = domainSetup();
    await dispute.report('a', '2026-07-30T09:00:00+08:00');
    await dispute.handDown('a', '2026-07-31T22:00:00+08:00', 'police-station', 'community');
    await dispute.resolve('a', '2026-08-02T09:00:00+08:00', 'community');
    await dispute.report('b', '2026-08-01T09:00:00+08:00');
    await dispute.handDown('b', '2026-08-01T10:00:00+08:00', 'police-station', 'community');
    await dispute.handDown('b', '2026-08-03T10:00:00+08:00', 'community', 'grid');
    await dispute.resolve('b', '2026-08-04T09:00:00+08:00', 'grid');
    // A hand-down after the dispute was settled is passed over, as the aggregate refuses it.
    await dispute.handDown('b', '2026-08-05T10:00:00+08:00', 'grid', 'grid');
    await runner.catchUp(escalationModel);
    await runner.catchUp(settledModel);
    const state = (await runner.read(escalationModel))!.state;

    const rows = escalations(state).rows.map((r) => [r.month, r.handDowns, r.disputesHandedDown]);
    // 31 July 22:00 in Shanghai is still July, though it is 14:00 UTC.
    expect(rows).toEqual([
      ['2026-07', 1, 1],
      ['2026-08', 2, 1],
    ]);
    expect(escalations(state).total).toMatchObject({ escalations: 0, handDowns: 3 });
    // Handed down and settled below: both stay in the community.
    const settled = whereSettled((await runner.read(settledModel))!.state).total;
    expect(settled).toMatchObject({ inGrid: 1, inCommunity: 1, beyondCommunity: 0 });
    expect(settled.stayedInCommunity).toBe(1);
  });
});

describe('satisfaction', () => {
  it('is the share of follow-up visits where the resident was satisfied', async () => {
    const { runner, dispute } = domainSetup();
    const answers = [true, true, true, false];
    for (const [i, satisfied] of answers.entries()) {
      await dispute.report(`d${i}`, '2026-08-01T09:00:00+08:00', {
        grid: `xuzhai-0${1 + (i % 2)}`,
      });
      await dispute.resolve(`d${i}`, '2026-08-02T09:00:00+08:00');
      await dispute.followUp(`d${i}`, '2026-08-09T09:00:00+08:00', satisfied);
    }
    await dispute.close('d0', '2026-08-10T09:00:00+08:00');
    await runner.catchUp(satisfactionModel);
    const state = (await runner.read(satisfactionModel))!.state;
    expect(satisfaction(state).total).toEqual({
      followUps: 4,
      satisfied: 3,
      share: 0.75,
      visits: 0,
      telephoneCalls: 0,
      channelNotRecorded: 4,
      reopenedAfter: 0,
    });
    expect(satisfaction(state, { by: 'grid' }).rows.map((r) => [r.grid, r.share])).toEqual([
      ['xuzhai-01', 1],
      ['xuzhai-02', 0.5],
    ]);
  });
});
