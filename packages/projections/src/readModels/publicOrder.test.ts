import { describe, expect, it } from 'vitest';
import { domainReadModels, publicOrder } from '@gridledger/projections';
import { domainSetup } from '../__fixtures__/domain.js';

const { publicOrder: model } = domainReadModels;

async function setup() {
  const { runner, record } = domainSetup();
  const household = (grid: string, h: string, residents: number, at: string) =>
    record(
      `household-register-${grid}`,
      'HouseholdRegistered',
      { community: 'xuzhai', grid, householdId: h, residents },
      at,
    );
  const moved = (grid: string, h: string, at: string) =>
    record(
      `household-register-${grid}`,
      'HouseholdDeregistered',
      { householdId: h, reason: 'Moved' },
      at,
    );
  const policeCase = (
    id: string,
    grid: string,
    at: string,
    kind = 'public-order',
    disputeId?: string,
  ) =>
    record(
      `police-case-${id}`,
      'PoliceCaseRecorded',
      {
        caseId: id,
        kind,
        community: 'xuzhai',
        grid,
        policeGrid: 'taihao-3',
        category: 'fight',
        summary: 'Came to blows',
        ...(disputeId === undefined ? {} : { disputeId }),
      },
      at,
    );
  return { runner, household, moved, policeCase };
}

describe('public order', () => {
  it('divides the station’s public-order cases by the households on the register', async () => {
    const { runner, household, moved, policeCase } = await setup();
    // Grid 01: 3 households (10 residents) from May; grid 02: 1 household, and a second in July.
    await household('xuzhai-01', 'h1', 4, '2026-05-01T09:00:00+08:00');
    await household('xuzhai-01', 'h2', 3, '2026-05-01T09:00:00+08:00');
    await household('xuzhai-01', 'h3', 3, '2026-05-01T09:00:00+08:00');
    await household('xuzhai-02', 'h4', 2, '2026-05-02T09:00:00+08:00');
    await household('xuzhai-02', 'h5', 5, '2026-07-10T09:00:00+08:00');
    // h3 moves out just after midnight on 1 August in Shanghai (still 31 July in UTC).
    await moved('xuzhai-01', 'h3', '2026-08-01T00:30:00+08:00');
    await policeCase('c1', 'xuzhai-01', '2026-06-03T21:00:00+08:00');
    await policeCase('c2', 'xuzhai-02', '2026-06-20T21:00:00+08:00');
    await policeCase('c3', 'xuzhai-01', '2026-07-31T23:30:00+08:00', 'public-order', 'd-9');
    await policeCase('c4', 'xuzhai-02', '2026-07-05T10:00:00+08:00', 'criminal');
    await runner.catchUp(model);
    const state = (await runner.read(model))!.state;

    const rows = publicOrder(state, { from: '2026-06', to: '2026-08' }).rows;
    expect(
      rows.map((r) => [r.month, r.publicOrderCases, r.criminalCases, r.households, r.residents]),
    ).toEqual([
      ['2026-06', 2, 0, 4, 12],
      ['2026-07', 1, 1, 5, 17],
      // h3 left on 1 August (Shanghai): August's register has 4 households, 14 residents.
      ['2026-08', 0, 0, 4, 14],
    ]);
    // June: 2 cases per 4 households = 500 per 1,000; July: 1 per 5 = 200; change −60%.
    expect(rows.map((r) => r.perThousandHouseholds)).toEqual([500, 200, 0]);
    expect(rows[1]?.change).toBeCloseTo(-0.6);
    expect(rows[0]?.perTenThousandResidents).toBeCloseTo((2 / 12) * 10_000);
    expect(rows[1]?.fromDisputes).toBe(1);

    // By grid over the season, against the register at the end of August.
    const grids = publicOrder(state, { by: 'grid', from: '2026-06', to: '2026-08' }).rows;
    expect(
      grids.map((r) => [r.grid, r.publicOrderCases, r.households, r.perThousandHouseholds]),
    ).toEqual([
      ['xuzhai-01', 2, 2, 1000],
      ['xuzhai-02', 1, 2, 500],
    ]);

    // As of the end of July: the move had not happened, and the register had 5 households.
    const july = publicOrder(state, { asOf: '2026-07-31T23:59:59.999+08:00' }).total;
    expect(july).toMatchObject({
      publicOrderCases: 3,
      criminalCases: 1,
      households: 5,
      residents: 17,
    });
  });

  it('has no rate without a register, and a quiet grid on the register shows', async () => {
    const { runner, household, policeCase } = await setup();
    await policeCase('c1', 'xuzhai-01', '2026-06-03T21:00:00+08:00');
    await runner.catchUp(model);
    let state = (await runner.read(model))!.state;
    expect(publicOrder(state).total).toMatchObject({
      publicOrderCases: 1,
      perThousandHouseholds: null,
    });
    await household('xuzhai-09', 'h1', 2, '2026-05-01T09:00:00+08:00');
    await runner.catchUp(model);
    state = (await runner.read(model))!.state;
    expect(
      publicOrder(state, { by: 'grid' }).rows.map((r) => [
        r.grid,
        r.publicOrderCases,
        r.households,
      ]),
    ).toEqual([
      ['xuzhai-01', 1, 0],
      ['xuzhai-09', 0, 1],
    ]);
  });
});
