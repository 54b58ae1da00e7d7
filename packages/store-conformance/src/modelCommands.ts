// The commands of the model-based contract: random appends (every expected-version form, random
// batch sizes, several streams) and reads, each run against the store and the model together.
import type fc from 'fast-check';
import {
  isConcurrencyConflict,
  isStreamNotFound,
  type EventStore,
  type ExpectedVersion,
  type GlobalFilter,
  type ReadStreamOptions,
} from '@gridledger/core';
import { expect } from 'vitest';
import { makeEvent } from './events.js';
import { collect, rejectionOf } from './harness.js';
import {
  accepts,
  expectedGlobalRead,
  expectedStreamRead,
  lastVersion,
  recordAppend,
  type Model,
} from './model.js';

type Command = fc.AsyncCommand<Model, EventStore>;

/** `current` means "the stream's actual last version", so exact appends often succeed. */
export type ExpectedChoice = ExpectedVersion | 'current';

export class AppendCommand implements Command {
  constructor(
    readonly streamId: string,
    readonly types: readonly string[],
    readonly choice: ExpectedChoice,
  ) {}
  check = (): boolean => true;
  async run(model: Model, store: EventStore): Promise<void> {
    const actual = lastVersion(model, this.streamId);
    const expectedVersion: ExpectedVersion =
      this.choice === 'current' ? (actual === 'no-stream' ? 0 : actual) : this.choice;
    const events = this.types.map((type) => makeEvent({ type }));
    const attempt = store.append(this.streamId, events, { expectedVersion });
    if (!accepts(expectedVersion, actual)) {
      const error = await rejectionOf(attempt);
      expect(isConcurrencyConflict(error)).toBe(true);
      expect(error).toMatchObject({ streamId: this.streamId, expected: expectedVersion, actual });
      return;
    }
    const result = await attempt;
    const added = recordAppend(model, this.streamId, events);
    const last = added[added.length - 1]!;
    expect(result.streamVersion).toBe(last.streamVersion);
    last.position = result.position;
    const positions = result.positions;
    if (positions !== undefined) {
      expect(positions.length).toBe(added.length);
      expect(positions[added.length - 1]).toBe(result.position);
      added.forEach((event, i) => (event.position = positions[i]!));
    }
  }
  toString = (): string =>
    `append(${this.streamId}, [${this.types.join(',')}], ${String(this.choice)})`;
}

export class ReadStreamCommand implements Command {
  constructor(
    readonly streamId: string,
    readonly options: ReadStreamOptions,
  ) {}
  check = (): boolean => true;
  async run(model: Model, store: EventStore): Promise<void> {
    const expected = expectedStreamRead(model, this.streamId, this.options);
    const read = () => collect(() => store.readStream(this.streamId, this.options));
    if (expected === undefined) {
      expect(isStreamNotFound(await rejectionOf(read()))).toBe(true);
      return;
    }
    const events = await read();
    expect(events.map((e) => [e.id, e.streamId, e.streamVersion, e.type])).toEqual(
      expected.map((e) => [e.id, e.streamId, e.streamVersion, e.type]),
    );
  }
  toString = (): string => `readStream(${this.streamId}, ${JSON.stringify(this.options)})`;
}

export class ReadAllCommand implements Command {
  constructor(
    /** Which event to read after (modulo the log's length); null reads from the start. */
    readonly afterPick: number | null,
    readonly filter: GlobalFilter,
    readonly limit: number | undefined,
  ) {}
  check = (): boolean => true;
  async run(model: Model, store: EventStore): Promise<void> {
    const all = await collect(() => store.readAll());
    expect(all.map((e) => [e.id, e.streamId, e.streamVersion])).toEqual(
      model.global.map((e) => [e.id, e.streamId, e.streamVersion]),
    );
    model.global.forEach((e, i) => {
      if (e.position !== undefined) expect(all[i]!.position).toBe(e.position);
    });
    const afterIndex =
      this.afterPick === null || all.length === 0 ? -1 : this.afterPick % all.length;
    const after = afterIndex < 0 ? {} : { after: all[afterIndex]!.position };
    const options = {
      ...this.filter,
      ...after,
      ...(this.limit === undefined ? {} : { limit: this.limit }),
    };
    const expected = expectedGlobalRead(model, afterIndex, this.filter, this.limit);
    const read = await collect(() => store.readAll(options));
    expect(read.map((e) => e.id)).toEqual(expected.map((e) => e.id));
    if (store.countEvents) expect(await store.countEvents(options)).toBe(expected.length);
  }
  toString = (): string =>
    `readAll(after #${String(this.afterPick)}, ${JSON.stringify(this.filter)}, limit ${String(this.limit)})`;
}
