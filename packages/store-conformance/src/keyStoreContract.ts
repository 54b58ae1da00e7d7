// The contract every KeyStore meets (memory, SQLite, PostgreSQL, a KMS adapter): one current key
// per subject, kept until the subject is forgotten, then gone for good.
import type { KeyStore } from '@gridledger/core';
import { describe, expect, it } from 'vitest';

export interface KeyStoreUnderTest {
  readonly keys: KeyStore;
  close(): Promise<void>;
}

/** Runs the contract; `open` gives a fresh, empty key store each time. */
export function describeKeyStoreContract(
  name: string,
  open: () => Promise<KeyStoreUnderTest>,
): void {
  const withKeys = async (work: (keys: KeyStore) => Promise<void>): Promise<void> => {
    const opened = await open();
    try {
      await work(opened.keys);
    } finally {
      await opened.close();
    }
  };

  describe(`${name}: the KeyStore contract`, () => {
    it('makes one 32-byte key per subject and gives the same one back', () =>
      withKeys(async (keys) => {
        const first = await keys.currentKey('household:h-1');
        expect(first.key).toHaveLength(32);
        expect(first.id).toMatch(/^\S+$/);
        const again = await keys.currentKey('household:h-1');
        expect(again.id).toBe(first.id);
        expect(Buffer.from(again.key).equals(Buffer.from(first.key))).toBe(true);
        const found = await keys.findKey('household:h-1', first.id);
        expect(found && Buffer.from(found).equals(Buffer.from(first.key))).toBe(true);
        const other = await keys.currentKey('household:h-2');
        expect(Buffer.from(other.key).equals(Buffer.from(first.key))).toBe(false);
      }));

    it('finds nothing for a subject or key id it never made', () =>
      withKeys(async (keys) => {
        expect(await keys.findKey('party:dispute-d-1/p-1', 'nope')).toBeUndefined();
        const made = await keys.currentKey('party:dispute-d-1/p-1');
        expect(await keys.findKey('party:dispute-d-1/p-1', `${made.id}x`)).toBeUndefined();
        expect(await keys.findKey('party:dispute-d-1/p-2', made.id)).toBeUndefined();
      }));

    it('forgets every key of a subject and only that subject', () =>
      withKeys(async (keys) => {
        const gone = await keys.currentKey('record:visit-v-1');
        const kept = await keys.currentKey('record:visit-v-2');
        expect(await keys.forget('record:visit-v-1')).toBe(1);
        expect(await keys.findKey('record:visit-v-1', gone.id)).toBeUndefined();
        expect(await keys.findKey('record:visit-v-2', kept.id)).toBeDefined();
        expect(await keys.forget('record:visit-v-1')).toBe(0);
        expect(await keys.forget('record:never')).toBe(0);
      }));

    it('gives a forgotten subject a new key, and forgets old and new together', () =>
      withKeys(async (keys) => {
        const old = await keys.currentKey('member:m-1');
        await keys.forget('member:m-1');
        const fresh = await keys.currentKey('member:m-1');
        expect(fresh.id).not.toBe(old.id);
        expect(await keys.findKey('member:m-1', old.id)).toBeUndefined();
        expect(await keys.findKey('member:m-1', fresh.id)).toBeDefined();
        expect(await keys.forget('member:m-1')).toBe(1);
      }));
  });
}
