// One owner per red micro-grid, even when offices assign at once: every interleaving that
// fast-check's scheduler picks of concurrent assignments ends with exactly one owner.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GridMember, assignGridOwner, isRuleViolation, ownsGrid } from '@gridledger/core';
import { createMemoryEventStore } from '../../eventsourcing/__fixtures__/memoryStore.js';
import { createWorld, enrol } from '../__fixtures__/world.js';
import { scheduledStore } from './__fixtures__/scheduledStore.js';

const candidates = ['m-li', 'm-wu', 'm-ma', 'm-zhou'];

describe('one owner per red micro-grid under concurrent assignment', () => {
  it('lets exactly one of several offices win; the others get grid.already-owned', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.scheduler(),
        fc.integer({ min: 2, max: candidates.length }),
        fc.boolean(),
        async (s, offices, ownerRetires) => {
          const memory = createMemoryEventStore();
          const setup = createWorld(memory);
          for (const id of candidates) await enrol(setup, id);
          if (ownerRetires) {
            // A previous owner who has since retired: their claim is stale and must give way.
            await enrol(setup, 'm-old');
            await assignGridOwner(setup.ledger, { memberId: 'm-old', grid: 'g-7' }, setup);
            await setup.members('m-old', { type: 'retireGridMember', data: {} }, setup);
          }
          const world = createWorld(scheduledStore(memory, s));
          const contenders = candidates.slice(0, offices);
          const outcomes = contenders.map((memberId) =>
            assignGridOwner(world.ledger, { memberId, grid: 'g-7' }, world, {
              maxRetries: 20,
            }).then(
              () => 'won' as const,
              (error: unknown) => {
                if (isRuleViolation(error) && error.rule === 'grid.already-owned') return 'lost';
                throw error;
              },
            ),
          );
          await s.waitFor(Promise.all(outcomes));
          const results = await Promise.all(outcomes);
          expect(results.filter((r) => r === 'won')).toHaveLength(1);

          const owners = [];
          for (const id of [...contenders, 'm-old']) {
            const { state } = await setup.ledger.load(GridMember, id);
            if (ownsGrid(state, 'g-7')) owners.push(id);
          }
          expect(owners).toEqual([contenders[results.indexOf('won')]]);
        },
      ),
      { numRuns: 60 },
    );
  });
});
