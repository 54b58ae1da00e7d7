import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createMemoryEventStore } from './__fixtures__/memoryStore.js';
import { createLedger, isStreamNotFound, type StoredEvent } from '@gridledger/core';
import { hashEvent, hashInputOf, verifyStream } from '@gridledger/core/audit';
import { caseRegistry, type CaseEvent } from './__fixtures__/caseAggregate.js';
import { collect, losingVersion, rawCopy } from './__fixtures__/stores.js';

const notes = ['called', 'met Xu', 'met Shang', 'TV returned', 'deposit refunded', 'banner'];

/** A six-event stream written through the ledger; returns its stored events. */
async function mediation(): Promise<StoredEvent[]> {
  const store = createMemoryEventStore();
  const ledger = createLedger({ store, registry: caseRegistry });
  let version: number | 'no-stream' = 'no-stream';
  for (const [i, note] of notes.entries()) {
    const event: CaseEvent = { type: 'SessionHeld', data: { sessionId: `s-${i}`, note } };
    const actor = { id: i % 2 ? 'director-zhao' : 'officer-jiang', role: 'mediator' };
    ({ streamVersion: version } = await ledger.append('case-1', [event], {
      expectedVersion: version,
      actor,
    }));
  }
  return collect(store.readStream('case-1'));
}

/** Re-hashes an event as if it stood at `streamVersion`, keeping its prevHash. */
function rehash(event: StoredEvent, streamVersion = event.streamVersion): StoredEvent {
  const moved = { ...event, streamVersion };
  return { ...moved, metadata: { ...event.metadata, hash: hashEvent(hashInputOf(moved)) } };
}

const edit = (event: StoredEvent, change: Partial<StoredEvent>): StoredEvent => ({
  ...event,
  ...change,
});

async function verifyCopy(events: StoredEvent[]) {
  return verifyStream(await rawCopy('case-1', events), 'case-1');
}

