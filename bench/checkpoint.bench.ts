// Signed checkpoints of the whole log, on the SQLite store: making one, and checking the log
// against it, per event. The baseline is raw better-sqlite3 doing the least a whole-log seal
// can: read the rows by position, SHA-256 of each row's stored text, one running SHA-256 chain
// over the entries, the entries written to (and read back from) a file, one Ed25519 signature.
// The ratio is what canonical re-hashing, every stream's chain, the Merkle tree and the store's
// API cost. Appending is not measured here: a checkpoint adds nothing per append.
import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  auditStore,
  generateCheckpointKeys,
  verifyCheckpoint,
  writeCheckpoint,
} from '@gridledger/core/audit';
import {
  createEventRegistry,
  createLedger,
  Dispute,
  gridledgerEvents,
  streamIdOf,
  type EventStore,
} from '@gridledger/core';
import { openSqliteEventStore } from '@gridledger/store-sqlite';
import { disputeHistory } from './dispute-histories.js';
import { throughput, type BenchModule, type Measurement } from './harness.js';

interface RawStatement {
  all(...params: unknown[]): unknown[];
  raw(on: boolean): RawStatement;
}
interface RawDatabase {
  prepare(source: string): RawStatement;
  close(): void;
}
const Database = createRequire(import.meta.resolve('@gridledger/store-sqlite'))(
  'better-sqlite3',
) as new (file: string, options?: { readonly?: boolean }) => RawDatabase;

type Row = [number, string, number, string, string, string, string];

/** Every row by position, in pages, as raw better-sqlite3 reads fastest. */
function* rawRows(db: RawDatabase): Generator<Row> {
  const page = db
    .prepare(
      `SELECT position, stream_id, stream_version, event_id, type, data, metadata
       FROM events WHERE position > ? ORDER BY position LIMIT 512`,
    )
    .raw(true);
  let after = 0;
  for (;;) {
    const rows = page.all(after) as Row[];
    yield* rows;
    if (rows.length < 512) return;
    after = rows[rows.length - 1]![0];
  }
}

const entryOf = (row: Row): string => {
  const hash = createHash('sha256').update(row[5]).update(row[6]).digest('hex');
  return JSON.stringify([String(row[0]), row[1], row[2], row[4], row[3], hash]);
};

/** The baseline's checkpoint: entries to a file, a running chain over them, one signature. */
function rawCheckpoint(
  file: string,
  out: string,
  privateKey: ReturnType<typeof generateKeyPairSync>['privateKey'],
) {
  const db = new Database(file, { readonly: true });
  const chain = createHash('sha256');
  const lines: string[] = [];
  for (const row of rawRows(db)) {
    const entry = entryOf(row);
    chain.update(entry);
    lines.push(entry);
  }
  db.close();
  const head = `${lines.length}\n${chain.digest('base64')}\n`;
  writeFileSync(
    out,
    `${sign(null, Buffer.from(head), privateKey).toString('base64')}\n${head}${lines.join('\n')}\n`,
  );
  return lines.length;
}

/** The baseline's check: the same entries recomputed and compared, line by line. */
function rawVerify(file: string, checkpoint: string): number {
  const recorded = readFileSync(checkpoint, 'utf8').split('\n').slice(3);
  const db = new Database(file, { readonly: true });
  let i = 0;
  for (const row of rawRows(db)) {
    if (entryOf(row) !== recorded[i++]) throw new Error(`differs at ${i - 1}`);
  }
  db.close();
  return i;
}

async function fill(store: EventStore, streams: number): Promise<number> {
  const ledger = createLedger({ store, registry: createEventRegistry(gridledgerEvents) });
  const actor = { id: 'member-jiang-lin', role: 'community-police-officer' };
  let events = 0;
  for (let n = 0; n < streams; n++) {
    const history = disputeHistory(n);
    await ledger.append(streamIdOf(Dispute, `d${n}`), history, {
      expectedVersion: 'no-stream',
      actor,
    });
    events += history.length;
  }
  return events;
}

const bench: BenchModule = async ({ quick }) => {
  const dir = mkdtempSync(join(tmpdir(), 'gridledger-bench-checkpoint-'));
  const rounds = quick ? 1 : 3;
  const streams = quick ? 100 : 10_000;
  const file = join(dir, 'log.db');
  const keys = generateCheckpointKeys();
  const raw = generateKeyPairSync('ed25519');
  let made = 0;
  let checkpointFile = '';
  let rawFile = '';
  try {
    const store = openSqliteEventStore(file, { synchronous: 'normal' });
    const events = await fill(store, streams);
    const best = { make: 0, rawMake: 0, verify: 0, rawVerify: 0, chains: 0 };
    for (let round = 0; round < rounds; round++) {
      rawFile = join(dir, `raw-${made}.checkpoint`);
      best.rawMake = Math.max(
        best.rawMake,
        await throughput(events, () => void rawCheckpoint(file, rawFile, raw.privateKey)),
      );
      checkpointFile = join(dir, `${made++}.checkpoint`);
      best.make = Math.max(
        best.make,
        await throughput(events, async () => {
          await writeCheckpoint(store, checkpointFile, { privateKey: keys.privateKeyPem });
        }),
      );
      best.rawVerify = Math.max(
        best.rawVerify,
        await throughput(events, () => void rawVerify(file, rawFile)),
      );
      best.verify = Math.max(
        best.verify,
        await throughput(events, async () => {
          const result = await verifyCheckpoint(store, checkpointFile, {
            publicKey: keys.publicKeyPem,
          });
          if (!result.ok) throw new Error('the log does not verify against its own checkpoint');
        }),
      );
      best.chains = Math.max(
        best.chains,
        await throughput(events, async () => {
          if (!(await auditStore(store)).ok) throw new Error('the log does not verify');
        }),
      );
    }
    await store.close();
    const bytes = statSync(checkpointFile).size;
    const measurements: Measurement[] = [
      {
        metric: 'make a checkpoint (read, check chains, tree, write, sign)',
        unit: 'events/s',
        gridledger: best.make,
        baseline: best.rawMake,
        better: 'higher',
        note: 'baseline: raw better-sqlite3, SHA-256 of stored text, one running chain, one signature',
      },
      {
        metric: 'verify the log against a checkpoint',
        unit: 'events/s',
        gridledger: best.verify,
        baseline: best.rawVerify,
        better: 'higher',
        note: 'baseline: the same raw entries recomputed and compared line by line',
      },
      {
        metric: 'verify --checkpoint beside chains alone (auditStore)',
        unit: 'events/s',
        gridledger: best.verify,
        baseline: best.chains,
        better: 'higher',
        note: 'what the whole-log check adds to the per-stream verification users already run',
      },
    ];
    return {
      name: 'checkpoint',
      description: `signed checkpoints of a ${events.toLocaleString('en-US')}-event SQLite log (${streams.toLocaleString('en-US')} six-event disputes)`,
      measurements,
      figures: {
        'make, µs per event': 1e6 / best.make,
        'verify, µs per event': 1e6 / best.verify,
        'checkpoint file, bytes per event': bytes / events,
        'append, work added per event':
          'none (the tree is computed when a checkpoint is made or checked)',
      },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

export default bench;
