// A child process that appends patrol observations through the ledger (hash-chained) in an
// endless loop, printing one line per acknowledged append, until it is killed.
// Usage: crashAppender.ts <file>
import { PatrolObservationLogged, createEventRegistry, createLedger } from '@gridledger/core';
import { openSqliteEventStore } from '@gridledger/store-sqlite';

const [file] = process.argv.slice(2) as [string];
const store = openSqliteEventStore(file);
const ledger = createLedger({ store, registry: createEventRegistry([PatrolObservationLogged]) });
const actor = { id: 'xuzhai-m-12', role: 'grid-worker' };
const print = (value: unknown): void => void process.stdout.write(`${JSON.stringify(value)}\n`);

print({ ready: process.pid });
for (let count = 0; ; count++) {
  const stream = `patrol-${1 + (count % 4)}`;
  const size = 1 + Math.floor(Math.random() * 6);
  // The tag names the append, so the parent can tell whether all of it landed.
  const tag = `${process.pid}-${count}`;
  const events = Array.from({ length: size }, (_, i) => ({
    type: 'PatrolObservationLogged' as const,
    data: {
      observationId: `${tag}-${i}-of-${size}`,
      grid: 'xuzhai-07',
      note: `Round ${count}: east gate lamp still out, noted ${i + 1} of ${size}`,
    },
  }));
  await ledger.append(stream, events, { expectedVersion: 'any', actor });
  print({ acked: tag, stream, size });
}
