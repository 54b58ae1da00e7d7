// Envelopes the ledger sealed. The ledger's one walk over an event's data checks it by the
// stores' rules, copies it deeply frozen and writes its canonical JSON for the hash; the envelope
// it builds around that copy is frozen too, and made by this module's own class. `checkAppend`
// hands a sealed envelope through as it is: nothing in it can have changed since it was checked,
// so checking and copying it again would only repeat the walk (issue 14: validate once at each
// boundary). Anything else, from any caller, is checked and copied in full as before. A copy of a
// sealed envelope (spread, Object.assign, structuredClone, JSON) is a plain object: not sealed.
import type { EventMetadata, EventToAppend } from '../envelope.js';

class SealedEnvelope implements EventToAppend {
  constructor(
    readonly id: string,
    readonly type: string,
    readonly schemaVersion: number,
    readonly data: unknown,
    readonly metadata: EventMetadata,
  ) {
    Object.freeze(this);
  }
}

/**
 * A frozen, sealed envelope. Only for data and metadata that are deeply frozen and storable: the
 * data a `sealedCopy`, the metadata frozen strings with a frozen actor.
 */
export const seal = (
  id: string,
  type: string,
  schemaVersion: number,
  data: unknown,
  metadata: EventMetadata,
): EventToAppend => new SealedEnvelope(id, type, schemaVersion, data, metadata);

/** True for an envelope made by `seal` (frozen, already checked by the stores' rules). */
export const isSealed = (value: unknown): value is EventToAppend => value instanceof SealedEnvelope;
