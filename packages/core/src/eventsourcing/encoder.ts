// The encoding step between a domain event's data and what is stored and hashed. Today it is the
// identity; per-resident encryption of personal data slots in here, before hashing, so erasing a
// resident's key makes their data unreadable without breaking any stream's hash chain.

/** What an encoder may know about the event whose data it transforms. */
export interface EncodingSubject {
  readonly id: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly streamId: string;
  readonly data: unknown;
}

export interface EventEncoder {
  /** A short name for messages, e.g. `identity`. */
  readonly name: string;
  /** Domain data → the form that is stored and hashed. */
  encode(subject: EncodingSubject): Promise<unknown>;
  /** Stored form → domain data (before upcasting and validation). */
  decode(subject: EncodingSubject): Promise<unknown>;
}

/** Stores data as it is. */
export const identityEncoder: EventEncoder = {
  name: 'identity',
  encode: async (subject) => subject.data,
  decode: async (subject) => subject.data,
};
