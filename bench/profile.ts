// One workload of the memory benchmark alone, to profile it without the other sides around it:
//   node --conditions=@gridledger/source --import tsx --cpu-prof bench/profile.ts single 20000
// Workloads: `single` (one-event appends), `batch` (six-event appends), `load`, `read`. Prints the
// rate and the CPU time per event (user + system, all threads: GC included), not a verdict.
import {
  createEventRegistry,
  createLedger,
  gridledgerEvents,
  streamIdOf,
  type DomainEvent,
} from '@gridledger/core';
import { createMemoryEventStore } from '@gridledger/store-memory';
import { BenchDispute } from './bench-dispute.js';
import { disputeHistory } from './dispute-histories.js';

const [workload = 'single', size = '20000'] = process.argv.slice(2);
const streams = Number(size);
const histories = Array.from({ length: streams }, (_, i) => disputeHistory(i));
const actor = { id: 'member-jiang-lin', role: 'community-police-officer' };
const occurredAt = '2026-08-01T09:00:00.000Z';
const ledger = createLedger({
  store: createMemoryEventStore(),
  registry: createEventRegistry(gridledgerEvents),
});
const ids = histories.map((_, i) => streamIdOf(BenchDispute, `d${i}`));
const copy = (e: DomainEvent): DomainEvent => ({ type: e.type, data: e.data });

async function single(): Promise<number> {
  for (let i = 0; i < streams; i++) {
    for (let v = 0; v < 6; v++) {
      await ledger.append(ids[i]!, [copy(histories[i]![v]!)], {
        expectedVersion: v === 0 ? 'no-stream' : v - 1,
        actor,
        occurredAt,
      });
    }
  }
  return streams * 6;
}

async function batch(): Promise<number> {
  for (let i = 0; i < streams; i++) {
    await ledger.append(ids[i]!, histories[i]!.map(copy), {
      expectedVersion: 'no-stream',
      actor,
      occurredAt,
    });
  }
  return streams * 6;
}

const workloads: Record<string, () => Promise<number>> = {
  single,
  batch,
  load: async () => {
    for (let i = 0; i < streams; i++) await ledger.load(BenchDispute, `d${i}`);
    return streams * 6;
  },
  read: async () => {
    let count = 0;
    for await (const events of ledger.readAllBatches()) count += events.length;
    return count;
  },
};
const run = workloads[workload];
if (run === undefined)
  throw new Error(`no workload ${workload}: ${Object.keys(workloads).join(', ')}`);
if (workload === 'load' || workload === 'read') await batch();
const cpu = process.cpuUsage();
const start = performance.now();
const events = await run();
const seconds = (performance.now() - start) / 1000;
const used = process.cpuUsage(cpu);
console.log(
  `${workload}: ${Math.round(events / seconds).toLocaleString('en-US')} events/s, ` +
    `${((used.user + used.system) / events).toFixed(2)} µs CPU per event`,
);
