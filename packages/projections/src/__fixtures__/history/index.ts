// Generated histories of a co-governed neighbourhood, for property tests and the benchmark:
// a seeded mix of dispute lifecycles, visits and patrol shifts, in the order they happened.
import { generateDispute } from './disputes.js';
import { generatePatrol } from './patrols.js';
import { generatePoliceCase, generateRegister } from './publicOrder.js';
import { DAY, seeded, type GeneratedEvent, type Neighbourhood } from './random.js';
import { generateVisit } from './visits.js';

export type { GeneratedEvent, Neighbourhood } from './random.js';

export interface HistoryShape {
  readonly seed: number;
  readonly disputes: number;
  readonly visits: number;
  readonly patrols: number;
  /** Police cases recorded by the station (default none). */
  readonly policeCases?: number;
  /** Whether each grid's households are registered (default no). */
  readonly registers?: boolean;
  readonly communities?: number;
  readonly gridsPerCommunity?: number;
  /** First day activity may start (ISO). Default 2026-01-01 Shanghai midnight. */
  readonly from?: string;
  /** Days over which activity starts; events after the last day are cut (work in progress). */
  readonly days?: number;
}

export function neighbourhood(communities: number, gridsPerCommunity: number): Neighbourhood {
  const names = ['xuzhai', 'taihao', 'dongguan', 'beiguan', 'nanguan'];
  const list = Array.from({ length: communities }, (_, i) => names[i] ?? `community-${i}`);
  const grids: Record<string, string[]> = {};
  const members: Record<string, string[]> = {};
  const households: Record<string, string[]> = {};
  for (const c of list) {
    grids[c] = Array.from(
      { length: gridsPerCommunity },
      (_, g) => `${c}-${String(g + 1).padStart(2, '0')}`,
    );
    members[c] = Array.from({ length: gridsPerCommunity + 6 }, (_, m) => `${c}-m-${m + 1}`);
    for (const grid of grids[c])
      households[grid] = Array.from({ length: 12 }, (_, h) => `${grid}-h${h + 1}`);
  }
  return { communities: list, grids, members, households };
}

/** A history in the order it happened (ties keep generation order). */
export function generateHistory(shape: HistoryShape): GeneratedEvent[] {
  const random = seeded(shape.seed);
  const place = neighbourhood(shape.communities ?? 2, shape.gridsPerCommunity ?? 6);
  const from = Date.parse(shape.from ?? '2025-12-31T16:00:00.000Z');
  const days = shape.days ?? 120;
  const end = from + days * DAY;
  const events: GeneratedEvent[] = [];
  const emit = (event: GeneratedEvent) => {
    if (event.at < end) events.push(event);
  };
  const start = () => from + Math.floor(random.next() * days * DAY);
  for (let i = 0; i < shape.disputes; i++) generateDispute(random, place, i, start(), emit);
  for (let i = 0; i < shape.visits; i++) generateVisit(random, place, i, start(), emit);
  for (let i = 0; i < shape.patrols; i++) generatePatrol(random, place, i, start(), emit);
  // After the others, so that a shape without them draws the same history as before.
  for (let i = 0; i < (shape.policeCases ?? 0); i++)
    generatePoliceCase(random, place, i, start(), emit);
  if (shape.registers === true) generateRegister(random, place, from, days, emit);
  // Array.prototype.sort is stable: one stream's events keep their order on equal times.
  return events.sort((a, b) => a.at - b.at);
}
