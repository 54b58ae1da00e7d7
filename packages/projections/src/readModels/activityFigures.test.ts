import { describe, expect, it } from 'vitest';
import {
  coverage,
  domainReadModels,
  incidence,
  memberWork,
  type CoverageFigures,
} from '@gridledger/projections';
import { domainSetup } from '../__fixtures__/domain.js';

type Record = ReturnType<typeof domainSetup>['record'];

function patrols(record: Record) {
  return {
    schedule: (id: string, at: string, grids: string[], members: string[]) =>
      record(
        `patrol-${id}`,
        'PatrolScheduled',
        {
          patrolId: id,
          community: 'xuzhai',
          route: 'Taihao Rd → market → east gate',
          grids,
          members,
          scheduledFor: at,
        },
        at,
      ),
    start: (id: string, at: string, members: string[]) =>
      record(`patrol-${id}`, 'PatrolStarted', { members }, at),
    incident: (id: string, at: string, grid: string, isDispute: boolean) =>
      record(
        `patrol-${id}`,
        'PatrolIncidentReported',
        {
          incidentId: `${id}-${at.slice(0, 16).replace(/[^0-9]/g, '')}`,
          grid,
          kind: isDispute ? 'quarrel' : 'theft',
          description: 'Raised voices by the market',
          isDispute,
          ...(isDispute ? { parties: [] } : {}),
        },
        at,
      ),
    hazard: (id: string, at: string, grid: string) =>
      record(
        `patrol-${id}`,
        'PatrolHazardFound',
        { hazardId: `${id}-h`, grid, description: 'Loose cover' },
        at,
      ),
    hazardRemoved: (id: string, at: string) =>
      record(`patrol-${id}`, 'PatrolHazardRemoved', { hazardId: `${id}-h` }, at),
    complete: (id: string, at: string, durationMinutes: number) =>
      record(`patrol-${id}`, 'PatrolCompleted', { durationMinutes }, at),
  };
}

function visits(record: Record) {
  const on = (id: string, type: string, data: unknown, at: string) =>
    record(`visit-${id}`, type, data, at);
  return {
    schedule: (id: string, at: string, grid: string, householdId: string, purpose = 'routine') =>
      on(
        id,
        'VisitScheduled',
        {
          visitId: id,
          community: 'xuzhai',
          grid,
          household: { householdId, address: 'Building 3, Unit 2' },
          purpose,
          visitors: ['m-1', 'm-2'],
          scheduledFor: at,
        },
        at,
      ),
    conduct: (id: string, at: string) => on(id, 'VisitConducted', { visitors: ['m-1', 'm-2'] }, at),
    wish: (id: string, at: string) =>
      on(id, 'MicroWishRecorded', { wishId: `${id}-w`, description: 'A handrail' }, at),
    wishFulfilled: (id: string, at: string) =>
      on(id, 'MicroWishFulfilled', { wishId: `${id}-w` }, at),
    service: (id: string, at: string) =>
      on(
        id,
        'ServiceRendered',
        {
          serviceId: `${id}-s`,
          kind: 'id-card-application',
          details: 'ID card data taken at home for Kang',
          renderedBy: ['m-3'],
        },
        at,
      ),
    hazard: (id: string, at: string) =>
      on(id, 'SafetyHazardReported', { hazardId: `${id}-h`, description: 'Blocked exit' }, at),
    hazardRemoved: (id: string, at: string) =>
      on(id, 'SafetyHazardRemoved', { hazardId: `${id}-h` }, at),
    close: (id: string, at: string) => on(id, 'VisitClosed', {}, at),
  };
}

