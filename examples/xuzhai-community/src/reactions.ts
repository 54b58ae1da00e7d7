// The community office app's reactions, run as an app would run them: a worker reads the global
// log from its saved checkpoint and turns facts into commands, linked by causation id.
//  - a dispute spotted on a visit, or met on a patrol → the dispute is reported;
//  - a dispute resolved → its follow-up visit (第一时间回访) is scheduled.
// Ids are derived from the triggering event, so a reaction replayed after a crash changes nothing.
import {
  Dispute,
  Patrol,
  Visit,
  createCommandHandler,
  isRuleViolation,
  type Actor,
  type DisputeCategory,
  type DisputeEventOf,
  type DisputeParty,
  type Household,
  type Ledger,
  type PatrolEventOf,
  type Position,
  type ReadModelStore,
  type RecordedEvent,
  type SpottedParty,
  type VisitEventOf,
} from '@gridledger/core';

type Trigger =
  | VisitEventOf<'DisputeSpotted'>
  | PatrolEventOf<'PatrolIncidentReported'>
  | DisputeEventOf<'DisputeResolved'>;

const TRIGGERS: readonly Trigger['type'][] = [
  'DisputeSpotted',
  'PatrolIncidentReported',
  'DisputeResolved',
];

export type ReactionOutcome =
  | { readonly kind: 'dispute-reported'; readonly disputeId: string; readonly causeId: string }
  | {
      readonly kind: 'follow-up-scheduled';
      readonly disputeId: string;
      readonly visitId: string;
      readonly visitors: readonly string[];
      readonly scheduledFor: string;
    }
  /** No party has a household on record: the mediators follow up by other means. */
  | { readonly kind: 'follow-up-unplaced'; readonly disputeId: string };

export interface ReactionsOptions {
  readonly ledger: Ledger;
  /** Where the worker keeps its checkpoint. */
  readonly checkpoints: ReadModelStore;
  readonly actor: Actor;
  /** Now, ISO 8601: when the reaction's commands take effect. */
  readonly now: () => string;
  /** The household of a resident by name, from the community's register. */
  readonly findHousehold: (grid: string, name: string) => Household | undefined;
  /** When the follow-up visit of a dispute resolved at `resolvedAt` should be. */
  readonly followUpAt: (resolvedAt: string) => string;
}

export interface Reactions {
  /** Reacts to every trigger recorded since the checkpoint; returns what it did. */
  drain(): Promise<ReactionOutcome[]>;
}

const KEY = 'reactions:community-office';

const isTrigger = (event: RecordedEvent): event is RecordedEvent<Trigger> =>
  (TRIGGERS as readonly string[]).includes(event.type);

