// Generated police cases and household registers: each grid's households registered early on, a
// few moving out (some re-registered in another grid); police cases, some linked to a dispute.
import { DAY, HOUR, type GeneratedEvent, type Neighbourhood, type Random } from './random.js';

export function generateRegister(
  random: Random,
  place: Neighbourhood,
  start: number,
  days: number,
  emit: (event: GeneratedEvent) => void,
): void {
  for (const community of place.communities) {
    for (const grid of place.grids[community] ?? []) {
      const streamId = `household-register-${grid}`;
      for (const householdId of place.households[grid] ?? []) {
        const at = start + random.int(0, 10 * DAY);
        emit({
          streamId,
          type: 'HouseholdRegistered',
          data: { community, grid, householdId, residents: random.int(1, 6) },
          at,
        });
        if (random.chance(0.15)) {
          emit({
            streamId,
            type: 'HouseholdDeregistered',
            data: { householdId, reason: 'Moved away' },
            at: at + random.int(DAY, days * DAY),
          });
        }
      }
    }
  }
}

export function generatePoliceCase(
  random: Random,
  place: Neighbourhood,
  n: number,
  start: number,
  emit: (event: GeneratedEvent) => void,
): void {
  const community = random.pick(place.communities);
  const grid = random.pick(place.grids[community] ?? []);
  const caseId = `pc${n}`;
  const streamId = `police-case-${caseId}`;
  emit({
    streamId,
    type: 'PoliceCaseRecorded',
    data: {
      caseId,
      kind: random.chance(0.8) ? 'public-order' : 'criminal',
      community,
      grid,
      policeGrid: `${community}-beat-${random.int(1, 2)}`,
      category: random.pick(['fight', 'theft', 'noise']),
      summary: 'Recorded at the station',
      ...(random.chance(0.2) ? { disputeId: `d${random.int(0, 50)}` } : {}),
    },
    at: start,
  });
  if (random.chance(0.7)) {
    emit({
      streamId,
      type: 'PoliceCaseClosed',
      data: { outcome: 'penalised' },
      at: start + random.int(HOUR, 5 * DAY),
    });
  }
}
