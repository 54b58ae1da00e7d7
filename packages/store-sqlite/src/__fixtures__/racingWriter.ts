// A child process that races another for every version of one stream: for each version it
// appends one event expecting the version before, and reports which it won and which it lost.
// Between attempts it also appends a batch to a stream of its own, so the global log interleaves.
// Usage: racingWriter.ts <file> <stream> <versions> <writer-name>
import { createInterface } from 'node:readline';
import { isConcurrencyConflict } from '@gridledger/core';
import { makeEvent, makeEvents } from '@gridledger/store-conformance';
import { openSqliteEventStore } from '@gridledger/store-sqlite';

const [file, stream, versions, writer] = process.argv.slice(2) as [string, string, string, string];
const store = openSqliteEventStore(file, { busyTimeoutMs: 30_000 });
const print = (value: unknown): void => void process.stdout.write(`${JSON.stringify(value)}\n`);

// Both writers start on the parent's word, so their attempts overlap.
const input = createInterface({ input: process.stdin });
print({ ready: writer });
await new Promise<void>((resolve) => input.once('line', () => resolve()));
input.close();

const won: number[] = [];
const lost: { version: number; actual: number | 'no-stream' }[] = [];
const own: string[] = [];
for (let version = 0; version < Number(versions); version++) {
  const event = makeEvent({ type: 'PatrolObservationLogged', data: { writer, version } });
  try {
    await store.append(stream, [event], {
      expectedVersion: version === 0 ? 'no-stream' : version - 1,
    });
    won.push(version);
  } catch (error) {
    if (!isConcurrencyConflict(error)) throw error;
    lost.push({ version, actual: error.actual });
  }
  const batch = makeEvents(1 + (version % 3), { type: 'PatrolStarted', data: { writer } });
  await store.append(`${stream}-${writer}`, batch, { expectedVersion: 'any' });
  own.push(...batch.map((e) => e.id));
}
await store.close();
print({ writer, won, lost, own });
