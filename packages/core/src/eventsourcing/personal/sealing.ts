// Sealing one personal value: AES-256-GCM under its subject's key, bound to the event it belongs
// to. The sealed form names its subject and key in clear (ids, not personal data), so a reader
// knows which key to ask for and an eraser knows which streams a subject appears in.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * What a personal field reads back as once its subject's key is gone. A string, so every schema
 * still validates the event, upcasters still run and read models keep their counts; tell it
 * apart with `isErased`.
 */
export const ERASED = '[erased]';
export type Erased = typeof ERASED;

/** Whether a personal field was erased (its subject forgotten). */
export const isErased = (value: unknown): value is Erased => value === ERASED;

/** A personal value as stored and hashed: `v` is base64 of IV (12 bytes) ‖ ciphertext ‖ tag (16). */
export interface SealedValue {
  /** The subject id, e.g. `party:dispute-d-1/p-xu`. */
  readonly $sealed: string;
  /** Which of the subject's keys sealed it. */
  readonly key: string;
  readonly v: string;
}

export const isSealedValue = (value: unknown): value is SealedValue => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.$sealed === 'string' &&
    typeof v.key === 'string' &&
    typeof v.v === 'string' &&
    Object.keys(v).length === 3
  );
};

const IV_BYTES = 12;
const TAG_BYTES = 16;
const ALGORITHM = 'aes-256-gcm';

/** Binds a sealed value to its event and subject: moved anywhere else, it fails to open. */
const associatedData = (eventId: string, subject: string, keyId: string): Buffer =>
  Buffer.from(`${eventId}\n${subject}\n${keyId}`, 'utf8');

export function seal(
  value: string,
  key: Uint8Array,
  eventId: string,
  subject: string,
  keyId: string,
): SealedValue {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(associatedData(eventId, subject, keyId));
  const body = Buffer.concat([
    iv,
    cipher.update(value, 'utf8'),
    cipher.final(),
    cipher.getAuthTag(),
  ]);
  return { $sealed: subject, key: keyId, v: body.toString('base64') };
}

/** The plain value; throws when the sealed value was altered or sealed for another event. */
export function open(sealed: SealedValue, key: Uint8Array, eventId: string): string {
  const body = Buffer.from(sealed.v, 'base64');
  if (body.length < IV_BYTES + TAG_BYTES) {
    throw new Error(`the sealed value of ${sealed.$sealed} is too short to be AES-256-GCM`);
  }
  const iv = body.subarray(0, IV_BYTES);
  const tag = body.subarray(body.length - TAG_BYTES);
  const decipher = createDecipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(associatedData(eventId, sealed.$sealed, sealed.key));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([
      decipher.update(body.subarray(IV_BYTES, body.length - TAG_BYTES)),
      decipher.final(),
    ]).toString('utf8');
  } catch (error) {
    throw new Error(
      `the sealed value of ${sealed.$sealed} fails authentication (altered, or moved from another event)`,
      { cause: error },
    );
  }
}