export function createReactions(options: ReactionsOptions): Reactions {
  const { ledger, checkpoints, actor, now } = options;
  const disputes = createCommandHandler(ledger, Dispute);
  const visits = createCommandHandler(ledger, Visit);
  let checkpoint: Position | undefined;
  let handled = 0;
  let loaded = false;

  const partiesOf = (grid: string, spotted: readonly SpottedParty[]): DisputeParty[] =>
    spotted.map((party, i) => {
      const household = options.findHousehold(grid, party.name);
      return { partyId: `p-${i + 1}`, ...party, ...(household ? { household } : {}) };
    });

  const context = (cause: RecordedEvent) => ({
    actor,
    now: now(),
    correlationId: cause.metadata.correlationId,
    causationId: cause.id,
  });

  /** Reports what a visit or patrol met as a dispute, under the id of the fact that told of it. */
  async function report(
    cause: RecordedEvent<Trigger>,
    where: { community: string; grid: string; source: 'visit' | 'patrol'; sourceRef: string },
    told: {
      description: string;
      parties: readonly SpottedParty[];
      category?: DisputeCategory | undefined;
    },
  ) {
    const data = {
      disputeId: cause.id,
      ...where,
      category: told.category ?? 'other',
      parties: partiesOf(where.grid, told.parties),
      description: told.description,
      reportedBy: reporter(cause.metadata.actor),
    };
    await idempotent(disputes(cause.id, { type: 'reportDispute', data }, context(cause)));
    return { kind: 'dispute-reported', disputeId: cause.id, causeId: cause.id } as const;
  }

  async function react(event: RecordedEvent<Trigger>): Promise<ReactionOutcome | undefined> {
    switch (event.type) {
      case 'DisputeSpotted': {
        const visitId = event.streamId.slice(Visit.streamPrefix.length);
        const { community, grid } = (await ledger.load(Visit, visitId)).state;
        const where = { community: String(community), grid: String(grid), sourceRef: visitId };
        return report(event, { ...where, source: 'visit' }, event.data);
      }
      case 'PatrolIncidentReported': {
        if (!event.data.isDispute) return undefined;
        const patrolId = event.streamId.slice(Patrol.streamPrefix.length);
        const { community } = (await ledger.load(Patrol, patrolId)).state;
        const where = { community: String(community), grid: event.data.grid, sourceRef: patrolId };
        return report(event, { ...where, source: 'patrol' }, event.data);
      }
      case 'DisputeResolved':
        return scheduleFollowUp(event);
    }
  }

  async function scheduleFollowUp(event: RecordedEvent<DisputeEventOf<'DisputeResolved'>>) {
    const disputeId = event.streamId.slice(Dispute.streamPrefix.length);
    const dispute = (await ledger.load(Dispute, disputeId)).state;
    const household = dispute.parties.find((p) => p.household !== undefined)?.household;
    if (household === undefined) return { kind: 'follow-up-unplaced', disputeId } as const;
    const visitId = event.id;
    const scheduledFor = options.followUpAt(event.metadata.occurredAt);
    const visitors = [...dispute.mediators];
    const data = {
      visitId,
      community: String(dispute.community),
      grid: String(dispute.grid),
      household,
      purpose: 'dispute-follow-up' as const,
      visitors,
      scheduledFor,
      disputeId,
    };
    await idempotent(visits(visitId, { type: 'scheduleVisit', data }, context(event)));
    return { kind: 'follow-up-scheduled', disputeId, visitId, visitors, scheduledFor } as const;
  }

  return {
    async drain() {
      if (!loaded) {
        const saved = await checkpoints.load<{ handled: number }>(KEY);
        checkpoint = saved?.checkpoint;
        handled = saved?.state.handled ?? 0;
        loaded = true;
      }
      const outcomes: ReactionOutcome[] = [];
      const after = checkpoint === undefined ? {} : { after: checkpoint };
      // Everything since the last look, not only the triggers: the worker runs after every
      // command, and reading the few new events is cheaper than filtering from the last trigger.
      for await (const event of ledger.readAll(after)) {
        checkpoint = event.position;
        if (!isTrigger(event)) continue;
        const outcome = await react(event);
        if (outcome !== undefined) outcomes.push(outcome);
        handled++;
        // Saved after each trigger only: a checkpoint that lags behind skipped events costs a
        // re-read after a crash, never a repeated command (the reactions are idempotent).
        await checkpoints.save(KEY, {
          state: { handled },
          checkpoint,
          projectionVersion: 1,
          eventsApplied: handled,
          updatedAt: now(),
        });
      }
      return outcomes;
    },
  };
}

const reporter = (actor: Actor) => ({
  name: actor.name ?? actor.id,
  role: actor.role,
  memberId: actor.id,
});

/** A command a replayed reaction already carried out is refused by the aggregate: that is fine. */
async function idempotent(result: Promise<unknown>): Promise<void> {
  try {
    await result;
  } catch (error) {
    const repeated =
      isRuleViolation(error) &&
      (error.rule === 'dispute.already-reported' || error.rule === 'visit.already-scheduled');
    if (!repeated) throw error;
  }
}
