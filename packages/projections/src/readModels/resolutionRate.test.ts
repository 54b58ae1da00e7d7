import { describe, expect, it } from 'vitest';
import { isValidationError } from '@gridledger/core';
import {
  domainReadModels,
  resolutionRate,
  resolutionRateProjection,
} from '@gridledger/projections';
import { domainSetup } from '../__fixtures__/domain.js';

const model = domainReadModels.resolutionRate;

describe('resolution rate', () => {
  it("shows the report's headline: 50 disputes accepted in August, 49 resolved, is 98%", async () => {
    const { runner, dispute } = domainSetup();
    for (let i = 1; i <= 50; i++) {
      const day = String(1 + (i % 28)).padStart(2, '0');
      await dispute.report(`d${i}`, `2026-08-${day}T09:00:00+08:00`);
      await dispute.intervene(`d${i}`, `2026-08-${day}T10:00:00+08:00`);
      // One stays open; the rest are resolved, some only in September (still August's cohort).
      if (i !== 50)
        await dispute.resolve(`d${i}`, `2026-0${i % 3 === 0 ? 9 : 8}-28T18:00:00+08:00`);
    }
    // Declined as outside the remit: reported, never accepted.
    await dispute.report('d51', '2026-08-12T09:00:00+08:00');
    await dispute.decline('d51', '2026-08-12T11:00:00+08:00');

    await runner.catchUp(model);
    const state = (await runner.read(model))!.state;
    const { rows, total } = resolutionRate(state, { by: 'month' });
    expect(rows).toEqual([
      {
        month: '2026-08',
        reported: 51,
        declined: 1,
        accepted: 50,
        resolved: 49,
        withdrawn: 0,
        referredOut: 0,
        inProgress: 1,
        reopened: 0,
        rate: 0.98,
      },
    ]);
    expect(total.rate).toBe(0.98);
  });

  it('counts a dispute reported at 23:30 local time on 31 August in August', async () => {
    const { runner, dispute } = domainSetup();
    await dispute.report('late', '2026-08-31T23:30:00+08:00');
    await dispute.resolve('late', '2026-09-01T10:00:00+08:00');
    // 00:30 on 1 September in Shanghai is still 31 August in UTC.
    await dispute.report('early', '2026-09-01T00:30:00+08:00');
    await runner.catchUp(model);
    const utc = resolutionRateProjection({ timeZone: 'UTC' });
    expect(utc.name).toBe('resolution-rate(UTC)');
    await runner.catchUp(utc);

    const shanghai = resolutionRate((await runner.read(model))!.state);
    expect(shanghai.rows.map((r) => [r.month, r.accepted, r.resolved])).toEqual([
      ['2026-08', 1, 1],
      ['2026-09', 1, 0],
    ]);
    const inUtc = resolutionRate((await runner.read(utc))!.state);
    expect(inUtc.rows.map((r) => [r.month, r.accepted, r.resolved])).toEqual([['2026-08', 2, 1]]);
  });

  it('groups by grid and by community, and filters by period and place', async () => {
    const { runner, dispute } = domainSetup();
    const a = { community: 'xuzhai', grid: 'xuzhai-01' };
    const b = { community: 'xuzhai', grid: 'xuzhai-02' };
    const c = { community: 'taihao', grid: 'taihao-01' };
    await dispute.report('1', '2026-07-03T09:00:00+08:00', a);
    await dispute.resolve('1', '2026-07-04T09:00:00+08:00');
    await dispute.report('2', '2026-07-05T09:00:00+08:00', a);
    await dispute.withdraw('2', '2026-07-06T09:00:00+08:00');
    await dispute.report('3', '2026-08-05T09:00:00+08:00', b);
    await dispute.referOut('3', '2026-08-09T09:00:00+08:00', 'court');
    await dispute.report('4', '2026-08-07T09:00:00+08:00', c);
    await dispute.resolve('4', '2026-08-08T09:00:00+08:00');
    await runner.catchUp(model);
    const state = (await runner.read(model))!.state;

    const byGrid = resolutionRate(state, { by: 'grid' }).rows;
    expect(byGrid.map((r) => [r.community, r.grid, r.accepted, r.resolved, r.rate])).toEqual([
      ['taihao', 'taihao-01', 1, 1, 1],
      ['xuzhai', 'xuzhai-01', 2, 1, 0.5],
      ['xuzhai', 'xuzhai-02', 1, 0, 0],
    ]);
    const byCommunity = resolutionRate(state, { by: 'community', from: '2026-08' }).rows;
    expect(byCommunity.map((r) => [r.community, r.accepted, r.referredOut, r.rate])).toEqual([
      ['taihao', 1, 0, 1],
      ['xuzhai', 1, 1, 0],
    ]);
    const july = resolutionRate(state, { to: '2026-07', community: 'xuzhai' }).total;
    expect(july).toMatchObject({
      accepted: 2,
      resolved: 1,
      withdrawn: 1,
      inProgress: 0,
      rate: 0.5,
    });
    expect(resolutionRate(state, { from: '2027-01' }).total.rate).toBeNull();
  });

  it('names the option a malformed query got wrong', () => {
    const state = model.initialState();
    const bad = [
      [{ from: '2026-8' }, 'from'],
      [{ to: '2026-13' }, 'to'],
      [{ from: '2026-09', to: '2026-08' }, 'to'],
      [{ by: 'week' }, 'by'],
    ] as const;
    for (const [options, path] of bad) {
      try {
        resolutionRate(state, options as never);
        expect.unreachable();
      } catch (e) {
        expect(isValidationError(e)).toBe(true);
        expect((e as { issues: { path: string }[] }).issues[0]?.path).toBe(path);
      }
    }
    expect(() => resolutionRateProjection({ timeZone: 'Mars/Olympus' })).toThrow(/timeZone/);
  });
});
