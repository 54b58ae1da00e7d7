// The Xu/Shang dispute (矛盾纠纷), as the article tells it. Xu let a flat in Xuzhai to Shang, a
// tenant from out of town; the rent ran out at the end of June and Shang, often late with the rent
// and fearing Xu would keep the deposit, took the flat's TV. Xu was very angry; they were far apart
// on returning the TV and refunding the deposit. Once the community cadres learned of it they
// contacted (telephoned) Jiang Lin at once (第一时间); Director Zhao led Jiang through the whole
// mediation. Seeing the police mediating, and Xu willing to refund the deposit, Shang had a friend
// return the TV; Xu inspected the flat and refunded the deposit in full. The thank-you banner Xu
// brought the station came later ("近日", early September): it is not in the season's record.
import { XU_SHANG_DISPUTE_ID } from './story.js';
import { shanghai } from './time.js';
import { disputeSteps, recordedOf, type World } from './world.js';

export function planXuAndShang(world: World): void {
  const { cast } = world;
  const { xu, zhao, jiang } = cast;
  const staff = cast.staff[2];
  const id = XU_SHANG_DISPUTE_ID;
  const parties = [
    { partyId: 'p-xu', name: 'Xu', role: 'landlord', household: xu.household },
    { partyId: 'p-shang', name: 'Shang', role: 'tenant, from out of town' },
  ];
  world.followUpScripts.set(id, {
    satisfied: true,
    // The banner came later ("近日", early September): not known at the follow-up, not recorded.
    note: 'Both sides content: the TV is back and the deposit refunded in full',
  });
  world.process(shanghai('2026-06-30', '15:40'), async (until) => {
    const description =
      'The rent ran out at the end of June. Fearing Xu would keep the deposit because the rent was often late, Shang took the flat’s TV. Xu is very angry: they are far apart on returning the TV and refunding the deposit';
    const reported = await world.dispute(
      id,
      {
        type: 'reportDispute',
        data: {
          disputeId: id,
          community: cast.community,
          grid: xu.grid,
          category: 'tenancy',
          source: 'walk-in',
          parties,
          description,
          reportedBy: { name: staff.name, role: 'community-staff', memberId: staff.id },
        },
      },
      staff,
    );
    const { step } = disputeSteps(world, id, reported, until);
    // The community cadres telephoned Jiang Lin at once; the director and Jiang took the whole case.
    await step(
      {
        type: 'classifyDispute',
        data: {
          category: 'tenancy',
          severity: 'moderate',
          escalationRisk: 'high',
          note: 'The community cadres telephoned Jiang Lin at once: the tenant has taken the TV, and landlord and tenant are far apart on the TV and the deposit',
        },
      },
      jiang,
      '2026-06-30 15:55',
    );
    await step(
      { type: 'assignDispute', data: { level: 'police-station', mediators: [zhao.id, jiang.id] } },
      jiang,
      '2026-06-30 16:00',
    );
    await step(
      { type: 'startIntervention', data: { note: 'Director Zhao and Jiang Lin step in' } },
      zhao,
      '2026-06-30 16:20',
    );
    const summary =
      'With the police mediating, Shang agrees to return the TV and Xu to refund the deposit once he has inspected the flat';
    await step(
      {
        type: 'holdMediationSession',
        data: {
          mediators: [zhao.id, jiang.id],
          parties: ['p-xu', 'p-shang'],
          others: ['Community staff'],
          outcome: 'agreed',
          summary,
        },
      },
      zhao,
      '2026-07-01 10:00',
    );
    const agreed = await step(
      {
        type: 'reachAgreement',
        data: {
          terms: [
            { obligatedPartyId: 'p-shang', action: 'Return the TV' },
            { obligatedPartyId: 'p-xu', action: 'Inspect the flat and refund the full deposit' },
          ],
        },
      },
      zhao,
      '2026-07-01 10:30',
    );
    const [tv, deposit] = recordedOf(agreed, 'DisputeAgreementReached').data.terms;
    if (tv === undefined || deposit === undefined) throw new Error('the agreement lost a term');
    await step(
      {
        type: 'recordTermFulfilled',
        data: { termId: tv.termId, note: 'A friend returned the TV on Shang’s behalf' },
      },
      jiang,
      '2026-07-01 15:00',
    );
    await step(
      {
        type: 'recordTermFulfilled',
        data: {
          termId: deposit.termId,
          note: 'Xu inspected the flat and refunded the deposit in full',
        },
      },
      jiang,
      '2026-07-01 16:30',
    );
    await step({ type: 'resolveDispute', data: { how: 'agreement' } }, zhao, '2026-07-01 16:40');
  });
}
