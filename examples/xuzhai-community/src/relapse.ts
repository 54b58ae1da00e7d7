// The relapse scenario (`pnpm demo --scenario relapse`): the season, plus a dispute that was
// settled and then turned into a criminal case weeks later (民转刑 after settlement) — the thing
// the escalation figures exist to catch. Its events sit near midnight at month ends, in the hours
// when the month in UTC is not the month in Shanghai: a night-time call at 00:10 on 1 July
// (30 June in UTC), the fight at 23:48 on 31 July, the station's link at 00:20 on 1 August (31
// July in UTC), and a noise case at 00:05 on 1 August.
import { policeGridOf } from './station.js';
import { shanghai } from './time.js';
import { disputeSteps, firstEventId, recordedOf, type World } from './world.js';

/** The scenarios `pnpm demo --scenario` knows; `season` is the default. */
export const SCENARIOS = ['season', 'relapse'] as const;
export type Scenario = (typeof SCENARIOS)[number];

export const RELAPSE_DISPUTE_ID = 'relapse-parking-space';
export const RELAPSE_CASE_ID = 'pc-20260731-relapse';
export const NIGHT_NOISE_CASE_ID = 'pc-20260801-night';

export function planRelapse(world: World): void {
  const { cast } = world;
  const { jiang } = cast;
  const grid = cast.grids[40] ?? cast.grids[0];
  if (grid === undefined) throw new Error('the cast has no grids');
  const owner = cast.ownerOf(grid);
  const chair = cast.staff[0];
  const [first, second] = cast.residents(grid);
  if (first === undefined || second === undefined)
    throw new Error(`grid ${grid} has fewer than two residents`);
  const id = RELAPSE_DISPUTE_ID;
  const parties = [
    { partyId: 'p-1', name: first.name, role: 'car owner', household: first.household },
    { partyId: 'p-2', name: second.name, role: 'neighbour', household: second.household },
  ];
  world.followUpScripts.set(id, {
    satisfied: true,
    note: 'Both keep to the agreement; the parking space is clear',
  });

  world.process(shanghai('2026-07-01', '00:10'), async (until) => {
    const reported = await world.dispute(
      id,
      {
        type: 'reportDispute',
        data: {
          disputeId: id,
          community: cast.community,
          grid,
          category: 'neighbours',
          source: 'hotline',
          parties,
          description: `${second.name} parked bikes across ${first.name}’s parking space again; they are shouting in the courtyard after midnight`,
          reportedBy: { name: first.name, role: 'car owner', partyId: 'p-1' },
        },
      },
      jiang,
    );
    const { correlationId, step } = disputeSteps(world, id, reported, until);
    await step(
      {
        type: 'handleOnTheSpot',
        data: { handledBy: [jiang.id], note: 'Jiang Lin separated the two and sent them home' },
      },
      jiang,
      '2026-07-01 00:30',
    );
    await step(
      {
        type: 'classifyDispute',
        data: { category: 'neighbours', severity: 'minor', escalationRisk: 'medium' },
      },
      chair,
      '2026-07-01 09:10',
    );
    await step(
      { type: 'assignDispute', data: { level: 'grid', mediators: [owner.id] } },
      chair,
      '2026-07-01 09:20',
    );
    await step({ type: 'startIntervention', data: {} }, owner, '2026-07-01 10:00');
    await step(
      {
        type: 'holdMediationSession',
        data: {
          mediators: [owner.id],
          parties: ['p-1', 'p-2'],
          outcome: 'agreed',
          summary: 'The bikes go to the shed; the car stays in its own space',
        },
      },
      owner,
      '2026-07-02 10:00',
    );
    const agreed = await step(
      {
        type: 'reachAgreement',
        data: {
          terms: [
            { obligatedPartyId: 'p-2', action: 'Keep the bikes in the shed' },
            { obligatedPartyId: 'p-1', action: 'Park only in the marked space' },
          ],
        },
      },
      owner,
      '2026-07-02 10:40',
    );
    const [bikes, car] = recordedOf(agreed, 'DisputeAgreementReached').data.terms;
    if (bikes === undefined || car === undefined) throw new Error('the agreement lost a term');
    await step(
      { type: 'recordTermFulfilled', data: { termId: bikes.termId } },
      owner,
      '2026-07-03 09:30',
    );
    await step(
      { type: 'recordTermFulfilled', data: { termId: car.termId } },
      owner,
      '2026-07-03 09:35',
    );
    await step({ type: 'resolveDispute', data: { how: 'agreement' } }, owner, '2026-07-03 10:00');

    // Four weeks after the follow-up found both content, the quarrel flares up again at night.
    await until(shanghai('2026-07-31', '23:48'));
    const policeCase = await world.policeCase(
      RELAPSE_CASE_ID,
      {
        type: 'recordPoliceCase',
        data: {
          caseId: RELAPSE_CASE_ID,
          kind: 'criminal',
          community: cast.community,
          grid,
          policeGrid: policeGridOf(cast, grid),
          category: 'intentional-injury',
          summary: `${second.name} struck ${first.name} with a bike lock over the parking space; ${first.name} was taken to hospital`,
          disputeId: id,
        },
      },
      jiang,
    );
    await until(shanghai('2026-08-01', '00:20'));
    await world.dispute(
      id,
      {
        type: 'recordLaterCase',
        data: {
          caseId: RELAPSE_CASE_ID,
          kind: 'criminal',
          note: 'The parking-space quarrel settled on 3 July turned violent',
        },
      },
      jiang,
      { correlationId, causationId: firstEventId(policeCase) },
    );
  });

  const noisy = cast.grids[12] ?? grid;
  world.at(shanghai('2026-08-01', '00:05'), async () => {
    await world.policeCase(
      NIGHT_NOISE_CASE_ID,
      {
        type: 'recordPoliceCase',
        data: {
          caseId: NIGHT_NOISE_CASE_ID,
          kind: 'public-order',
          community: cast.community,
          grid: noisy,
          policeGrid: policeGridOf(cast, noisy),
          category: 'noise',
          summary: 'A birthday party went on past midnight; the host was warned',
        },
      },
      cast.zhao,
    );
  });
}
