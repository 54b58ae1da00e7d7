// A child process that appends, through the ledger (validated, hash-chained), to streams every
// other appender shares, retrying each batch on a conflict until it lands; it reports what it
// appended and where. Usage: appender.ts <url> <schema> <writer> <batches> <streams>
import { createInterface } from 'node:readline';
import {
  createEventRegistry,
  createLedger,
  gridledgerEvents,
  isConcurrencyConflict,
} from '@gridledger/core';
import { openPostgresEventStore } from '@gridledger/store-postgres';

const [url, schema, writer, batches, streams] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
  string,
];
const store = await openPostgresEventStore(url, { schema, maxConnections: 2 });
const ledger = createLedger({ store, registry: createEventRegistry(gridledgerEvents) });
const print = (value: unknown): void => void process.stdout.write(`${JSON.stringify(value)}\n`);

// Every appender starts on the parent's word, so their appends overlap.
const input = createInterface({ input: process.stdin });
print({ ready: writer });
await new Promise<void>((resolve) => input.once('line', () => resolve()));
input.close();

const appended: { stream: string; position: string; count: number }[] = [];
let conflicts = 0;
for (let b = 0; b < Number(batches); b++) {
  const stream = `patrol-shared-${b % Number(streams)}`;
  const events = Array.from({ length: 1 + (b % 3) }, (_, i) => ({
    type: 'PatrolObservationLogged',
    data: { observationId: `${writer}-${b}-${i}`, grid: 'xuzhai-07', note: `${writer} 巡逻 ${b}` },
  }));
  for (;;) {
    try {
      const result = await ledger.append(stream, events, {
        expectedVersion: 'any',
        actor: { id: writer, role: 'patrol-member' },
      });
      appended.push({ stream, position: result.position, count: events.length });
      break;
    } catch (error) {
      if (!isConcurrencyConflict(error)) throw error;
      conflicts++;
    }
  }
}
await store.close();
print({ writer, appended, conflicts });
