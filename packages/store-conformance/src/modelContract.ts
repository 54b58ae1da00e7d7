// The model-based contract: fast-check runs random sequences of appends and reads against a
// fresh store and a simple model (a Map of arrays and one global array); they must agree.
import fc from 'fast-check';
import type { GlobalFilter, ReadStreamOptions } from '@gridledger/core';
import { describe, it } from 'vitest';
import {
  propertyParameters,
  resolveOptions,
  withStore,
  type ContractOptions,
  type StoreFactory,
} from './harness.js';
import { emptyModel } from './model.js';
import {
  AppendCommand,
  ReadAllCommand,
  ReadStreamCommand,
  type ExpectedChoice,
} from './modelCommands.js';

const streams = ['dispute-1', 'dispute-2', 'visit-1', 'patrol-1', 'dispute-10'];
const types = ['DisputeReported', 'DisputeClassified', 'VisitConducted', 'HazardFound'];

const expectedChoice: fc.Arbitrary<ExpectedChoice> = fc.oneof(
  { weight: 4, arbitrary: fc.constant('current' as const) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 6 }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom('no-stream' as const, 'stream-exists' as const, 'any' as const),
  },
);

const streamOptions: fc.Arbitrary<ReadStreamOptions> = fc.record(
  {
    direction: fc.constantFrom('forwards' as const, 'backwards' as const),
    fromVersion: fc.nat({ max: 8 }),
    limit: fc.nat({ max: 5 }),
  },
  { requiredKeys: [] },
);

const globalFilter: fc.Arbitrary<GlobalFilter> = fc.record(
  {
    types: fc.uniqueArray(fc.constantFrom(...types), { minLength: 1, maxLength: 2 }),
    streamPrefix: fc.constantFrom('dispute-', 'dispute-1', 'visit-', 'p'),
  },
  { requiredKeys: [] },
);

const commands = [
  fc
    .tuple(
      fc.constantFrom(...streams),
      fc.array(fc.constantFrom(...types), { minLength: 1, maxLength: 4 }),
      expectedChoice,
    )
    .map(([stream, batch, choice]) => new AppendCommand(stream, batch, choice)),
  fc
    .tuple(fc.constantFrom(...streams), streamOptions)
    .map(([stream, options]) => new ReadStreamCommand(stream, options)),
  fc
    .tuple(
      fc.option(fc.nat(), { nil: null }),
      globalFilter,
      fc.option(fc.nat({ max: 6 }), { nil: undefined }),
    )
    .map(([after, filter, limit]) => new ReadAllCommand(after, filter, limit)),
];

export function describeModelContract(
  name: string,
  factory: StoreFactory,
  options?: ContractOptions,
): void {
  const resolved = resolveOptions(options);
  describe(`${name}: model-based`, () => {
    it('agrees with the model on random appends and reads', async () => {
      await fc.assert(
        fc.asyncProperty(fc.commands(commands, { maxCommands: 40 }), async (run) => {
          await withStore(factory, async (store) => {
            await fc.asyncModelRun(() => ({ model: emptyModel(), real: store }), run);
          });
        }),
        propertyParameters(resolved),
      );
    });
  });
}
