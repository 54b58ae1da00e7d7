// Generated door-to-door, service and hazard-check visits, following the Visit decider's order:
// scheduled, maybe cancelled, conducted, items recorded on the visit, closed; wishes, appeals
// and hazards may be fulfilled or removed after the visit is closed.
import {
  DAY,
  HOUR,
  MINUTE,
  type GeneratedEvent,
  type Neighbourhood,
  type Random,
} from './random.js';

const PURPOSES = ['routine', 'routine', 'routine', 'service', 'hazard-check'] as const;

export function generateVisit(
  random: Random,
  place: Neighbourhood,
  n: number,
  start: number,
  emit: (event: GeneratedEvent) => void,
): void {
  const community = random.pick(place.communities);
  const grid = random.pick(place.grids[community] ?? []);
  const householdId = random.pick(place.households[grid] ?? []);
  const visitors = random.some(place.members[community] ?? [], random.int(1, 2));
  const visitId = `v${n}`;
  const streamId = `visit-${visitId}`;
  let at = start;
  const next = (min: number, max: number) => (at += random.int(min, max));
  const put = (type: string, data: unknown) => emit({ streamId, type, data, at });
  const purpose = random.pick(PURPOSES);
  put('VisitScheduled', {
    visitId,
    community,
    grid,
    household: { householdId, address: `Unit ${householdId}` },
    purpose,
    visitors,
    scheduledFor: new Date(start + DAY).toISOString(),
  });
  if (random.chance(0.05)) {
    next(HOUR, DAY);
    put('VisitCancelled', { reason: 'Nobody at home' });
    return;
  }
  next(DAY - HOUR, DAY + HOUR);
  put('VisitConducted', { visitors });
  const later: [string, unknown][] = [];
  if (random.chance(0.3)) {
    const wishId = `${visitId}-w`;
    next(MINUTE, 30 * MINUTE);
    put('MicroWishRecorded', { wishId, description: 'A handrail by the stairs' });
    if (random.chance(0.7)) later.push(['MicroWishFulfilled', { wishId }]);
  }
  if (random.chance(0.15)) {
    const appealId = `${visitId}-a`;
    next(MINUTE, 30 * MINUTE);
    put('MicroAppealRecorded', { appealId, description: 'Street light out' });
    if (random.chance(0.6)) later.push(['MicroAppealFulfilled', { appealId }]);
  }
  if (purpose === 'service') {
    next(MINUTE, HOUR);
    put('ServiceRendered', {
      serviceId: `${visitId}-s`,
      kind: 'id-card-application',
      details: 'Photo and fingerprints taken at home',
      renderedBy: visitors,
    });
  }
  if (random.chance(purpose === 'hazard-check' ? 0.4 : 0.05)) {
    const hazardId = `${visitId}-h`;
    next(MINUTE, 30 * MINUTE);
    put('SafetyHazardReported', { hazardId, description: 'Blocked fire exit' });
    if (random.chance(0.8)) later.push(['SafetyHazardRemoved', { hazardId }]);
  }
  next(MINUTE, HOUR);
  put('VisitClosed', {});
  for (const [type, data] of later) {
    next(HOUR, 5 * DAY);
    put(type, data);
  }
}
