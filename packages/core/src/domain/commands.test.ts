// The command boundary of every aggregate: a field the schema does not know is refused, never
// silently dropped, and an id given twice (handler id and `data.<id field>`) must agree.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  Dispute,
  GridMember,
  GridOwnership,
  Patrol,
  Visit,
  isValidationError,
  type AggregateType,
  type DomainCommand,
  type DomainEvent,
} from '@gridledger/core';
import { parseCommand } from '../eventsourcing/commandBoundary.js';
import {
  disputeSamples,
  gridMemberSamples,
  gridOwnershipSamples,
  patrolSamples,
  visitSamples,
} from './__fixtures__/commandSamples.js';
import { createWorld } from './__fixtures__/world.js';

type AnyAggregate = AggregateType<DomainCommand, DomainEvent, unknown>;
const subjects: readonly { aggregate: AnyAggregate; samples: Record<string, unknown> }[] = [
  { aggregate: Dispute, samples: disputeSamples },
  { aggregate: Visit, samples: visitSamples },
  { aggregate: GridMember, samples: gridMemberSamples },
  { aggregate: Patrol, samples: patrolSamples },
  { aggregate: GridOwnership, samples: gridOwnershipSamples },
];

/** Every object schema reachable from `schema`, with where it sits, e.g. `data.parties[]`. */
function objectSchemas(schema: z.ZodType, at = ''): { at: string; schema: z.ZodType }[] {
  const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
  const inner = (key: string, path = at) => objectSchemas(def[key] as z.ZodType, path);
  switch (def.type) {
    case 'object': {
      const shape = def['shape'] as Record<string, z.ZodType>;
      return [
        { at: at || '(command)', schema },
        ...Object.entries(shape).flatMap(([key, field]) =>
          objectSchemas(field, at ? `${at}.${key}` : key),
        ),
      ];
    }
    case 'union':
      return (def['options'] as z.ZodType[]).flatMap((option) => objectSchemas(option, at));
    case 'array':
      return inner('element', `${at}[]`);
    case 'optional':
    case 'nullable':
    case 'default':
    case 'readonly':
      return inner('innerType');
    case 'pipe':
      return [...inner('in'), ...inner('out')];
    default:
      return [];
  }
}

const isStrict = (schema: z.ZodType): boolean => {
  const catchall = (schema._zod.def as { catchall?: z.ZodType }).catchall;
  return catchall?._zod.def.type === 'never';
};

/** Paths (as key lists) of every plain object inside a JSON value, the root included. */
type Path = readonly (string | number)[];
function objectPaths(value: unknown, path: Path = []): Path[] {
  if (typeof value !== 'object' || value === null) return [];
  const entries: [string | number, unknown][] = Array.isArray(value)
    ? value.map((v, i) => [i, v])
    : Object.entries(value);
  const here: Path[] = Array.isArray(value) ? [] : [path];
  return [...here, ...entries.flatMap(([key, v]): Path[] => objectPaths(v, [...path, key]))];
}

function withExtraKey(command: unknown, path: readonly (string | number)[], key: string) {
  const copy = structuredClone(command) as Record<string | number, unknown>;
  let target = copy;
  for (const step of path) target = target[step] as Record<string | number, unknown>;
  target[key] = 'surprise';
  return copy;
}

