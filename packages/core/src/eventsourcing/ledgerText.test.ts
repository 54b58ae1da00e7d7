// What the ledger appends, every store keeps: a string that is not Unicode text (a lone UTF-16
// surrogate) anywhere in an append, NUL in an id, or data nested past the stores' limit is refused
// by the ledger with a ValidationError naming it, before any hash is computed or anything written.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { z } from 'zod';
import { createMemoryEventStore } from './__fixtures__/memoryStore.js';
import {
  createEventRegistry,
  createLedger,
  defineEvent,
  isValidationError,
  type Actor,
  type StoredEvent,
} from '@gridledger/core';
import { hashEvent, hashInputOf, verifyStream } from '@gridledger/core/audit';
import { MAX_JSON_DEPTH } from '@gridledger/core/store';
import { collect } from './__fixtures__/stores.js';

const NoteTaken = defineEvent({ type: 'NoteTaken', schema: z.object({ note: z.json() }) });
const registry = createEventRegistry([NoteTaken]);
const officer: Actor = { id: 'officer-jiang', role: 'community-police-officer' };

const piece = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('a', '徐', 'é', '"', '\n') },
  { weight: 2, arbitrary: fc.constantFrom('😀', '🇨🇳', '𝄞') },
  { weight: 1, arbitrary: fc.constantFrom('\ud83d', '\ude00') },
  { weight: 1, arbitrary: fc.constant('\u0000') },
);
const text = fc.array(piece, { maxLength: 4 }).map((pieces) => pieces.join(''));
const wellFormed = (s: string): boolean =>
  (s as unknown as { isWellFormed(): boolean }).isWellFormed();
const identifier = (s: string): boolean => wellFormed(s) && !s.includes('\u0000');

async function caught(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('ledger text and nesting', () => {
  it('refuses a lone surrogate anywhere in an append, and appends every well-formed string', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          stream: text,
          key: text,
          value: text,
          actorId: text,
          role: text,
          name: fc.option(text, { nil: undefined }),
          correlationId: text,
          causationId: fc.option(text, { nil: undefined }),
        }),
        async (r) => {
          const store = createMemoryEventStore();
          const ledger = createLedger({ store, registry });
          const streamId = `notes-${r.stream}`;
          const actor =
            r.name === undefined
              ? { id: `a${r.actorId}`, role: `r${r.role}` }
              : { id: `a${r.actorId}`, role: `r${r.role}`, name: `n${r.name}` };
          const appending = ledger.append(
            streamId,
            [{ type: 'NoteTaken', data: { note: { [r.key]: [r.value] } } }],
            {
              expectedVersion: 'no-stream',
              actor,
              correlationId: `c${r.correlationId}`,
              ...(r.causationId === undefined ? {} : { causationId: `c${r.causationId}` }),
            },
          );
          const valid =
            [streamId, r.correlationId, r.causationId ?? ''].every(identifier) &&
            [r.key, r.value, r.actorId, r.role, r.name ?? ''].every(wellFormed);
          if (!valid) {
            const error = await caught(appending);
            expect(isValidationError(error), String(error)).toBe(true);
            expect(await collect(store.readAll())).toEqual([]);
            return;
          }
          await appending;
          const [stored] = await collect<StoredEvent>(store.readStream(streamId));
          expect(stored!.data).toEqual({ note: { [r.key]: [r.value] } });
          expect((await verifyStream(store, streamId)).ok).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('names where a lone surrogate is, in data, keys and the actor', async () => {
    const ledger = createLedger({ store: createMemoryEventStore(), registry });
    const cut = '徐商😀'.slice(0, 3);
    const cases: [Promise<unknown>, string][] = [
      [
        ledger.append(
          'notes-1',
          [{ type: 'NoteTaken', data: { note: { parties: ['Xu', cut] } } }],
          {
            expectedVersion: 'any',
            actor: officer,
          },
        ),
        'data.note.parties[1]',
      ],
      [
        ledger.append('notes-1', [{ type: 'NoteTaken', data: { note: { [cut]: 1 } } }], {
          expectedVersion: 'any',
          actor: officer,
        }),
        `data.note.${cut}`,
      ],
      [
        ledger.append('notes-1', [{ type: 'NoteTaken', data: { note: 1 } }], {
          expectedVersion: 'any',
          actor: { ...officer, name: cut },
        }),
        'actor.name',
      ],
      [
        ledger.append(`notes-${cut}`, [{ type: 'NoteTaken', data: { note: 1 } }], {
          expectedVersion: 'any',
          actor: officer,
        }),
        'streamId',
      ],
    ];
    for (const [appending, path] of cases) {
      const error = await caught(appending);
      expect(isValidationError(error), String(error)).toBe(true);
      expect(error).toMatchObject({ issues: [{ path }] });
      expect(JSON.stringify(error)).toContain('lone UTF-16 surrogate');
    }
  });

  it(`refuses data nested past ${MAX_JSON_DEPTH} levels, however deep, as a ValidationError`, async () => {
    const store = createMemoryEventStore();
    const ledger = createLedger({ store, registry });
    const nest = (depth: number): unknown => (depth === 0 ? 'leaf' : [nest(depth - 1)]);
    // `data` is the first level: the note may hold the other 63.
    await ledger.append(
      'notes-1',
      [{ type: 'NoteTaken', data: { note: nest(MAX_JSON_DEPTH - 1) } }],
      {
        expectedVersion: 'no-stream',
        actor: officer,
      },
    );
    for (const depth of [MAX_JSON_DEPTH, 5_000]) {
      const error = await caught(
        ledger.append('notes-1', [{ type: 'NoteTaken', data: { note: nest(depth) } }], {
          expectedVersion: 0,
          actor: officer,
        }),
      );
      expect(isValidationError(error), String(error)).toBe(true);
      expect(JSON.stringify(error)).toContain(`nested more than ${MAX_JSON_DEPTH} levels deep`);
    }
    expect((await collect(store.readAll())).length).toBe(1);
  });

  it('reports data too deep to hash as a ValidationError, not a stack overflow', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 50_000; i++) deep = [deep];
    const event = {
      id: '01J00000000000000000000000',
      type: 'NoteTaken',
      schemaVersion: 1,
      streamId: 'notes-1',
      streamVersion: 0,
      data: { note: deep },
      metadata: {
        actor: officer,
        occurredAt: 'x',
        recordedAt: 'x',
        correlationId: 'c',
        prevHash: null,
        hash: 'h',
      },
    } as unknown as StoredEvent;
    let error: unknown;
    try {
      hashEvent(hashInputOf(event));
    } catch (e) {
      error = e;
    }
    expect(isValidationError(error), String(error)).toBe(true);
  });
});
