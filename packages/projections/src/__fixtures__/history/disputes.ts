// Generated dispute lifecycles that follow the Dispute decider's rules: reported, maybe declined,
// classified, assigned, intervened, maybe handed down (the station to the committee) or
// escalated, mediated, then resolved (by agreement or
// not), withdrawn or referred out; resolved ones get a follow-up (a visit or a call): an unhappy
// one is reopened and settled again, a happy one closed; a few settled disputes later turn into
// a police case the station links to them.
import {
  DAY,
  HOUR,
  MINUTE,
  type GeneratedEvent,
  type Neighbourhood,
  type Random,
} from './random.js';

const LEVELS = ['grid', 'community', 'police-room', 'police-station', 'outside-body'] as const;
type Level = (typeof LEVELS)[number];
const CATEGORIES = ['tenancy', 'neighbours', 'family', 'property', 'labour', 'consumer', 'other'];
const OUT = ['court', 'arbitration', 'labour-arbitration', 'other-body'] as const;

export function generateDispute(
  random: Random,
  place: Neighbourhood,
  n: number,
  start: number,
  emit: (event: GeneratedEvent) => void,
): void {
  const community = random.pick(place.communities);
  const grid = random.pick(place.grids[community] ?? []);
  const members = place.members[community] ?? [];
  const disputeId = `d${n}`;
  const streamId = `dispute-${disputeId}`;
  let at = start;
  const next = (min: number, max: number) => (at += random.int(min, max));
  const put = (type: string, data: unknown) => emit({ streamId, type, data, at });
  const parties = [
    { partyId: `${disputeId}-p1`, name: 'Xu', role: 'landlord' },
    { partyId: `${disputeId}-p2`, name: 'Shang', role: 'tenant' },
  ];
  const category = random.pick(CATEGORIES);
  put('DisputeReported', {
    disputeId,
    community,
    grid,
    category,
    source: 'walk-in',
    parties,
    description: 'Return the TV or refund the deposit',
    reportedBy: { name: 'Community staff', role: 'community-staff' },
  });
  if (random.chance(0.04)) {
    put('DisputeDeclined', { reason: 'A private debt outside the committee remit' });
    return;
  }
  next(5 * MINUTE, 2 * HOUR);
  put('DisputeClassified', { category, severity: 'minor', escalationRisk: 'low' });
  const first = random.next();
  let level: Level =
    first < 0.6
      ? 'grid'
      : first < 0.85
        ? 'community'
        : first < 0.9
          ? 'police-room'
          : first < 0.98
            ? 'police-station'
            : 'outside-body';
  const mediators = random.some(members, 2);
  put('DisputeAssigned', { level, mediators });
  next(10 * MINUTE, 12 * HOUR);
  put('DisputeInterventionStarted', { level });
  if (level === 'police-station' && random.chance(0.4)) {
    next(HOUR, DAY);
    put('DisputeHandedDown', {
      fromLevel: level,
      toLevel: 'community',
      reason: 'A neighbours’ matter the committee can settle',
      mediators,
    });
    level = 'community';
  } else if (random.chance(0.1) && level !== 'outside-body') {
    const toLevel = LEVELS[LEVELS.indexOf(level) + 1] as Level;
    next(HOUR, 3 * DAY);
    put('DisputeEscalated', {
      fromLevel: level,
      toLevel,
      reason: 'Parties will not meet',
      mediators,
    });
    level = toLevel;
  }
  const sessions = random.int(1, 2);
  for (let s = 1; s <= sessions; s++) {
    next(HOUR, 2 * DAY);
    put('MediationSessionHeld', {
      sessionId: `${disputeId}-s${s}`,
      level,
      mediators,
      parties: parties.map((p) => p.partyId),
      others: [],
      outcome: s === sessions ? 'agreed' : 'adjourned',
      summary: 'Both sides heard',
    });
  }
  const ending = random.next();
  if (ending < 0.05) {
    next(HOUR, 5 * DAY);
    put('DisputeWithdrawn', { reason: 'Settled between themselves' });
    laterCase(random, disputeId, next, put);
    return;
  }
  if (ending < 0.1) {
    next(HOUR, 5 * DAY);
    const criminal = random.chance(0.1);
    put(
      'DisputeReferredOut',
      criminal
        ? {
            to: 'criminal-case',
            becameHomicide: random.chance(0.1),
            reason: 'Assault',
            fromLevel: level,
          }
        : { to: random.pick(OUT), reason: 'Needs a ruling', fromLevel: level },
    );
    next(HOUR, DAY);
    put('DisputeClosed', {});
    return;
  }
  if (random.chance(0.7)) {
    const agreementId = `${disputeId}-a`;
    const terms = parties.map((p, i) => ({
      termId: `${agreementId}-t${i}`,
      obligatedPartyId: p.partyId,
      action: i === 0 ? 'Refund the full deposit' : 'Return the TV',
    }));
    next(10 * MINUTE, 4 * HOUR);
    put('DisputeAgreementReached', { agreementId, terms });
    for (const term of terms) {
      next(HOUR, 3 * DAY);
      put('AgreementTermFulfilled', {
        termId: term.termId,
        obligatedPartyId: term.obligatedPartyId,
      });
    }
    put('DisputeResolved', { how: 'agreement', agreementId, level });
  } else {
    next(10 * MINUTE, 4 * HOUR);
    put('DisputeResolved', { how: 'no-agreement-needed', reason: 'Apology accepted', level });
  }
  for (let round = 0; ; round++) {
    next(DAY, 10 * DAY);
    const satisfied = round > 0 || random.chance(0.93);
    const byPhone = random.chance(0.2);
    put('DisputeFollowUpVisitRecorded', {
      satisfied,
      visitedBy: random.some(members, random.int(1, 2)),
      ...(byPhone ? { channel: 'telephone' } : random.chance(0.5) ? { channel: 'in-person' } : {}),
    });
    if (satisfied) break;
    next(HOUR, 2 * DAY);
    put('DisputeReopened', { reason: 'unhappy-follow-up', wasClosed: false });
    next(HOUR, 3 * DAY);
    put('DisputeResolved', { how: 'no-agreement-needed', reason: 'Talked it over again', level });
  }
  next(HOUR, 2 * DAY);
  put('DisputeClosed', {});
  laterCase(random, disputeId, next, put);
}

/** Now and then a settled dispute flares up weeks later and the station links the case. */
function laterCase(
  random: Random,
  disputeId: string,
  next: (min: number, max: number) => number,
  put: (type: string, data: unknown) => void,
): void {
  if (!random.chance(0.04)) return;
  next(5 * DAY, 40 * DAY);
  const criminal = random.chance(0.6);
  put('DisputeLaterCaseLinked', {
    caseId: `${disputeId}-case`,
    kind: criminal ? 'criminal' : 'public-order',
    homicide: criminal && random.chance(0.1),
  });
}
