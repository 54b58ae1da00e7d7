// The one list of aggregates is complete, and everything derived from it follows it: an aggregate
// folder left out of the list, or an event left out of the registry, fails here.
import { readdirSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as core from '@gridledger/core';
import { createEventRegistry, gridledgerAggregates, gridledgerEvents } from '@gridledger/core';
import { erasureEvents } from '../eventsourcing/personal/forget.js';

const here = dirname(fileURLToPath(import.meta.url));

const isAggregate = (value: unknown): value is core.AggregateType<never, never, unknown> =>
  typeof value === 'object' &&
  value !== null &&
  'streamPrefix' in value &&
  'decide' in value &&
  'evolve' in value &&
  'events' in value;

describe('gridledgerAggregates', () => {
  it('holds every aggregate a domain folder defines', async () => {
    const defined: unknown[] = [];
    for (const folder of readdirSync(here)) {
      const index = join(here, folder, 'index.ts');
      if (!existsSync(index)) continue;
      const module = (await import(index)) as Record<string, unknown>;
      defined.push(...Object.values(module).filter(isAggregate));
    }
    expect(defined.length).toBeGreaterThanOrEqual(5);
    expect(new Set(defined)).toEqual(new Set(gridledgerAggregates));
  });

  it('is exported from @gridledger/core, each aggregate under its own name', () => {
    for (const aggregate of gridledgerAggregates) {
      expect((core as Record<string, unknown>)[aggregate.name], aggregate.name).toBe(aggregate);
    }
  });

  it('gives each aggregate its own stream prefix and its own event types', () => {
    const prefixes = gridledgerAggregates.map((aggregate) => aggregate.streamPrefix);
    expect(new Set(prefixes).size).toBe(prefixes.length);
    const types = gridledgerAggregates.flatMap((a) => a.events.map((event) => event.type));
    expect(new Set(types).size).toBe(types.length);
  });

  it('is where gridledgerEvents comes from: every event of every aggregate, in list order', () => {
    // …followed by the kernel's own record of erasures, which belongs to no aggregate.
    expect(gridledgerEvents).toEqual([
      ...gridledgerAggregates.flatMap((a) => [...a.events]),
      ...erasureEvents,
    ]);
    const registry = createEventRegistry(gridledgerEvents);
    for (const aggregate of gridledgerAggregates) {
      for (const event of aggregate.events) expect(registry.has(event.type), event.type).toBe(true);
    }
  });
});