describe('incidence', () => {
  it('counts disputes and patrol incidents per month with the change on the month before', async () => {
    const { runner, dispute, record } = domainSetup();
    const patrol = patrols(record);
    // June: 4 disputes; July: 2; August: none; September: 3. Incidents: 2 in June, 1 in July.
    const months = { '06': 4, '07': 2, '09': 3 };
    let n = 0;
    for (const [month, count] of Object.entries(months)) {
      for (let i = 0; i < count; i++)
        await dispute.report(`d${n++}`, `2026-${month}-15T09:00:00+08:00`);
    }
    await patrol.schedule('p1', '2026-06-20T19:00:00+08:00', ['xuzhai-01', 'xuzhai-02'], ['m-1']);
    await patrol.incident('p1', '2026-06-20T20:00:00+08:00', 'xuzhai-02', false);
    await patrol.incident('p1', '2026-06-20T20:30:00+08:00', 'xuzhai-02', true);
    await patrol.complete('p1', '2026-06-20T21:00:00+08:00', 120);
    await patrol.schedule('p2', '2026-07-20T19:00:00+08:00', ['xuzhai-01'], ['m-1']);
    await patrol.incident('p2', '2026-07-20T20:00:00+08:00', 'xuzhai-01', false);
    await runner.catchUp(domainReadModels.incidence);
    const state = (await runner.read(domainReadModels.incidence))!.state;

    const { rows, total } = incidence(state, { from: '2026-07', to: '2026-09' });
    expect(rows.map((r) => [r.month, r.disputes, r.change.disputes])).toEqual([
      ['2026-07', 2, -0.5],
      ['2026-08', 0, -1],
      ['2026-09', 3, null],
    ]);
    expect(rows[0]).toMatchObject({ patrolIncidents: 1, publicOrderIncidents: 1 });
    expect(rows[0]?.previous).toEqual({ disputes: 4, patrolIncidents: 2, publicOrderIncidents: 1 });
    expect(rows[0]?.change.patrolIncidents).toBe(-0.5);
    expect(total).toEqual({ disputes: 5, patrolIncidents: 1, publicOrderIncidents: 1 });
    const byGrid = incidence(state, { by: 'grid', from: '2026-06', to: '2026-06' }).rows;
    expect(byGrid.map((r) => [r.grid, r.disputes, r.patrolIncidents])).toEqual([
      ['xuzhai-01', 4, 0],
      ['xuzhai-02', 0, 2],
    ]);
    expect(incidence(state).rows.map((r) => r.month)).toEqual([
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
    ]);
  });
});

