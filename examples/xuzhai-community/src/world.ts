// What every part of the simulation shares: the ledger and the aggregates' command handlers, the
// simulated clock and agenda, the cast, and the hooks through which the office app's reactions
// hand work back to the people (a reported dispute to its mediators, a follow-up visit to make).
import {
  Dispute,
  GridMember,
  GridStructure,
  HouseholdRegister,
  Patrol,
  PoliceCase,
  Visit,
  createCommandHandler,
  type CommandContext,
  type DisputeCommand,
  type GridMemberCommand,
  type GridStructureCommand,
  type HouseholdRegisterCommand,
  type Ledger,
  type PatrolCommand,
  type PoliceCaseCommand,
  type VisitCommand,
} from '@gridledger/core';
import { Agenda, type SimClock } from './agenda.js';
import { actorOf, type Cast, type Member } from './cast.js';
import type { Random } from './random.js';
import { MINUTE, WORKDAY, dayOf, isoInShanghai, nextWorkingMoment, shanghai } from './time.js';

/** How a command relates to the others of its case (see DESIGN.md: metadata). */
export interface Links {
  readonly correlationId?: string;
  readonly causationId?: string;
}

/** What the people do after a follow-up visit: how satisfied the resident was, and what they said. */
export interface FollowUpScript {
  readonly satisfied: boolean;
  readonly note: string;
}

export function createWorld(ledger: Ledger, clock: SimClock, cast: Cast, random: Random) {
  const handlers = {
    dispute: createCommandHandler(ledger, Dispute),
    visit: createCommandHandler(ledger, Visit),
    member: createCommandHandler(ledger, GridMember),
    structure: createCommandHandler(ledger, GridStructure),
    patrol: createCommandHandler(ledger, Patrol),
    policeCase: createCommandHandler(ledger, PoliceCase),
    register: createCommandHandler(ledger, HouseholdRegister),
  };
  const context = (by: Member, links: Links): CommandContext => ({
    actor: actorOf(by),
    now: isoInShanghai(clock.now()),
    ...links,
  });
  const agenda = new Agenda(clock);
  /** When each person is already taken (sessions), as [start, end) in ms. */
  const busy = new Map<string, [number, number][]>();
  const draw = (min: number, max: number) => randomFor('calendar').int(min, max);
  /**
   * The first moment from `earliest`, in working hours, at which every one of `people` is free
   * for `minutes`; booked for them. Nobody is in two places at once.
   */
  const reserve = (people: readonly string[], earliest: number, minutes: number): number => {
    let start = nextWorkingMoment(earliest, draw);
    for (let tries = 0; tries < 1000; tries++) {
      const end = start + minutes * MINUTE;
      const closing = shanghai(dayOf(start)) + WORKDAY.end * MINUTE;
      if (end > closing) {
        start = nextWorkingMoment(closing, draw);
        continue;
      }
      const clash = people
        .flatMap((id) => busy.get(id) ?? [])
        .find(([s, e]) => s < end && start < e);
      if (clash === undefined) {
        for (const id of people) {
          let slots = busy.get(id);
          if (slots === undefined) busy.set(id, (slots = []));
          slots.push([start, end]);
        }
        return start;
      }
      start = nextWorkingMoment(clash[1] + draw(5, 30) * MINUTE, draw);
    }
    throw new Error(`no free time for ${people.join(', ')} after ${isoInShanghai(earliest)}`);
  };
  const forks = new Map<string, Random>();
  const randomFor = (label: string): Random => {
    let fork = forks.get(label);
    if (fork === undefined) forks.set(label, (fork = random.fork(label)));
    return fork;
  };

  return {
    ledger,
    clock,
    agenda,
    cast,
    /** The seeded source of one part of the world (`visits`, `mediation`, …). */
    randomFor,
    reserve,
    /** Now on the simulated clock, as an ISO time in Shanghai. */
    now: () => isoInShanghai(clock.now()),
    newId: () => ledger.newId(),
    at: (ms: number, task: () => Promise<void>) => agenda.at(ms, task),
    process: (start: number, body: (until: (ms: number) => Promise<void>) => Promise<void>) =>
      agenda.process(start, body),
    /** The first event of a stream: the case's correlation id and what later steps point to. */
    async caseOf(
      streamId: string,
    ): Promise<{ readonly id: string; readonly correlationId: string }> {
      for await (const event of ledger.readStream(streamId, { limit: 1 })) {
        return { id: event.id, correlationId: event.metadata.correlationId };
      }
      throw new Error(`stream '${streamId}' has no events`);
    },
    dispute: (id: string, command: DisputeCommand, by: Member, links: Links = {}) =>
      handlers.dispute(id, command, context(by, links)),
    visit: (id: string, command: VisitCommand, by: Member, links: Links = {}) =>
      handlers.visit(id, command, context(by, links)),
    member: (id: string, command: GridMemberCommand, by: Member, links: Links = {}) =>
      handlers.member(id, command, context(by, links)),
    structure: (grid: string, command: GridStructureCommand, by: Member, links: Links = {}) =>
      handlers.structure(grid, command, context(by, links)),
    patrol: (id: string, command: PatrolCommand, by: Member, links: Links = {}) =>
      handlers.patrol(id, command, context(by, links)),
    policeCase: (id: string, command: PoliceCaseCommand, by: Member, links: Links = {}) =>
      handlers.policeCase(id, command, context(by, links)),
    register: (grid: string, command: HouseholdRegisterCommand, by: Member, links: Links = {}) =>
      handlers.register(grid, command, context(by, links)),
    /** Called with the dispute id once the app has reported the dispute a fact caused. */
    onReported: new Map<string, (disputeId: string) => void>(),
    /** Hazards found on patrol, by the day of the shift: what a later shift's check refers to. */
    patrolHazards: new Map<
      string,
      { readonly patrolId: string; readonly hazardId: string; readonly correlationId: string }
    >(),
    /** Follow-up visits with a story of their own (the Xu/Shang banner). */
    followUpScripts: new Map<string, FollowUpScript>(),
  };
}

export type World = ReturnType<typeof createWorld>;

/** The id of the first event a command recorded: what later steps of its case point back to. */
export function firstEventId(handled: { readonly events: readonly { readonly id: string }[] }) {
  const first = handled.events[0];
  if (first === undefined) throw new Error('the command recorded no event');
  return first.id;
}

/** The event of `type` a command recorded, e.g. the `MicroWishRecorded` that carries the wish id. */
export function recordedOf<R extends { readonly type: string }, T extends R['type']>(
  handled: { readonly events: readonly R[] },
  type: T,
): Extract<R, { readonly type: T }> {
  const event = handled.events.find((e): e is Extract<R, { readonly type: T }> => e.type === type);
  if (event === undefined) throw new Error(`the command recorded no ${type}`);
  return event;
}

/**
 * The steps of a scripted dispute after its report: each waits for its Shanghai time ('YYYY-MM-DD
 * HH:MM'), is correlated to the report and caused by the step before, and returns what it recorded.
 */
export function disputeSteps(
  world: World,
  id: string,
  reported: { readonly events: readonly { readonly id: string }[] },
  until: (ms: number) => Promise<void>,
) {
  const correlationId = firstEventId(reported);
  let cause = correlationId;
  const step = async (command: DisputeCommand, by: Member, at: string) => {
    await until(shanghai(at.slice(0, 10), at.slice(11)));
    const handled = await world.dispute(id, command, by, { correlationId, causationId: cause });
    cause = firstEventId(handled);
    return handled;
  };
  return { correlationId, step };
}
