// Test-only: run in a process of its own by the hang suite. For each server given, connects the
// client package to it through the adapter, tries each kind of call once, prints how each ended
// (one JSON line each) and closes the store; then it does nothing more: the process must exit by
// itself.
//   node --conditions=@gridledger/source --import tsx hungServerProbe.ts <client> <deadline> <url>…
import { createRequire } from 'node:module';
import { createUlidFactory, type GridledgerError } from '@gridledger/core';
import { createEventStoreDbEventStore } from '../index.js';
import type { EsdbClientLike } from '../clientLike.js';

const [clientPackage = '', deadline = '1000', ...servers] = process.argv.slice(2);
const load = createRequire(import.meta.url);
const exported = load(clientPackage) as Record<
  string,
  { connectionString(connectionString: string): EsdbClientLike }
>;
const Client = exported['KurrentDBClient'] ?? exported['EventStoreDBClient'];
if (Client === undefined) throw new Error(`${clientPackage} exports no client`);

const newEvent = createUlidFactory();
function event() {
  const id = newEvent();
  const metadata = {
    actor: { id: 'patrol-team', role: 'volunteer' },
    occurredAt: '2024-08-01T20:00:00.000Z',
    recordedAt: '2024-08-01T20:00:00.000Z',
    correlationId: id,
    prevHash: null,
    hash: id,
  };
  return { id, type: 'PatrolStarted', schemaVersion: 1, data: {}, metadata };
}

async function drain(events: AsyncIterable<unknown>): Promise<void> {
  for await (const _ of events) return;
}

for (const [server, connectionString] of servers.entries()) {
  const store = createEventStoreDbEventStore(Client.connectionString(connectionString), {
    deadline: Number(deadline),
    disposeClientOnClose: true,
  });
  const calls: Record<string, () => Promise<unknown>> = {
    append: () => store.append('patrol-1', [event()], { expectedVersion: 'no-stream' }),
    readStream: () => drain(store.readStream('patrol-1')),
    readAll: () => drain(store.readAll()),
    subscribe: () => drain(store.subscribe()),
  };
  for (const [call, run] of Object.entries(calls)) {
    const started = Date.now();
    const outcome = await run().then(
      () => ({ server, call, ok: true }),
      (error: GridledgerError) => ({ server, call, code: error.code, message: error.message }),
    );
    console.log(JSON.stringify({ ...outcome, ms: Date.now() - started }));
  }
  const closing = Date.now();
  await store.close();
  console.log(JSON.stringify({ server, call: 'close', ok: true, ms: Date.now() - closing }));
}
