// A child process that appends one batch to a file and exits, to show other processes' commits
// reaching a subscriber. Usage: appendOnce.ts <file> <stream> <count>
import { makeEvents } from '@gridledger/store-conformance';
import { openSqliteEventStore } from '@gridledger/store-sqlite';

const [file, stream, count] = process.argv.slice(2) as [string, string, string];
const store = openSqliteEventStore(file);
const events = makeEvents(Number(count), (i) => ({ type: 'PatrolObservationLogged', data: { i } }));
const result = await store.append(stream, events, { expectedVersion: 'any' });
await store.close();
process.stdout.write(`${JSON.stringify({ ids: events.map((e) => e.id), ...result })}\n`);
