// The ledger's one walk over the data it appends (check, deeply frozen copy and canonical JSON
// at once) and the sealed envelopes it hands its store, which the store kit takes as they are.
// Held to the independent writer (`hashEvent`, the careful canonical encoder) for any data, and
// proven not to let anything unchecked through: a copy of a sealed envelope is checked in full.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { z } from 'zod';
import {
  createEventRegistry,
  createLedger,
  defineEvent,
  isValidationError,
  type Actor,
  type EventStore,
  type EventToAppend,
} from '@gridledger/core';
import { canonicalJson, hashEvent, hashInputOf, verifyStream } from '@gridledger/core/audit';
import { createMemoryEventStore } from './__fixtures__/memoryStore.js';
import { collect } from './__fixtures__/stores.js';
import { encodeCanonical, sealedCopy } from './canonical.js';
import { frozenJsonCopy } from './storeKit/jsonShape.js';

const NoteTaken = defineEvent({ type: 'NoteTaken', schema: z.object({ note: z.json() }) });
const registry = createEventRegistry([NoteTaken]);
const officer: Actor = { id: 'officer-jiang', role: 'community-police-officer' };

/**
 * Keys that test the walk's order and copying: index-like keys, escapes, Unicode. An own
 * `__proto__` key is left to the walk's own test: zod's `z.json()` and records drop it (strict
 * objects refuse it) before the ledger's walk sees the data.
 */
const key = fc
  .oneof(
    fc.constantFrom('10', '9', '0', '01', 'constructor', 'a"b', 'é', 'Z', 'z', '😀'),
    fc.string({ maxLength: 4 }),
  )
  .filter((k) => k !== '__proto__');
const leaf = fc.oneof(
  fc.constantFrom(-0, 0, 1e21, 1.5, -7, true, false, null, '', 'a\u0000b', '"\\\n', '徐😀'),
  fc.string({ maxLength: 6 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);
const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(key, tie('value'), { maxKeys: 6 }),
  ),
})).value;

function deepFrozen(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return true;
  return Object.isFrozen(value) && Object.values(value).every(deepFrozen);
}

/** A memory store that also keeps every envelope the ledger handed it. */
function capturing(): { store: EventStore; handed: EventToAppend[] } {
  const inner = createMemoryEventStore();
  const handed: EventToAppend[] = [];
  const store: EventStore = {
    ...inner,
    append: (streamId, events, options) => {
      handed.push(...(events as EventToAppend[]));
      return inner.append(streamId, events, options);
    },
  };
  return { store, handed };
}