describe('every command schema', () => {
  it('has a well-formed sample for every command type of every aggregate', () => {
    for (const { aggregate, samples } of subjects) {
      const def = aggregate.commandSchema._zod.def as unknown as { options: z.ZodType[] };
      const types = def.options.map(
        (option) =>
          (
            (option._zod.def as unknown as { shape: { type: z.ZodType } }).shape.type._zod
              .def as unknown as { values: string[] }
          ).values[0],
      );
      expect(Object.keys(samples).sort(), aggregate.name).toEqual(types.sort());
      for (const sample of Object.values(samples)) parseCommand(aggregate, sample);
    }
  });

  it('is strict at every level: no object in a command lets an unknown field through', () => {
    for (const { aggregate } of subjects) {
      const loose = objectSchemas(aggregate.commandSchema)
        .filter(({ schema }) => !isStrict(schema))
        .map(({ at }) => at);
      expect(loose, `${aggregate.name}: objects that drop unknown fields`).toEqual([]);
    }
  });

  it('refuses an unknown field at any place of any command, naming where it was', () => {
    const cases = subjects.flatMap(({ aggregate, samples }) =>
      Object.values(samples).flatMap((sample) =>
        objectPaths(sample).map((path) => ({ aggregate: aggregate.name, sample, path })),
      ),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...cases),
        fc.oneof(fc.constantFrom('phone', 'idNumber', 'extra', '__proto__'), fc.string()),
        ({ aggregate: name, sample, path }, key) => {
          const aggregate = subjects.find((s) => s.aggregate.name === name)!.aggregate;
          const known = Object.keys(
            path.reduce<Record<string | number, unknown>>(
              (o, step) => o[step] as Record<string | number, unknown>,
              sample as Record<string, unknown>,
            ),
          );
          fc.pre(!known.includes(key) && key !== '__proto__');
          const poked = withExtraKey(sample, path, key);
          let thrown: unknown;
          try {
            parseCommand(aggregate, poked);
          } catch (error) {
            thrown = error;
          }
          expect(isValidationError(thrown), `${name} ${path.join('.')}.${key}`).toBe(true);
          const issues = (thrown as { issues: { path: string; message: string }[] }).issues;
          expect(issues).toContainEqual(
            expect.objectContaining({
              path: path.join('.'),
              message: expect.stringContaining(key) as string,
            }),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses an own __proto__ key, as JSON.parse makes one', () => {
    const poked = JSON.parse(
      '{"type":"closeDispute","data":{"__proto__":{"note":"x"}}}',
    ) as unknown;
    expect(() => parseCommand(Dispute, poked)).toThrowError(/__proto__/);
  });
});

describe('a command handled through the handler', () => {
  it("refuses reportDispute with a party's phone number, and writes nothing", async () => {
    const world = createWorld();
    const { data } = disputeSamples.reportDispute;
    const command = {
      type: 'reportDispute',
      data: { ...data, parties: [{ ...data.parties[0], phone: '13800000000' }] },
    };
    await expect(world.disputes('d-1', command, { actor: world.actor })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [{ path: 'data.parties.0', message: expect.stringContaining('phone') as string }],
    });
    let stored = 0;
    for await (const _ of world.store.readAll()) stored++;
    expect(stored).toBe(0);
  });
});

describe('the id given twice', () => {
  const cases = [
    { handler: 'disputes', sample: disputeSamples.reportDispute, field: 'disputeId' },
    { handler: 'visits', sample: visitSamples.scheduleVisit, field: 'visitId' },
    { handler: 'members', sample: gridMemberSamples.enrolGridMember, field: 'memberId' },
    { handler: 'patrols', sample: patrolSamples.schedulePatrol, field: 'patrolId' },
  ] as const;

  for (const { handler, sample, field } of cases) {
    it(`${sample.type}: refuses data.${field} that names another instance than the handler id`, async () => {
      const world = createWorld();
      const command = { ...sample, data: { ...sample.data, [field]: 'x1' } };
      await expect(world[handler]('x2', command, { actor: world.actor })).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        subject: `command ${sample.type}`,
        issues: [{ path: `data.${field}`, message: expect.stringContaining("'x2'") as string }],
      });
      let stored = 0;
      for await (const _ of world.store.readAll()) stored++;
      expect(stored).toBe(0);
      // The same id in both places is accepted.
      const accepted = await world[handler]('x1', command, { actor: world.actor });
      expect(accepted.streamId.endsWith('-x1')).toBe(true);
    });
  }

  it('every aggregate that repeats its id in a command declares the field', () => {
    const declared = Object.fromEntries(
      subjects.map((s) => [s.aggregate.name, s.aggregate.idField]),
    );
    expect(declared).toEqual({
      Dispute: 'disputeId',
      Visit: 'visitId',
      GridMember: 'memberId',
      Patrol: 'patrolId',
      GridOwnership: 'grid',
    });
  });
});
