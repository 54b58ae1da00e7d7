import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createEventRegistry, defineEvent } from '@gridledger/core';
import type { Position, StoredEvent } from './envelope.js';
import { isCorruptedEvent, isValidationError } from './errors.js';

const DisputeNoted = defineEvent({
  type: 'DisputeNoted',
  schemaVersion: 3,
  schema: z.object({ title: z.string().min(1), grid: z.string(), parties: z.array(z.string()) }),
  upcasters: {
    // v1 had a single `party`; v2 renamed `gridId` to `grid`... in this made-up history.
    1: (d) => {
      const { party, ...rest } = d as { party: string; gridId: string; title: string };
      return { ...rest, parties: [party] };
    },
    2: (d) => {
      const { gridId, ...rest } = d as { gridId: string; title: string; parties: string[] };
      return { ...rest, grid: gridId };
    },
  },
});

const stored = (over: Partial<StoredEvent>): StoredEvent => ({
  id: '01J00000000000000000000000',
  type: 'DisputeNoted',
  schemaVersion: 3,
  streamId: 'dispute-1',
  streamVersion: 4,
  position: '5' as Position,
  data: { title: 't', grid: 'g-01', parties: ['Xu'] },
  metadata: {
    actor: { id: 'm-1', role: 'grid-worker' },
    occurredAt: '2026-06-30T08:00:00.000Z',
    recordedAt: '2026-06-30T08:00:01.000Z',
    correlationId: 'c',
    prevHash: null,
    hash: 'h',
  },
  ...over,
});

describe('event registry', () => {
  const registry = createEventRegistry([DisputeNoted]);

  it('upcasts an old event step by step into the current shape', () => {
    const event = registry.decode(
      stored({ schemaVersion: 1, data: { title: 'TV', gridId: 'g-07', party: 'Shang' } }),
    );
    expect(event.schemaVersion).toBe(3);
    expect(event.data).toEqual({ title: 'TV', grid: 'g-07', parties: ['Shang'] });
  });

  it('trusts current-version events by default and re-checks them when asked', () => {
    const bad = stored({ data: { title: '', grid: 'g', parties: [] } });
    expect(registry.decode(bad).data).toBe(bad.data);
    expect(() => registry.decode(bad, 'never')).toThrowError(/Event 4 of stream 'dispute-1'/);
  });

  it('names stream and version for an unknown type, an unknown version and a schema mismatch', () => {
    const cases: [Partial<StoredEvent>, string][] = [
      [{ type: 'Nope' }, 'unknown-event-type'],
      [{ schemaVersion: 4 }, 'unknown-schema-version'],
      [{ schemaVersion: 2, data: { title: 'x', gridId: 7, parties: [] } }, 'schema-mismatch'],
    ];
    for (const [over, reason] of cases) {
      try {
        registry.decode(stored(over));
        expect.unreachable();
      } catch (e) {
        expect(isCorruptedEvent(e)).toBe(true);
        expect(e).toMatchObject({ streamId: 'dispute-1', streamVersion: 4, reason });
      }
    }
  });

  it('rejects an invalid event before append, naming the field', () => {
    try {
      registry.validate({ type: 'DisputeNoted', data: { title: '', grid: 'g', parties: 'Xu' } });
      expect.unreachable();
    } catch (e) {
      expect(isValidationError(e)).toBe(true);
      const paths = (e as { issues: { path: string }[] }).issues.map((i) => i.path);
      expect(paths).toEqual(expect.arrayContaining(['title', 'parties']));
    }
  });

  it('refuses a registry whose upcaster chain has a gap or an extra step', () => {
    const schema = z.object({});
    expect(() =>
      createEventRegistry([
        defineEvent({ type: 'A', schema, schemaVersion: 3, upcasters: { 1: (d) => d } }),
      ]),
    ).toThrowError(/missing upcaster from v2 to v3/);
    expect(() =>
      createEventRegistry([defineEvent({ type: 'A', schema, upcasters: { 1: (d) => d } })]),
    ).toThrowError(/has no target/);
    expect(() =>
      createEventRegistry([defineEvent({ type: 'A', schema }), defineEvent({ type: 'A', schema })]),
    ).toThrowError(/defined twice/);
  });
});
