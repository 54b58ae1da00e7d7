// Generated patrol shifts: scheduled, maybe cancelled, started by who turned out, observations,
// hazards and incidents along the route, completed with a duration.
import { DAY, MINUTE, type GeneratedEvent, type Neighbourhood, type Random } from './random.js';

const KINDS = ['quarrel', 'theft', 'suspicious-person', 'traffic'];

export function generatePatrol(
  random: Random,
  place: Neighbourhood,
  n: number,
  start: number,
  emit: (event: GeneratedEvent) => void,
): void {
  const community = random.pick(place.communities);
  const grids = random.some(place.grids[community] ?? [], random.int(1, 3));
  const members = random.some(place.members[community] ?? [], random.int(2, 5));
  const patrolId = `p${n}`;
  const streamId = `patrol-${patrolId}`;
  let at = start;
  const next = (min: number, max: number) => (at += random.int(min, max));
  const put = (type: string, data: unknown) => emit({ streamId, type, data, at });
  put('PatrolScheduled', {
    patrolId,
    community,
    route: 'Taihao Rd → market → east gate',
    grids,
    members,
    scheduledFor: new Date(start + DAY).toISOString(),
  });
  if (random.chance(0.05)) {
    next(MINUTE, DAY);
    put('PatrolCancelled', { reason: 'Storm warning' });
    return;
  }
  next(DAY - 30 * MINUTE, DAY + 30 * MINUTE);
  const turnedOut = random.some(members, Math.max(1, members.length - random.int(0, 1)));
  put('PatrolStarted', { members: turnedOut });
  const startedAt = at;
  const steps = random.int(0, 3);
  for (let i = 0; i < steps; i++) {
    next(5 * MINUTE, 30 * MINUTE);
    put('PatrolObservationLogged', {
      observationId: `${patrolId}-o${i}`,
      grid: random.pick(grids),
      note: 'Quiet on the east side',
    });
  }
  let hazard: string | undefined;
  if (random.chance(0.1)) {
    next(5 * MINUTE, 30 * MINUTE);
    hazard = `${patrolId}-h`;
    put('PatrolHazardFound', {
      hazardId: `${patrolId}-h`,
      grid: random.pick(grids),
      description: 'Loose manhole cover',
    });
  }
  if (random.chance(0.2)) {
    next(5 * MINUTE, 30 * MINUTE);
    const base = {
      incidentId: `${patrolId}-i`,
      grid: random.pick(grids),
      kind: random.pick(KINDS),
      description: 'Raised voices',
    };
    put(
      'PatrolIncidentReported',
      random.chance(0.3)
        ? { ...base, isDispute: true, parties: [{ name: 'Wang', role: 'neighbour' }] }
        : { ...base, isDispute: false },
    );
  }
  // Completed after everything logged on the way, and after at least an hour out.
  next(10 * MINUTE, 60 * MINUTE);
  const durationMinutes = Math.max(60, Math.ceil((at - startedAt) / MINUTE));
  at = startedAt + durationMinutes * MINUTE;
  put('PatrolCompleted', { durationMinutes });
  // Most hazards are dealt with after the shift, a few never.
  if (hazard !== undefined && random.chance(0.8)) {
    next(MINUTE, 3 * DAY);
    put('PatrolHazardRemoved', { hazardId: hazard });
  }
}
