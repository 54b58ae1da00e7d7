import { describe, expect, expectTypeOf, it } from 'vitest';
import type { DisputeEventOf, DisputeEvent, MediationLevel, RecordedEvent } from '@gridledger/core';
import {
  allReadModels,
  createReadModels,
  defineProjection,
  listReadModels,
  liveKeyOf,
  rebuildKeyOf,
  type EventsOfType,
} from '@gridledger/projections';

describe('projections as data', () => {
  it('type each handler by its event, and require one handler per event type read', () => {
    type Read = EventsOfType<DisputeEvent, 'DisputeResolved' | 'DisputeClosed'>;
    const levels = defineProjection<{ levels: MediationLevel[] }, Read>({
      name: 'levels',
      version: 1,
      initialState: () => ({ levels: [] }),
      handlers: {
        DisputeResolved: (state, event) => {
          expectTypeOf(event).toEqualTypeOf<RecordedEvent<DisputeEventOf<'DisputeResolved'>>>();
          expectTypeOf(event.data.level).toEqualTypeOf<MediationLevel>();
          return { levels: [...state.levels, event.data.level] };
        },
        DisputeClosed: (state) => state,
      },
    });
    expect(levels.eventTypes).toEqual(['DisputeResolved', 'DisputeClosed']);
    expectTypeOf(levels.eventTypes).toEqualTypeOf<
      readonly ('DisputeResolved' | 'DisputeClosed')[]
    >();

    defineProjection<{ n: number }, Read>({
      name: 'incomplete',
      version: 1,
      initialState: () => ({ n: 0 }),
      // @ts-expect-error: DisputeClosed has no handler
      handlers: { DisputeResolved: (state) => state },
    });
  });

  it('refuses a handler that is not a function, naming it', () => {
    expect(() =>
      defineProjection<object, { type: 'A'; data: unknown }>({
        name: 'broken',
        version: 1,
        initialState: () => ({}),
        handlers: { A: 'nope' as never },
      }),
    ).toThrow(/handlers\.A: must be a function/);
  });

  it('keeps the live model and its rebuild under distinct keys', () => {
    expect(liveKeyOf({ name: 'coverage' })).toBe('coverage');
    expect(rebuildKeyOf({ name: 'coverage', version: 3 })).toBe('coverage@v3#rebuild');
  });

  it('lists every read model once, and one list per time zone', () => {
    const names = allReadModels.map((p) => p.name);
    expect(names).toEqual([
      'resolution-rate',
      'where-settled',
      'timeliness',
      'escalations',
      'incidence',
      'satisfaction',
      'coverage',
      'public-order',
    ]);
    expect(listReadModels({ timeZone: 'Europe/London' }).map((p) => p.name)).toEqual(
      names.map((n) => `${n}(Europe/London)`),
    );
    expect(createReadModels({ timeZone: 'Asia/Shanghai' }).coverage.name).toBe('coverage');
    for (const projection of allReadModels) {
      expect(projection.description.length).toBeGreaterThan(0);
      expect(projection.eventTypes.length).toBeGreaterThan(0);
    }
  });
});