describe('coverage', () => {
  it('counts the follow-ups and hand-overs of hazards found on patrols apart from those found on visits', async () => {
    const { runner, record } = domainSetup();
    const visit = visits(record);
    const patrol = patrols(record);
    const at = (month: number, day: number, hour = 10) =>
      `2026-0${month}-${String(day).padStart(2, '0')}T${hour}:00:00+08:00`;
    const found = (hazardId: string, grid: string, when: string) =>
      record('patrol-p1', 'PatrolHazardFound', { hazardId, grid, description: 'Wire' }, when);
    const look = (hazardId: string, stillThere: boolean, when: string) =>
      record(
        'patrol-p1',
        'PatrolHazardFollowedUp',
        { hazardId, followedUpBy: ['m-2'], note: 'Looked again', stillThere },
        when,
      );
    // A visit's hazard on xuzhai-01: followed up once, handed over to the gas company.
    await visit.schedule('v1', at(7, 1), 'xuzhai-01', 'h-1');
    await visit.conduct('v1', at(7, 2));
    await visit.hazard('v1', at(7, 2, 11));
    await record(
      'visit-v1',
      'SafetyHazardFollowedUp',
      { hazardId: 'v1-h', followedUpBy: ['m-1'], note: 'Still there' },
      at(7, 5),
    );
    await record(
      'visit-v1',
      'SafetyHazardHandedOver',
      { hazardId: 'v1-h', to: 'gas co' },
      at(7, 9),
    );
    // A patrol over both grids finds p1-a on xuzhai-02 and p1-b on xuzhai-01.
    await patrol.schedule('p1', at(7, 3, 19), ['xuzhai-01', 'xuzhai-02'], ['m-1', 'm-2']);
    await patrol.start('p1', at(7, 3, 19), ['m-1', 'm-2']);
    await found('p1-a', 'xuzhai-02', at(7, 3, 20));
    await found('p1-b', 'xuzhai-01', at(7, 3, 21));
    await patrol.complete('p1', at(7, 3, 22), 120);
    // p1-a: looked at in July (still there) and in August (gone), then recorded removed.
    await look('p1-a', true, at(7, 10, 20));
    await look('p1-a', false, at(8, 3, 20));
    await record('patrol-p1', 'PatrolHazardRemoved', { hazardId: 'p1-a' }, at(8, 3, 21));
    // p1-b: looked at in July, handed over to the property office. A look after the hand-over and
    // one at a hazard never found (written past the decider) count for nothing.
    await look('p1-b', true, at(7, 10, 20));
    await record(
      'patrol-p1',
      'PatrolHazardHandedOver',
      { hazardId: 'p1-b', to: 'property office' },
      at(7, 17),
    );
    await look('p1-b', true, at(8, 5, 20));
    await look('p1-z', true, at(8, 5, 20));

    await runner.catchUp(domainReadModels.coverage);
    const state = (await runner.read(domainReadModels.coverage))!.state;
    const hazards = (f: CoverageFigures) => [
      f.hazardsFound,
      f.patrolHazardsFound,
      f.hazardsRemoved,
      f.patrolHazardsRemoved,
      f.hazardFollowUps,
      f.patrolHazardFollowUps,
      f.hazardsHandedOver,
      f.patrolHazardsHandedOver,
    ];
    const byGrid = coverage(state);
    expect(byGrid.rows.map((r) => [r.grid, ...hazards(r)])).toEqual([
      ['xuzhai-01', 2, 1, 0, 0, 1, 1, 1, 1],
      ['xuzhai-02', 1, 1, 1, 1, 0, 2, 0, 0],
    ]);
    expect(hazards(byGrid.total)).toEqual([3, 2, 1, 1, 1, 3, 1, 1]);
    // Each in the month it happened, in the grid where the hazard was found.
    const byMonth = coverage(state, { by: 'month' });
    expect(byMonth.rows.map((r) => [r.month, ...hazards(r)])).toEqual([
      ['2026-07', 3, 2, 0, 0, 1, 2, 1, 1],
      ['2026-08', 0, 0, 1, 1, 0, 1, 0, 0],
    ]);
  });

  it("adds up each grid's visits, households, wishes, services, hazards and patrol hours", async () => {
    const { runner, dispute, record } = domainSetup();
    const visit = visits(record);
    const patrol = patrols(record);
    const at = (day: number, hour = 10) =>
      `2026-07-${String(day).padStart(2, '0')}T${hour}:00:00+08:00`;
    // Kang's ID card: a service visit; two routine visits to one household; a cancelled patrol-less grid.
    await visit.schedule('v1', at(1), 'xuzhai-01', 'kang', 'service');
    await visit.conduct('v1', at(2));
    await visit.service('v1', at(2, 11));
    await visit.close('v1', at(2, 12));
    for (const id of ['v2', 'v3']) {
      await visit.schedule(id, at(3), 'xuzhai-02', 'h-7');
      await visit.conduct(id, at(4));
    }
    await visit.wish('v2', at(4, 11));
    await visit.hazard('v2', at(4, 11));
    await visit.close('v2', at(4, 12));
    // Claimed by a party member (认领), fulfilled after the visit was closed, as the decider allows.
    await record('visit-v2', 'MicroWishClaimed', { wishId: 'v2-w', claimedBy: 'm-5' }, at(5));
    await visit.wishFulfilled('v2', at(9));
    await visit.hazardRemoved('v2', at(10));
    // A hazard on v3 followed up twice, still there, then handed over to the gas company.
    await record(
      'visit-v3',
      'SafetyHazardReported',
      { hazardId: 'v3-h', description: 'Gas pipe' },
      at(4, 11),
    );
    for (const day of [6, 8])
      await record(
        'visit-v3',
        'SafetyHazardFollowedUp',
        { hazardId: 'v3-h', followedUpBy: ['m-2'], note: 'Still corroded' },
        at(day),
      );
    await record(
      'visit-v3',
      'SafetyHazardHandedOver',
      { hazardId: 'v3-h', to: 'gas company' },
      at(9),
    );
    // A 3-hour patrol over two grids: 1.5 hours each; members who turned out get 3 hours.
    await patrol.schedule('p1', at(5, 19), ['xuzhai-01', 'xuzhai-02'], ['m-1', 'm-4']);
    await patrol.start('p1', at(5, 19), ['m-1']);
    await patrol.hazard('p1', at(5, 20), 'xuzhai-01');
    await patrol.complete('p1', at(5, 22), 180);
    // The loose cover is fixed the next week, after the shift.
    await patrol.hazardRemoved('p1', at(12));
    await dispute.report('d1', at(6));
    await dispute.session('d1', at(7), ['m-1', 'zhao', 'm-1']);
    await dispute.resolve('d1', at(8));
    await dispute.followUp('d1', at(12), true, ['m-2']);

    await runner.catchUp(domainReadModels.coverage);
    const state = (await runner.read(domainReadModels.coverage))!.state;
    const rows = coverage(state).rows;
    expect(rows.map((r) => r.grid)).toEqual(['xuzhai-01', 'xuzhai-02']);
    expect(rows[0]).toMatchObject({
      visits: 1,
      householdsVisited: 1,
      serviceVisits: 1,
      servicesRendered: 1,
      hazardsFound: 1,
      hazardsRemoved: 1,
      patrols: 1,
      patrolHours: 1.5,
    });
    expect(rows[1]).toMatchObject({
      visits: 2,
      householdsVisited: 1,
      microWishesRecorded: 1,
      microWishesClaimed: 1,
      microWishesFulfilled: 1,
      hazardsFound: 2,
      hazardsRemoved: 1,
      hazardFollowUps: 2,
      hazardsHandedOver: 1,
      patrolHours: 1.5,
    });
    expect(coverage(state, { by: 'community' }).rows[0]).toMatchObject({
      community: 'xuzhai',
      householdsVisited: 2,
      patrolHours: 3,
    });
    expect(memberWork(state)).toEqual([
      {
        memberId: 'm-1',
        visits: 3,
        servicesRendered: 0,
        patrols: 1,
        patrolHours: 3,
        mediationSessions: 1,
        followUpVisits: 0,
      },
      {
        memberId: 'm-2',
        visits: 3,
        servicesRendered: 0,
        patrols: 0,
        patrolHours: 0,
        mediationSessions: 0,
        followUpVisits: 1,
      },
      {
        memberId: 'm-3',
        visits: 0,
        servicesRendered: 1,
        patrols: 0,
        patrolHours: 0,
        mediationSessions: 0,
        followUpVisits: 0,
      },
      {
        memberId: 'zhao',
        visits: 0,
        servicesRendered: 0,
        patrols: 0,
        patrolHours: 0,
        mediationSessions: 1,
        followUpVisits: 0,
      },
    ]);
  });

  it('separates door-to-door coverage from dispute follow-ups, against the register', async () => {
    const { runner, record } = domainSetup();
    const visit = visits(record);
    const at = (month: string, day: number) =>
      `2026-${month}-${String(day).padStart(2, '0')}T10:00:00+08:00`;
    const register = (h: string, day: number) =>
      record(
        'household-register-xuzhai-01',
        'HouseholdRegistered',
        { community: 'xuzhai', grid: 'xuzhai-01', householdId: h, residents: 3 },
        at('06', day),
      );
    // Four households on grid 01's register in June; a fifth from 10 July; h1 leaves in August.
    for (const h of ['h1', 'h2', 'h3', 'h4']) await register(h, 1);
    await record(
      'household-register-xuzhai-01',
      'HouseholdRegistered',
      { community: 'xuzhai', grid: 'xuzhai-01', householdId: 'h5', residents: 2 },
      at('07', 10),
    );
    await record(
      'household-register-xuzhai-01',
      'HouseholdDeregistered',
      { householdId: 'h1', reason: 'Moved away' },
      at('08', 2),
    );
    // July: door-to-door to h1 and h2 (h2 twice); a dispute follow-up at h3's door.
    await visit.schedule('v1', at('07', 1), 'xuzhai-01', 'h1');
    await visit.conduct('v1', at('07', 1));
    for (const id of ['v2', 'v3']) {
      await visit.schedule(id, at('07', 2), 'xuzhai-01', 'h2', 'service');
      await visit.conduct(id, at('07', 3));
    }
    await visit.schedule('v4', at('07', 4), 'xuzhai-01', 'h3', 'dispute-follow-up');
    await visit.conduct('v4', at('07', 4));
    await runner.catchUp(domainReadModels.coverage);
    const state = (await runner.read(domainReadModels.coverage))!.state;

    const july = coverage(state, { by: 'month', from: '2026-07', to: '2026-07' });
    // 3 households visited, 2 of them door-to-door, of 5 registered by the end of July: 40%.
    expect(july.total).toMatchObject({
      visits: 4,
      householdsVisited: 3,
      householdsReached: 2,
      followUpVisits: 1,
      householdsRegistered: 5,
      coverage: 2 / 5,
    });
    // As of the end of June nobody had been visited yet: 0 of 4.
    const june = coverage(state, { asOf: '2026-06-30T23:59:59.999+08:00' }).total;
    expect(june).toMatchObject({ householdsReached: 0, householdsRegistered: 4, coverage: 0 });
    // Over the whole record, against the register as it stands now (h1 has left): 2 of 4.
    expect(coverage(state).rows).toMatchObject([
      { grid: 'xuzhai-01', householdsReached: 2, householdsRegistered: 4, coverage: 0.5 },
    ]);
  });
});
