// Where subjects' keys live, apart from the events: forgetting a subject deletes its keys, and
// every value sealed under them is unreadable from then on. Pluggable, so a real KMS fits in.
import { randomBytes } from 'node:crypto';

/** One key of a subject: `id` is written beside every value it seals. */
export interface SubjectKey {
  readonly id: string;
  /** 32 bytes, for AES-256-GCM. */
  readonly key: Uint8Array;
}

export interface KeyStore {
  /** For messages, e.g. `memory`, `sqlite:/path/to.db`. */
  readonly name: string;
  /**
   * The key new values of `subject` are sealed with, made and kept if it has none. A forgotten
   * subject gets a new key: what is recorded about them afterwards is readable, what was erased
   * stays erased.
   */
  currentKey(subject: string): Promise<SubjectKey>;
  /** Key `id` of `subject`; `undefined` when it was forgotten (or never made here). */
  findKey(subject: string, id: string): Promise<Uint8Array | undefined>;
  /** Deletes every key of `subject`; resolves to how many there were. */
  forget(subject: string): Promise<number>;
}

/** A fresh key: 32 random bytes and a random id. */
export function newSubjectKey(): SubjectKey {
  return { id: randomBytes(8).toString('hex'), key: randomBytes(32) };
}

/** Keys in memory: for tests, and for one process that needs nothing to outlive it. */
export function createMemoryKeyStore(): KeyStore {
  const keys = new Map<string, Map<string, Buffer>>();
  const current = new Map<string, SubjectKey>();
  return {
    name: 'memory',
    async currentKey(subject) {
      const existing = current.get(subject);
      if (existing) return existing;
      const made = newSubjectKey();
      current.set(subject, made);
      const ofSubject = keys.get(subject) ?? new Map<string, Buffer>();
      ofSubject.set(made.id, Buffer.from(made.key));
      keys.set(subject, ofSubject);
      return made;
    },
    async findKey(subject, id) {
      return keys.get(subject)?.get(id);
    },
    async forget(subject) {
      const ofSubject = keys.get(subject);
      current.get(subject)?.key.fill(0);
      current.delete(subject);
      keys.delete(subject);
      if (!ofSubject) return 0;
      for (const key of ofSubject.values()) key.fill(0);
      return ofSubject.size;
    },
  };
}
