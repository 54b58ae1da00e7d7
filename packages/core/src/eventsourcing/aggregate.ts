// An aggregate type: a decider plus what the kernel needs to run it: a name, where its streams
// live, its command schema (validated at the boundary) and its event definitions.
import type { z } from 'zod';
import type { Decider, DomainCommand } from './decider.js';
import type { DomainEvent } from './envelope.js';
import type { EventDefinition } from './registry.js';

export interface AggregateType<
  C extends DomainCommand,
  E extends DomainEvent,
  S,
  Events extends readonly EventDefinition[] = readonly EventDefinition[],
> extends Decider<C, E, S> {
  /** Human name, e.g. `Dispute`. */
  readonly name: string;
  /** Every stream of this aggregate starts with it, e.g. `dispute-`. */
  readonly streamPrefix: string;
  /** Validates commands at the boundary. */
  readonly commandSchema: z.ZodType<C>;
  /** The definitions of every event it decides; the app's registry is built from them. */
  readonly events: Events;
  /**
   * The field of a command's `data` that repeats the aggregate's id (`disputeId` in
   * `reportDispute`), if any. The command boundary refuses a command whose field names another
   * instance than the id it is handled under, so one id cannot be given two ways.
   */
  readonly idField?: string;
}

/** The stream id of one aggregate instance. */
export const streamIdOf = (aggregate: { readonly streamPrefix: string }, id: string): string =>
  `${aggregate.streamPrefix}${id}`;
