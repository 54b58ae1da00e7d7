// Kang's service visit (便民服务), as the article tells it. In mid-July a party member of the
// community contacts Jiang Lin: Kang, an elderly resident with limited mobility (腿脚不便, not
// bedridden), has an expired ID card he can no longer use, which makes daily life hard. (That the
// party member heard of it on a door-to-door visit to Kang is the demo's telling.) Once Zhao
// Baoxing learns of it he leads Jiang and the household-registration officer Zhou Jinfeng,
// following community staff, to Kang's home; they take the data for a new second-generation card
// and apply for it through the household-registration system on his behalf. Kang thanks them
// again and again.
import type { Member } from './cast.js';
import { KANG_VISIT_ID } from './story.js';
import { isoInShanghai, shanghai } from './time.js';
import { firstEventId, recordedOf, type World } from './world.js';

export function planKang(world: World): void {
  const { cast } = world;
  const { kang, jiang, zhao, zhou } = cast;
  const owner = cast.ownerOf(kang.grid);
  const officeStaff = cast.staff[1];
  world.process(shanghai('2026-07-12', '17:30'), async (until) => {
    const routineId = world.newId();
    const base = { community: cast.community, grid: kang.grid, household: kang.household };
    const routine = await world.visit(
      routineId,
      {
        type: 'scheduleVisit',
        data: {
          visitId: routineId,
          ...base,
          purpose: 'routine',
          visitors: [owner.id],
          scheduledFor: isoInShanghai(shanghai('2026-07-13', '10:00')),
        },
      },
      owner,
    );
    const correlationId = firstEventId(routine);
    await until(shanghai('2026-07-13', '10:00'));
    await world.visit(routineId, { type: 'conductVisit', data: {} }, owner, { correlationId });
    await until(shanghai('2026-07-13', '10:15'));
    const description =
      'His ID card has expired and can no longer be used, which makes daily life hard; he has limited mobility';
    const appeal = await world.visit(
      routineId,
      { type: 'recordMicroAppeal', data: { description } },
      owner,
      { correlationId },
    );
    const { appealId } = recordedOf(appeal, 'MicroAppealRecorded').data;
    await world.visit(
      routineId,
      { type: 'closeVisit', data: { note: 'Contacted Jiang Lin about the ID card' } },
      owner,
      { correlationId },
    );

    // The party member has contacted the community officer; once the director has heard of it,
    // the service visit is arranged.
    await until(shanghai('2026-07-13', '10:40'));
    const visitors: Member[] = [zhao, jiang, zhou, officeStaff];
    const scheduledFor = isoInShanghai(shanghai('2026-07-15', '09:30'));
    const service = await world.visit(
      KANG_VISIT_ID,
      {
        type: 'scheduleVisit',
        data: {
          visitId: KANG_VISIT_ID,
          ...base,
          purpose: 'service',
          visitors: visitors.map((m) => m.id),
          scheduledFor,
        },
      },
      jiang,
      { correlationId, causationId: firstEventId(appeal) },
    );
    const links = { correlationId, causationId: firstEventId(service) };
    await until(Date.parse(scheduledFor));
    await world.visit(
      KANG_VISIT_ID,
      {
        type: 'conductVisit',
        data: { summary: 'Home visit to Kang, who has limited mobility, led by Director Zhao' },
      },
      zhao,
      links,
    );
    await until(shanghai('2026-07-15', '10:10'));
    const details =
      'Took the data for a second-generation resident ID card at his home and applied through the household-registration system on his behalf';
    await world.visit(
      KANG_VISIT_ID,
      {
        type: 'renderService',
        data: { kind: 'id-card-application', details, renderedBy: [zhou.id, jiang.id, zhao.id] },
      },
      zhou,
      links,
    );
    await world.visit(
      routineId,
      {
        type: 'fulfilMicroAppeal',
        data: { appealId, note: `New ID card applied for at home (visit ${KANG_VISIT_ID})` },
      },
      jiang,
      links,
    );
    await world.visit(
      KANG_VISIT_ID,
      {
        type: 'closeVisit',
        data: {
          note: 'Kang thanked Director Zhao and the others again and again, and praised the officers for coming to his door',
        },
      },
      zhao,
      links,
    );
  });
}
