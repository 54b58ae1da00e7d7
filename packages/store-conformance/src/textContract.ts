// Text every store keeps exactly: any well-formed Unicode (CJK, emoji, astral characters, NUL
// inside data) round-trips unchanged, and a string that is not Unicode text — a lone UTF-16
// surrogate, what an app gets by cutting a string inside an emoji — is refused at every place of
// an append with a ValidationError naming it, as is NUL in an identifier. Before this rule SQLite
// turned lone surrogates into U+FFFD, so two different disputes could share one stream.
import fc from 'fast-check';
import { isValidationError, type EventToAppend, type StoredEvent } from '@gridledger/core';
import { describe, expect, it } from 'vitest';
import { makeEvent, makeEvents } from './events.js';
import {
  collect,
  propertyParameters,
  rejectionOf,
  resolveOptions,
  withStore,
  type ContractOptions,
  type StoreFactory,
} from './harness.js';

/** Characters that every store must keep, and the two kinds that break a string. */
const piece = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('a', 'Z', '徐', '尚', 'é', ' ', '-', '"', '\\', '\n') },
  { weight: 3, arbitrary: fc.constantFrom('😀', '🇨🇳', '𝄞', '👨‍👩‍👧') },
  { weight: 1, arbitrary: fc.constantFrom('\ud83d', '\ude00', '\udbff') },
  { weight: 1, arbitrary: fc.constant('\u0000') },
);
const text = fc.array(piece, { maxLength: 5 }).map((pieces) => pieces.join(''));

/** Checked with the engine's own test, not the kernel's, so the suite judges independently. */
const wellFormed = (s: string): boolean =>
  (s as unknown as { isWellFormed(): boolean }).isWellFormed();
const identifier = (s: string): boolean => wellFormed(s) && !s.includes('\u0000');

interface Attempt {
  readonly streamId: string;
  readonly event: EventToAppend;
  /** Whether every store must accept it. */
  readonly valid: boolean;
}

const attempt: fc.Arbitrary<Attempt> = fc
  .record({
    stream: text,
    // A ULID spoilt by what breaks any identifier, or a ULID as it is (some stores need ULIDs).
    idSpoilt: fc.option(fc.constantFrom('\ud83d', '\u0000', '\ude00'), { nil: undefined }),
    type: text,
    key: text,
    value: text,
    item: text,
    actorId: text,
    role: text,
    name: fc.option(text, { nil: undefined }),
    occurredAt: text,
    correlationId: text,
    causationId: fc.option(text, { nil: undefined }),
    prevHash: fc.option(text, { nil: null }),
    hash: text,
  })
  .map((r) => {
    const base = makeEvent();
    const id = r.idSpoilt === undefined ? base.id : `${base.id.slice(0, 20)}${r.idSpoilt}`;
    const streamId = `s-${r.stream}`;
    const type = `T${r.type}`;
    const actor =
      r.name === undefined
        ? { id: `a${r.actorId}`, role: `r${r.role}` }
        : { id: `a${r.actorId}`, role: `r${r.role}`, name: r.name };
    const event: EventToAppend = {
      id,
      type,
      schemaVersion: 1,
      data: { [`k${r.key}`]: r.value, items: [r.item, { nested: r.value }] },
      metadata: {
        actor,
        occurredAt: r.occurredAt,
        recordedAt: '2024-07-01T09:30:00.000Z',
        correlationId: r.correlationId,
        ...(r.causationId === undefined ? {} : { causationId: r.causationId }),
        prevHash: r.prevHash,
        hash: r.hash,
      },
    };
    const texts = [
      r.key,
      r.value,
      r.item,
      r.actorId,
      r.role,
      r.occurredAt,
      r.correlationId,
      r.hash,
    ];
    for (const optional of [r.name, r.causationId, r.prevHash]) {
      if (typeof optional === 'string') texts.push(optional);
    }
    const valid = [streamId, id, type].every(identifier) && texts.every(wellFormed);
    return { streamId, event, valid };
  });

function sameEvent(read: StoredEvent | undefined, sent: EventToAppend, streamId: string): void {
  expect(read).toBeDefined();
  expect(read!.streamId).toBe(streamId);
  expect(read!.id).toBe(sent.id);
  expect(read!.type).toBe(sent.type);
  expect(read!.data).toStrictEqual(sent.data);
  expect(read!.metadata).toStrictEqual(sent.metadata);
}

export function describeTextContract(
  name: string,
  factory: StoreFactory,
  options?: ContractOptions,
): void {
  const resolved = resolveOptions(options);
  describe(`${name}: text`, () => {
    it('keeps well-formed text exactly and refuses a lone surrogate anywhere in an append', async () => {
      await fc.assert(
        fc.asyncProperty(attempt, async ({ streamId, event, valid }) => {
          await withStore(factory, async (store) => {
            const appending = store.append(streamId, [event], { expectedVersion: 'no-stream' });
            if (!valid) {
              const error = await rejectionOf(appending);
              expect(isValidationError(error), String(error)).toBe(true);
              expect(await collect(() => store.readAll())).toEqual([]);
              return;
            }
            await appending;
            sameEvent((await collect(() => store.readStream(streamId)))[0], event, streamId);
            sameEvent((await collect(() => store.readAll()))[0], event, streamId);
          });
        }),
        propertyParameters(resolved),
      );
    });

    it('keeps apart stream ids that differ only in a surrogate, refusing the broken one', async () => {
      await withStore(factory, async (store) => {
        const whole = 'dispute-徐商😀';
        const cut = whole.slice(0, -1);
        await store.append(whole, makeEvents(1), { expectedVersion: 'no-stream' });
        const error = await rejectionOf(
          store.append(cut, makeEvents(1), { expectedVersion: 'any' }),
        );
        expect(isValidationError(error)).toBe(true);
        expect(error).toMatchObject({ issues: [{ path: 'streamId' }] });
        const read = await rejectionOf(collect(() => store.readStream(cut)));
        expect(isValidationError(read)).toBe(true);
        expect((await collect(() => store.readStream(whole))).length).toBe(1);
      });
    });

    it('refuses a filter no stored identifier could match', async () => {
      await withStore(factory, async (store) => {
        await store.append('dispute-1', makeEvents(1), { expectedVersion: 'no-stream' });
        for (const filter of [{ streamPrefix: 'dispute-\ud83d' }, { types: ['Dispute\u0000'] }]) {
          const error = await rejectionOf(collect(() => store.readAll(filter)));
          expect(isValidationError(error)).toBe(true);
        }
      });
    });
  });
}
