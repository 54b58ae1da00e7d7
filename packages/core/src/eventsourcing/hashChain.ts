// The hash chain: every event's hash covers its identity, place, data and metadata (including
// the previous event's hash), so altering, removing, inserting or reordering stored events shows.
import { hash } from 'node:crypto';
import { encodeCarefully, encodeSimple } from './canonical.js';
import type { EventMetadata, StoredEvent } from './envelope.js';

/**
 * Everything an event's hash covers. The global `position` is left out on purpose: it differs
 * between stores and changes on import, while the chain must survive both.
 */
export interface HashInput {
  readonly id: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly streamId: string;
  readonly streamVersion: number;
  /** The stored (encoded) data, exactly as kept by the store. */
  readonly data: unknown;
  /** The metadata; a `hash` field in it is left out. */
  readonly metadata: Omit<EventMetadata, 'hash'>;
}

/** The envelope's fields in canonical (sorted) order. */
const FIELDS = [
  'data',
  'id',
  'metadata',
  'schemaVersion',
  'streamId',
  'streamVersion',
  'type',
] as const satisfies readonly (keyof HashInput)[];

/** Fields whose canonical JSON the caller has already written (the ledger's one walk). */
export interface WrittenFields {
  readonly data: string;
  /** The metadata's, without its own `hash`. */
  readonly metadata: string;
}

/**
 * The canonical JSON of the whole envelope, written field by field: the envelope's keys are known,
 * so only each value goes through the encoder (or is taken as `written`), and the metadata's own
 * `hash` is skipped without copying it. `storable` applies the ledger's rules for what it appends
 * (see CanonicalOptions).
 */
function envelopeJson(input: HashInput, storable: boolean, written?: WrittenFields): string {
  let out = '{';
  for (const field of FIELDS) {
    const value = input[field];
    if (value === undefined) continue;
    if (out.length > 1) out += ',';
    const omitKey = field === 'metadata' ? 'hash' : undefined;
    // The subject of an error is only built when a field needs the careful writer.
    const json =
      (field === 'data' || field === 'metadata' ? written?.[field] : undefined) ??
      encodeSimple(value, storable, omitKey) ??
      encodeCarefully(value, {
        subject: `event ${String(input.type)} (stream '${String(input.streamId)}', version ${String(input.streamVersion)})`,
        path: field,
        storable,
        ...(omitKey === undefined ? {} : { omitKey }),
      });
    out += `"${field}":` + json;
  }
  return out + '}';
}

/** SHA-256 (hex) of the canonical JSON of `input`. Throws ValidationError for non-JSON data. */
export function hashEvent(input: HashInput): string {
  // The one-shot hash: a Hash object per event cost more than the digest itself.
  return hash('sha256', envelopeJson(input, false), 'hex');
}

/**
 * `hashEvent` of an event the ledger is about to append, refusing (with a ValidationError naming
 * the field) anything no store can keep: the ledger's one walk over the data both hashes it and
 * checks it by the stores' rules, so stores never refuse what the ledger accepted. `written`:
 * the data's and metadata's canonical JSON, when the caller wrote them already (checked by the
 * same rules); every other field is encoded here.
 */
export function hashAppended(input: HashInput, written?: WrittenFields): string {
  return hash('sha256', envelopeJson(input, true, written), 'hex');
}

/** The hash input of a stored event, as the store returned it. */
export function hashInputOf(event: StoredEvent): HashInput {
  return {
    id: event.id,
    type: event.type,
    schemaVersion: event.schemaVersion,
    streamId: event.streamId,
    streamVersion: event.streamVersion,
    data: event.data,
    metadata: event.metadata,
  };
}