describe('sealed appends', () => {
  it('stores a frozen copy whose hash the independent writer recomputes, for any JSON data', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(json, { minLength: 1, maxLength: 3 }),
        fc.option(fc.constantFrom('cause-1', 'cause "quoted"'), { nil: undefined }),
        async (notes, causationId) => {
          const { store } = capturing();
          const ledger = createLedger({ store, registry });
          const events = notes.map((note) => ({ type: 'NoteTaken', data: { note } }));
          await ledger.append('notes-1', events, {
            expectedVersion: 'no-stream',
            actor: officer,
            ...(causationId === undefined ? {} : { causationId }),
          });
          await ledger.append('notes-1', [events[0]!], {
            expectedVersion: notes.length - 1,
            actor: officer,
          });
          const stored = await collect(store.readStream('notes-1'));
          expect(stored).toHaveLength(notes.length + 1);
          for (const [i, event] of stored.entries()) {
            const note = i < notes.length ? notes[i] : notes[0];
            expect(canonicalJson(event.data)).toBe(canonicalJson({ note }));
            expect(deepFrozen(event.data)).toBe(true);
            expect(event.metadata.hash).toBe(hashEvent(hashInputOf(event)));
          }
          expect((await verifyStream(store, 'notes-1')).ok).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('keeps the same hash as the careful writer for keys a plain object reorders', async () => {
    const { store } = capturing();
    const ledger = createLedger({ store, registry });
    const note = { b: 3, '10': 1, '9': 2, __proto__: null, é: [-0, { z: 1, Z: 2 }] };
    await ledger.append('notes-2', [{ type: 'NoteTaken', data: { note } }], {
      expectedVersion: 'no-stream',
      actor: officer,
    });
    const [event] = await collect(store.readStream('notes-2'));
    expect(event!.metadata.hash).toBe(hashEvent(hashInputOf(event!)));
    expect(canonicalJson(event!.data)).toBe('{"note":{"10":1,"9":2,"b":3,"é":[0,{"Z":2,"z":1}]}}');
  });

  it('walks any JSON value as the careful writer and the stores’ copy do, `__proto__` included', () => {
    const withProto = (value: unknown): unknown => {
      const out = {};
      Object.defineProperty(out, '__proto__', { value, enumerable: true, writable: true });
      return out;
    };
    fc.assert(
      fc.property(fc.oneof(json, json.map(withProto)), (value) => {
        const sealed = sealedCopy(value);
        expect(sealed).toBeDefined();
        expect(sealed?.json).toBe(encodeCanonical(value, { subject: 'value', storable: true }));
        const copy = sealed?.copy;
        // toEqual: toStrictEqual compares an own `constructor` key as if it were the class.
        expect(copy).toEqual(frozenJsonCopy(value, 'data'));
        expect(deepFrozen(copy)).toBe(true);
      }),
      { numRuns: 300 },
    );
    expect(sealedCopy({ bad: '\udc00' })).toBeUndefined();
    expect(sealedCopy({ bad: [1, undefined] })).toBeUndefined();
    expect(sealedCopy({ at: new Date(0) })).toBeUndefined();
  });

  it('hands its store frozen envelopes, which the store keeps without copying them again', async () => {
    const { store, handed } = capturing();
    const ledger = createLedger({ store, registry });
    await ledger.append('notes-3', [{ type: 'NoteTaken', data: { note: { a: [1, 2] } } }], {
      expectedVersion: 'no-stream',
      actor: officer,
    });
    const [envelope] = handed;
    expect(deepFrozen(envelope)).toBe(true);
    const other = createMemoryEventStore();
    await other.append('notes-3', [envelope!], { expectedVersion: 'no-stream' });
    const [kept] = await collect(other.readStream('notes-3'));
    expect(kept!.data).toBe(envelope!.data);
  });

  it('checks and copies in full a copy of a sealed envelope, whatever it carries', async () => {
    const { store, handed } = capturing();
    const ledger = createLedger({ store, registry });
    await ledger.append('notes-4', [{ type: 'NoteTaken', data: { note: 'first' } }], {
      expectedVersion: 'no-stream',
      actor: officer,
    });
    const sealed = handed[0]!;
    const other = createMemoryEventStore();
    const bad = { ...sealed, data: { note: Number.NaN } };
    const error = await other.append('notes-4', [bad], { expectedVersion: 'no-stream' }).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(isValidationError(error)).toBe(true);
    expect((error as { issues: { path: string }[] }).issues[0]!.path).toBe('events.0.data.note');

    const given = { note: { changed: true } };
    await other.append('notes-4', [{ ...sealed, data: given }], { expectedVersion: 'no-stream' });
    const [kept] = await collect(other.readStream('notes-4'));
    expect(kept!.data).toEqual(given);
    expect(kept!.data).not.toBe(given);
    expect(deepFrozen(kept!.data)).toBe(true);
  });

  it('refuses data no store can keep with the careful writer’s error, writing nothing', async () => {
    const { store } = capturing();
    const ledger = createLedger({ store, registry });
    const error = await ledger
      .append('notes-5', [{ type: 'NoteTaken', data: { note: { text: 'cut \ud83d' } } }], {
        expectedVersion: 'no-stream',
        actor: officer,
      })
      .then(
        () => undefined,
        (caught: unknown) => caught,
      );
    expect(isValidationError(error)).toBe(true);
    expect((error as { issues: { path: string }[] }).issues[0]!.path).toMatch(/note\.text$/);
    expect(await collect(store.readAll())).toEqual([]);
  });
});
