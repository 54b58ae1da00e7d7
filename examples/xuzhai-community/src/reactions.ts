// The community office app runs Gridledger's own reactions (a dispute spotted on a visit or met
// on a patrol is reported; a resolved dispute gets its follow-up visit) from a saved checkpoint,
// with only the office's policy on top: parties on the household register are reported with
// their household, and follow-up visits are booked in office hours. Core skips the follow-up of
// a dispute with no party on the register; the app answers that skip with a telephone call.
import {
  reactTo,
  reportDisputeFromPatrolIncident,
  reportDisputeSpottedOnVisit,
  scheduleFollowUpVisit,
  type Actor,
  type DisputeCommandOf,
  type DomainEvent,
  type Household,
  type Ledger,
  type Position,
  type ReactionDecision,
  type Reaction,
  type ReactionOutcome,
  type ReadModelStore,
  type RecordedEvent,
  type VisitCommandOf,
} from '@gridledger/core';

export interface OfficePolicy {
  /** The household of a resident by name, from the community's register. */
  readonly findHousehold: (grid: string, name: string) => Household | undefined;
  /** When the office books a follow-up visit that core's reaction puts at `scheduledFor`. */
  readonly bookFollowUp: (scheduledFor: string) => string;
}

/** Core's follow-up reaction, a day after the resolution; its skips are the app's to handle. */
export const followUpVisit = scheduleFollowUpVisit({ afterHours: 24 });

type Issue = Extract<ReactionDecision, { kind: 'issue' }>;

/** `reaction`, with `adjust` applied to each command it decides to issue. */
function withPolicy<E extends DomainEvent, S>(
  reaction: Reaction<E, S>,
  adjust: (decision: Issue) => Issue,
): Reaction<E, S> {
  return {
    ...reaction,
    react(event, state) {
      const decision = reaction.react(event, state);
      return decision.kind === 'issue' ? adjust(decision) : decision;
    },
  };
}

/** Gridledger's three reactions as the Xuzhai office runs them. */
export function officeReactions(policy: OfficePolicy): Reaction[] {
  const onRegister = (decision: Issue): Issue => {
    const { data } = decision.command as DisputeCommandOf<'reportDispute'>;
    const parties = data.parties.map((party) => {
      const household = policy.findHousehold(data.grid, party.name);
      return household === undefined ? party : { ...party, household };
    });
    return { ...decision, command: { type: 'reportDispute', data: { ...data, parties } } };
  };
  const inOfficeHours = (decision: Issue): Issue => {
    const { data } = decision.command as VisitCommandOf<'scheduleVisit'>;
    const scheduledFor = policy.bookFollowUp(data.scheduledFor);
    return { ...decision, command: { type: 'scheduleVisit', data: { ...data, scheduledFor } } };
  };
  return [
    withPolicy(reportDisputeSpottedOnVisit, onRegister),
    withPolicy(reportDisputeFromPatrolIncident, onRegister),
    withPolicy(followUpVisit, inOfficeHours),
  ];
}

/** What a reaction did, with the event that caused it. */
export type OfficeOutcome = ReactionOutcome & { readonly cause: RecordedEvent };

export interface ReactionWorkerOptions {
  readonly ledger: Ledger;
  /** Where the worker keeps its checkpoint. */
  readonly checkpoints: ReadModelStore;
  readonly actor: Actor;
  /** Now, ISO 8601: stamped on the saved checkpoint. */
  readonly now: () => string;
  readonly reactions: readonly Reaction[];
}

export interface ReactionWorker {
  /** Runs the reactions over everything recorded since the checkpoint; returns what they did. */
  drain(): Promise<OfficeOutcome[]>;
}

export const REACTIONS_CHECKPOINT = 'reactions:community-office';

export function createReactionWorker(options: ReactionWorkerOptions): ReactionWorker {
  const { ledger, checkpoints, actor, now, reactions } = options;
  let checkpoint: Position | undefined;
  let seen = 0;
  let loaded = false;

  return {
    async drain() {
      if (!loaded) {
        const saved = await checkpoints.load<{ eventsSeen: number }>(REACTIONS_CHECKPOINT);
        checkpoint = saved?.checkpoint;
        seen = saved?.state.eventsSeen ?? 0;
        loaded = true;
      }
      const outcomes: OfficeOutcome[] = [];
      let cause: RecordedEvent | undefined;
      async function* since(after: Position | undefined) {
        for await (const event of ledger.readAll(after === undefined ? {} : { after })) {
          cause = event;
          yield event;
        }
      }
      const pass = await reactTo(ledger, reactions, since(checkpoint), {
        actor,
        onOutcome: (outcome) => {
          if (cause !== undefined) outcomes.push({ ...outcome, cause });
        },
      });
      if (pass.lastPosition === undefined) return outcomes;
      // Saved once a pass: a crash before it costs a re-read, never a repeated command, since
      // core's reactions find their work already done (`already-done`) and write nothing.
      checkpoint = pass.lastPosition;
      seen += pass.eventsSeen;
      await checkpoints.save(REACTIONS_CHECKPOINT, {
        state: { eventsSeen: seen },
        checkpoint,
        projectionVersion: 2,
        eventsApplied: seen,
        updatedAt: now(),
      });
      return outcomes;
    },
  };
}
