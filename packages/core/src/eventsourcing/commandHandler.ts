// Command handling: validate the command and its context once, load, decide, and append the
// decided events right after the head that was loaded (the ledger does not read it again); on a
// concurrency conflict reload and decide again, a bounded number of times.
import { streamIdOf, type AggregateType } from './aggregate.js';
import {
  checkActor,
  checkExpectedVersion,
  checkId,
  checkTimestamp,
  validateEvents,
} from './appendInput.js';
import { assertOwnEvents, checkCommandId, parseCommand } from './commandBoundary.js';
import type { DecideContext, DomainCommand } from './decider.js';
import type { Actor, DomainEvent, ExpectedVersion, Position, RecordedEvent } from './envelope.js';
import { isConcurrencyConflict, ValidationError } from './errors.js';
import type { Ledger } from './ledger.js';
import { appendSubject, type LedgerAppendResult } from './ledgerAppend.js';
import { headOfLoaded, type LoadedAggregate } from './ledgerLoad.js';
import { writesOf } from './ledgerWrites.js';
import { assertExpectedVersion } from './storeKit/expectedVersion.js';

export interface CommandContext {
  readonly actor: Actor;
  /** When the command takes effect (ISO 8601). Default: the ledger's clock. */
  readonly now?: string;
  readonly correlationId?: string;
  readonly causationId?: string;
  /** The version the caller saw; enforced, and never retried past. */
  readonly expectedVersion?: ExpectedVersion;
}

export interface HandledCommand<E extends DomainEvent, S> {
  readonly streamId: string;
  /** The events appended; empty when the command changed nothing. */
  readonly events: RecordedEvent<E>[];
  /** State after the events. */
  readonly state: S;
  /** Last version of the stream; `undefined` when it still does not exist. */
  readonly streamVersion: number | undefined;
  /** Global position of the last event appended; `undefined` when nothing was appended. */
  readonly position: Position | undefined;
}

export interface CommandHandlerOptions {
  /** Reloads after a concurrency conflict before giving up. Default 3. */
  readonly maxRetries?: number;
}

export type HandleCommand<E extends DomainEvent, S> = (
  id: string,
  command: unknown,
  context: CommandContext,
) => Promise<HandledCommand<E, S>>;

/** Call it directly (`handle(id, command, context)`) or as `handler.handle(...)`. */
export interface CommandHandler<
  C extends DomainCommand,
  E extends DomainEvent,
  S,
> extends HandleCommand<E, S> {
  readonly handle: HandleCommand<E, S>;
  readonly aggregate: AggregateType<C, E, S>;
}

export function createCommandHandler<C extends DomainCommand, E extends DomainEvent, S>(
  ledger: Ledger,
  aggregate: AggregateType<C, E, S>,
  options: CommandHandlerOptions = {},
): CommandHandler<C, E, S> {
  const maxRetries = options.maxRetries ?? 3;
  if (!Number.isSafeInteger(maxRetries) || maxRetries < 0) {
    throw new ValidationError(`${aggregate.name} command handler options`, [
      { path: 'maxRetries', message: `must be a whole number ≥ 0, got ${String(maxRetries)}` },
    ]);
  }

  const handle: HandleCommand<E, S> = async (id, command, context) => {
    const parsed = parseCommand(aggregate, command);
    const subject = `command ${parsed.type}`;
    if (typeof context !== 'object' || context === null) {
      throw new ValidationError(subject, [
        { path: 'context', message: 'must be an object with at least an actor' },
      ]);
    }
    checkId(id, 'id', subject);
    checkCommandId(aggregate, id, parsed);
    const actor = checkActor(context.actor, subject);
    const now =
      context.now === undefined
        ? ledger.clock().toISOString()
        : checkTimestamp(context.now, 'now', subject);
    const expected =
      context.expectedVersion === undefined
        ? undefined
        : checkExpectedVersion(context.expectedVersion, subject);
    const { correlationId, causationId } = context;
    if (correlationId !== undefined) checkId(correlationId, 'correlationId', subject);
    if (causationId !== undefined) checkId(causationId, 'causationId', subject);
    const decideContext: DecideContext = { now, actor, newId: ledger.newId };
    const streamId = streamIdOf(aggregate, id);

    const writes = writesOf(ledger);
    const load = (): Promise<LoadedAggregate<S>> =>
      writes === undefined ? ledger.load(aggregate, id) : writes.load(aggregate, id);
    // The head the decision was made on is the head the events are appended after: a ledger of
    // this kernel is told it, any other appends with its exact version and reads it itself.
    const append = (
      loaded: LoadedAggregate<S>,
      decided: readonly E[],
    ): Promise<LedgerAppendResult<E>> =>
      writes === undefined
        ? ledger.append(streamId, decided, {
            expectedVersion: loaded.streamVersion ?? 'no-stream',
            actor,
            occurredAt: now,
            ...(correlationId === undefined ? {} : { correlationId }),
            ...(causationId === undefined ? {} : { causationId }),
          })
        : writes.appendAfter<E>(
            {
              streamId,
              events: validateEvents(ledger.registry, decided, appendSubject(streamId)),
              actor,
              occurredAt: now,
              correlationId,
              causationId,
            },
            headOfLoaded(loaded),
          );

    for (let attempt = 0; ; attempt++) {
      const loaded = await load();
      // Checked on every attempt, so a retry can never go past what the caller saw.
      if (expected !== undefined) assertExpectedVersion(streamId, expected, loaded.streamVersion);
      const decided = aggregate.decide(parsed, loaded.state, decideContext);
      assertOwnEvents(aggregate, parsed, decided);
      if (decided.length === 0) {
        const { state, streamVersion } = loaded;
        return { streamId, events: [], state, streamVersion, position: undefined };
      }
      try {
        const appended = await append(loaded, decided);
        const state = appended.events.reduce(
          (current, event) => aggregate.evolve(current, event as unknown as E),
          loaded.state,
        );
        return {
          streamId,
          events: appended.events,
          state,
          streamVersion: appended.streamVersion,
          position: appended.position,
        };
      } catch (error) {
        if (!isConcurrencyConflict(error) || attempt >= maxRetries) throw error;
      }
    }
  };

  return Object.assign(
    (id: string, command: unknown, context: CommandContext) => handle(id, command, context),
    { handle, aggregate },
  );
}
