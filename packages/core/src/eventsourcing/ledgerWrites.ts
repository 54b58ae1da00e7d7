// The command handler's way into the ledger it was given: loading and appending without checking
// again what the handler already checked, and appending after the head its decision was made on
// instead of reading it again. Kept off the `Ledger` interface: a caller holding a head could
// otherwise chain events onto one the store never had.
import type { AggregateType } from './aggregate.js';
import type { DomainCommand } from './decider.js';
import type { DomainEvent } from './envelope.js';
import type { Ledger } from './ledger.js';
import type { CheckedEvents, LedgerAppendResult } from './ledgerAppend.js';
import type { LoadedAggregate } from './ledgerLoad.js';
import type { StreamHead } from './stampEvents.js';

export interface LedgerWrites {
  /** `ledger.load` of an id already checked. */
  load<C extends DomainCommand, E extends DomainEvent, S>(
    aggregate: AggregateType<C, E, S>,
    id: string,
  ): Promise<LoadedAggregate<S>>;
  /** Appends checked events right after `head`, at exactly its version. */
  appendAfter<E extends DomainEvent>(
    checked: CheckedEvents,
    head: StreamHead | undefined,
  ): Promise<LedgerAppendResult<E>>;
}

const writesByLedger = new WeakMap<Ledger, LedgerWrites>();

export function registerWrites(ledger: Ledger, writes: LedgerWrites): void {
  writesByLedger.set(ledger, writes);
}

/** The writes of a ledger made by `createLedger`; `undefined` for any other `Ledger`. */
export const writesOf = (ledger: Ledger): LedgerWrites | undefined => writesByLedger.get(ledger);