describe('verifyStream', () => {
  it('accepts a stream written by the ledger and reports its head', async () => {
    const events = await mediation();
    const report = await verifyCopy(events);
    expect(report).toEqual({
      streamId: 'case-1',
      ok: true,
      eventsChecked: 6,
      lastHash: events[5]?.metadata.hash,
    });
  });

  it('names the altered event when any field of it changes', async () => {
    const events = await mediation();
    const e = events[3]!;
    const alterations: StoredEvent[] = [
      edit(e, { data: { sessionId: 's-3', note: 'TV returned.' } }),
      edit(e, { metadata: { ...e.metadata, actor: { id: 'someone-else', role: 'mediator' } } }),
      edit(e, { metadata: { ...e.metadata, occurredAt: '2026-06-01T00:00:00.000Z' } }),
      edit(e, { type: 'CaseClosed' }),
      edit(e, { schemaVersion: 2 }),
      edit(e, { id: '01J00000000000000000000000' }),
      edit(e, { metadata: { ...e.metadata, correlationId: 'other' } }),
    ];
    for (const altered of alterations) {
      const report = await verifyCopy(events.map((x, i) => (i === 3 ? altered : x)));
      expect(report).toMatchObject({
        ok: false,
        eventsChecked: 4,
        lastHash: events[2]?.metadata.hash,
        firstFailure: { streamVersion: 3, eventId: altered.id, reason: 'hash-mismatch' },
      });
    }
  });

  it('names the event now standing where one was removed, or where two were swapped', async () => {
    const events = await mediation();
    const removed = await verifyCopy(events.filter((_, i) => i !== 2));
    expect(removed.firstFailure).toMatchObject({
      streamVersion: 2,
      eventId: events[3]?.id,
      reason: 'hash-mismatch',
    });
    const swapped = await verifyCopy([events[0]!, events[2]!, events[1]!, ...events.slice(3)]);
    expect(swapped.firstFailure).toMatchObject({ streamVersion: 1, eventId: events[2]?.id });
  });

  it('catches an altered event that was re-hashed at the next link, naming both', async () => {
    const events = await mediation();
    const forged = rehash(edit(events[3]!, { data: { sessionId: 's-3', note: 'kept the TV' } }));
    const report = await verifyCopy(events.map((x, i) => (i === 3 ? forged : x)));
    expect(report.firstFailure).toMatchObject({
      streamVersion: 4,
      eventId: events[4]?.id,
      reason: 'chain-broken',
    });
    expect(report.firstFailure?.message).toContain(`the hash of event 3`);
  });

  it('catches removal, reordering and insertion even when moved events are re-hashed', async () => {
    const events = await mediation();
    const removed = events.filter((_, i) => i !== 2).map((e, i) => rehash(e, i));
    expect((await verifyCopy(removed)).firstFailure).toMatchObject({
      streamVersion: 2,
      reason: 'chain-broken',
    });
    const swapped = [events[0]!, rehash(events[2]!, 1), rehash(events[1]!, 2), ...events.slice(3)];
    expect((await verifyCopy(swapped)).firstFailure).toMatchObject({
      streamVersion: 1,
      eventId: events[2]?.id,
      reason: 'chain-broken',
    });
    const intruder = rehash(
      edit(events[2]!, {
        id: '01J99999999999999999999999',
        metadata: { ...events[2]!.metadata, prevHash: events[1]!.metadata.hash },
      }),
    );
    const inserted = [
      ...events.slice(0, 2),
      intruder,
      ...events.slice(2).map((e, i) => rehash(e, i + 3)),
    ];
    expect((await verifyCopy(inserted)).firstFailure).toMatchObject({
      streamVersion: 3,
      reason: 'chain-broken',
    });
  });

  it('requires the first event to start the chain', async () => {
    const events = await mediation();
    const report = await verifyCopy(events.slice(1).map((e, i) => rehash(e, i)));
    expect(report.firstFailure).toMatchObject({ streamVersion: 0, reason: 'chain-broken' });
    expect(report.firstFailure?.message).toMatch(/first event/);
  });

  it('reports a version gap when the store loses an event', async () => {
    const events = await mediation();
    const store = losingVersion(await rawCopy('case-1', events), 2);
    expect((await verifyStream(store, 'case-1')).firstFailure).toMatchObject({
      streamVersion: 3,
      eventId: events[3]?.id,
      reason: 'version-gap',
      message: 'expected stream version 2, found 3: event 2 is missing',
    });
  });

  it('continues from an anchor, which also exposes a fully re-chained forgery', async () => {
    const events = await mediation();
    const anchor = { streamVersion: 1, hash: events[1]!.metadata.hash };
    const store = await rawCopy('case-1', events);
    expect(await verifyStream(store, 'case-1', { after: anchor })).toMatchObject({
      ok: true,
      eventsChecked: 4,
      lastHash: events[5]?.metadata.hash,
    });
    // Rewrite everything from event 1 on, re-chaining every hash: locally consistent...
    const forged: StoredEvent[] = [events[0]!];
    for (const e of events.slice(1)) {
      const prevHash = forged[forged.length - 1]!.metadata.hash;
      forged.push(
        rehash(
          edit(e, { metadata: { ...e.metadata, occurredAt: '2026-05-01T00:00:00Z', prevHash } }),
        ),
      );
    }
    expect(await verifyCopy(forged)).toMatchObject({ ok: true });
    // ...but not against the hash an auditor kept.
    const anchored = await verifyStream(await rawCopy('case-1', forged), 'case-1', {
      after: anchor,
    });
    expect(anchored.firstFailure).toMatchObject({ streamVersion: 2, reason: 'chain-broken' });
  });

  it('throws StreamNotFoundError for a stream that does not exist', async () => {
    const error = await verifyStream(createMemoryEventStore(), 'case-404').catch((e: unknown) => e);
    expect(isStreamNotFound(error)).toBe(true);
  });

  it('names the tampered event for any single-field change anywhere in the stream', async () => {
    const events = await mediation();
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: events.length - 1 }),
        fc.constantFrom('data', 'actor', 'occurredAt', 'recordedAt', 'type', 'prevHash'),
        fc.string({ minLength: 1, maxLength: 8 }),
        async (at, field, text) => {
          const e = events[at]!;
          const m = e.metadata;
          const altered =
            field === 'data'
              ? edit(e, { data: { sessionId: 's', note: `${notes[at]}${text}` } })
              : field === 'type'
                ? edit(e, { type: `${e.type}${text}` })
                : field === 'actor'
                  ? edit(e, {
                      metadata: { ...m, actor: { ...m.actor, id: `${m.actor.id}${text}` } },
                    })
                  : edit(e, { metadata: { ...m, [field]: `${String(m[field])}${text}` } });
          const report = await verifyCopy(events.map((x, i) => (i === at ? altered : x)));
          expect(report.firstFailure).toMatchObject({ streamVersion: at, eventId: e.id });
        },
      ),
      { numRuns: 60 },
    );
  });
});
