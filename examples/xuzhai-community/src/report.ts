// The printed report: the headline read models as readable tables, then the article's two cases.
import { BANNER } from './story.js';
import type { DemoResult } from './demo.js';
import { shortDay } from './time.js';

const MONTH_NAMES: Readonly<Record<string, string>> = {
  '2026-06': 'June',
  '2026-07': 'July',
  '2026-08': 'August',
};

const percent = (share: number | null): string =>
  share === null ? '–' : `${(share * 100).toFixed(1)}%`;
const change = (share: number | null): string =>
  share === null ? '–' : `${share > 0 ? '+' : ''}${(share * 100).toFixed(1)}%`;
const hours = (value: number | null): string => (value === null ? '–' : value.toFixed(1));
const count = (n: number): string => n.toLocaleString('en-GB');
const day = (iso: string): string => shortDay(Date.parse(iso));

/**
 * Columns padded to their widest cell. `align` has one letter per column, `l` or `r`; columns
 * past its end are left-aligned notes.
 */
function table(align: string, rows: readonly (readonly string[])[]): string[] {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  }
  const pad = (cell: string, i: number) =>
    align[i] === 'r' ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0);
  return rows.map((row) => `  ${row.map(pad).join('   ')}`.trimEnd());
}

export function formatReport(result: DemoResult): string {
  const { figures: f, story, team } = result;
  const r = f.resolution;
  const settled = f.whereSettled;
  const t = f.timeliness;
  const e = f.escalations;
  const c = f.coverage;
  const s = f.satisfaction;
  const mark = (ok: boolean) => (ok ? '✓' : '✗');
  const followUp = story.xuShang.followUp;

  return [
    `Xuzhai community, June–August 2026 (seed ${result.seed}${result.scenario === 'season' ? '' : `, ${result.scenario} scenario`})`,
    `${count(result.events)} events in ${result.file}`,
    `${team.grids} red micro-grids, each owned by a party member; ${team.members} members enrolled, ${team.patrolTeam} on the patrol team`,
    `${team.structure.microGrids} micro-grids in ${team.structure.grids} grids, ${team.structure.microGridsInPoliceGrids} of them in the station's ${team.structure.policeGrids} police grids (警格+网格)`,
    ...team.positions.map((p) => `  ${p}`),
    '',
    'Dispute resolution rate (矛盾纠纷调处化解率), by month reported',
    ...table('lrrrrrr', [
      ['month', 'reported', 'accepted', 'resolved', 'referred out', 'in progress', 'rate'],
      ...[
        ...r.months.map((m) => ({ ...m, label: MONTH_NAMES[m.month] ?? m.month })),
        { ...r.season, label: 'June–August' },
      ].map((m) => [
        m.label,
        count(m.reported),
        count(m.accepted),
        count(m.resolved),
        count(m.referredOut),
        count(m.inProgress),
        percent(m.rate),
      ]),
    ]),
    '',
    'Where settled: small matters stay in the grid, big matters in the community',
    ...table('lrr', [
      ['in the grid', count(settled.inGrid), percent(settled.shares.grid)],
      ['in the community', count(settled.inCommunity), percent(settled.shares.community)],
      [
        'in the police room, jointly',
        count(settled.inPoliceRoom),
        percent(settled.shares.policeRoom),
        '(警调对接: the officer with the committee)',
      ],
      [
        'beyond the community',
        count(settled.beyondCommunity),
        percent(settled.shares.beyond),
        `(police station ${settled.byLevel['police-station']}, outside bodies ${settled.byLevel['outside-body']})`,
      ],
    ]),
    '',
    'Layered mediation (分层分类): resolved disputes by grade and the level that settled them',
    ...table('lrrrrr', [
      ['grade', 'grid', 'community', 'police room', 'police station', 'outside body'],
      ...(['minor', 'moderate', 'serious', 'major'] as const).map((grade) => {
        const at = settled.byGrade[grade];
        return [
          grade,
          count(at.grid),
          count(at.community),
          count(at['police-room']),
          count(at['police-station']),
          count(at['outside-body']),
        ];
      }),
    ]),
    `  ${count(settled.handledOnTheSpot)} disputes were stepped into on the spot before the office classified them (先期处置)`,
    '',
    'Timeliness, hours from report',
    ...table('lrr', [
      ['', 'median', 'p90'],
      [
        'to first intervention',
        hours(t.toIntervention.medianHours),
        hours(t.toIntervention.p90Hours),
      ],
      ['to resolution', hours(t.toResolution.medianHours), hours(t.toResolution.p90Hours)],
      ['to follow-up visit', hours(t.toFollowUp.medianHours), hours(t.toFollowUp.p90Hours)],
    ]),
    '',
    'Escalations',
    ...table('lr', [
      ['moved up a level', count(e.escalations)],
      ['handed down a level', count(e.handDowns), '(the station to the committee)'],
      [
        'referred out',
        count(e.referredOut),
        `(court ${e.byTarget.court}, arbitration ${e.byTarget.arbitration + e.byTarget['labour-arbitration']})`,
      ],
      ['turned into criminal cases', count(e.criminalCases), '民转刑'],
      ['criminal cases turned homicide', count(e.homicides), '刑转命'],
    ]),
    ...f.criminalCases.map(
      (c) =>
        `  ${c.how === 'later-case' ? `later case ${c.caseId ?? '?'}` : 'referred out'}: dispute ${c.disputeId}, grid ${c.grid}, ` +
        `${c.how === 'later-case' ? 'settled' : 'referred'} at the ${(c.fromLevel ?? 'unknown').replace('-', ' ')} level, counted in ${MONTH_NAMES[c.month] ?? c.month}` +
        `, linked ${day(c.occurredAt)}${c.becameHomicide ? ' (刑转命)' : ''}`,
    ),
    '',
    'Incidence, month over month (环比)',
    ...table('lrrrrrrr', [
      [
        'month',
        'disputes',
        'change',
        'public-order cases',
        'per 1,000 households',
        'change',
        'patrol sightings',
        'change',
      ],
      ...f.incidence.map((m) => {
        const cases = f.publicOrder.find((p) => p.month === m.month);
        return [
          MONTH_NAMES[m.month] ?? m.month,
          count(m.disputes),
          change(m.change.disputes),
          count(cases?.publicOrderCases ?? 0),
          cases?.perThousandHouseholds == null ? '–' : cases.perThousandHouseholds.toFixed(1),
          change(cases?.change ?? null),
          count(m.publicOrderIncidents),
          change(m.change.publicOrderIncidents),
        ];
      }),
    ]),
    '  (public-order cases: recorded by the police station; patrol sightings: incidents the patrol',
    '   met that were not disputes, not cases)',
    '',
    `Satisfaction: ${s.satisfied} of ${s.followUps} follow-ups (${s.visits} visits, ${s.telephoneCalls} telephone calls, ${s.channelNotRecorded} channel not recorded) found the residents satisfied (${percent(s.share)})`,
    '',
    'Coverage',
    ...table('lr', [
      [
        'households reached door-to-door',
        count(c.householdsReached),
        `of ${count(c.householdsRegistered)} registered (${percent(c.coverage)}); ${count(c.visits)} visits in all, ${count(c.followUpVisits)} of them dispute follow-ups`,
      ],
      [
        'micro-wishes fulfilled',
        count(c.microWishesFulfilled),
        `of ${count(c.microWishesRecorded)} recorded, ${count(c.microWishesClaimed)} claimed by a party member (认领)`,
      ],
      [
        'micro-appeals settled',
        count(c.microAppealsFulfilled),
        `of ${count(c.microAppealsRecorded)} recorded`,
      ],
      [
        'visit hazards removed',
        count(c.hazardsRemoved - c.patrolHazardsRemoved),
        `of ${count(c.hazardsFound - c.patrolHazardsFound)} found on visits; followed up ${count(c.hazardFollowUps)} times, ${count(c.hazardsHandedOver)} handed over`,
      ],
      [
        'patrol hazards removed',
        count(c.patrolHazardsRemoved),
        `of ${count(c.patrolHazardsFound)} found on patrols; followed up ${count(c.patrolHazardFollowUps)} times, ${count(c.patrolHazardsHandedOver)} handed over`,
      ],
      ['patrol hours', c.patrolHours.toFixed(1), `over ${count(c.patrols)} grid-walks`],
    ]),
    '',
    'The article’s two cases, read back from the log',
    `  Kang, ${day(story.kang.serviceAt)}: ${story.kang.kind} at his home by ${story.kang.renderedBy.join(', ')}` +
      `  [${story.kang.events} events, hash chain ${mark(story.kang.verified)}]`,
    `  Xu v Shang, reported ${day(story.xuShang.reportedAt)}, settled at the ${story.xuShang.level.replace('-', ' ')} by ` +
      `${story.xuShang.mediators.join(' and ')} on ${day(story.xuShang.resolvedAt)}` +
      `  [${story.xuShang.events} events, hash chain ${mark(story.xuShang.verified)}]`,
    ...story.xuShang.terms.map(
      (term) => `    ${mark(term.fulfilled)} ${term.party}: ${term.action}`,
    ),
    followUp === undefined
      ? '    follow-up visit: not yet made'
      : `    follow-up visit ${day(followUp.at)}: ${followUp.satisfied ? 'satisfied' : 'not satisfied'}. ${followUp.note}`,
    `    after the season (the article, not the ledger): Xu brought the station a thank-you banner, ${BANNER}`,
    '',
  ].join('\n');
}
