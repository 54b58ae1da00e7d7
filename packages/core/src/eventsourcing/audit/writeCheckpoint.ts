// Making a checkpoint: one pass over the whole log, in position order, checking every stream's
// chain and building the Merkle tree over the log's entries; then the office signs its head.
// Nothing is stored per append: the tree is computed here and again when a checkpoint is checked.
import type { KeyObject } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import {
  contentHashOf,
  createStreamChainVerifier,
  type StreamChainVerifier,
} from '../chainVerifier.js';
import { CorruptedEventError, ValidationError } from '../errors.js';
import { systemClock, type Clock } from '../ids.js';
import type { EventStore } from '../store.js';
import { headerLine } from './checkpointFile.js';
import { privateKeyFrom } from './checkpointKeys.js';
import {
  isOrigin,
  originOf,
  signCheckpoint,
  type CheckpointHead,
  type SignedCheckpoint,
} from './checkpointNote.js';
import { openEventsWriter } from './eventsFile.js';
import { entryOf, leafOf } from './logEntry.js';
import { createLogTree, leafHash } from './logTree.js';

export interface CheckpointOptions {
  /** The office's Ed25519 private key: a KeyObject, or PEM text. */
  readonly privateKey: KeyObject | string;
  /** The log's name in the signed note. Default: the store's name. */
  readonly origin?: string;
  /** Stamps `issuedAt`. Default: the system clock. */
  readonly clock?: Clock;
  readonly signal?: AbortSignal;
  /** Called after every 1,000 events read. */
  readonly onProgress?: (progress: { readonly eventsRead: number }) => void;
}

export interface CheckpointResult {
  readonly file: string;
  readonly checkpoint: SignedCheckpoint;
  /** Size of the file written. */
  readonly bytes: number;
}

function signingKey(privateKey: KeyObject | string): KeyObject {
  if (typeof privateKey === 'string') return privateKeyFrom(privateKey);
  if (privateKey.type !== 'private' || privateKey.asymmetricKeyType !== 'ed25519') {
    throw new ValidationError('checkpoint options', [
      { path: 'privateKey', message: 'must be an Ed25519 private key' },
    ]);
  }
  return privateKey;
}

/**
 * Writes a signed checkpoint of the whole log to `file` (which must not exist). Refuses, with
 * CorruptedEventError, a log in which any stream's chain does not verify: a checkpoint vouches
 * for what it covers. The file appears only once complete.
 */
export async function writeCheckpoint(
  store: EventStore,
  file: string,
  options: CheckpointOptions,
): Promise<CheckpointResult> {
  const key = signingKey(options.privateKey);
  const origin = options.origin ?? originOf(store.name);
  if (!isOrigin(origin)) {
    throw new ValidationError('checkpoint options', [
      {
        path: 'origin',
        message: `${JSON.stringify(origin)} must be non-empty, without spaces or '+'`,
      },
    ]);
  }
  if (existsSync(file)) {
    throw new ValidationError(`checkpoint ${file}`, [
      { path: file, message: 'already exists: a checkpoint is never overwritten' },
    ]);
  }
  const entriesPath = `${file}.entries.partial`;
  const partial = `${file}.partial`;
  const writer = openEventsWriter(entriesPath);
  try {
    const { treeSize, rootHash, recordedUntil } = await writeEntries(store, writer, options);
    const { bytes } = await writer.close();
    const head: CheckpointHead = {
      origin,
      treeSize,
      rootHash,
      issuedAt: (options.clock ?? systemClock)().toISOString(),
      ...(recordedUntil === undefined ? {} : { recordedUntil }),
    };
    const checkpoint = signCheckpoint(head, key);
    const header = headerLine(checkpoint.note);
    await writeFile(partial, header, { flag: 'wx' });
    await pipeline(createReadStream(entriesPath), createWriteStream(partial, { flags: 'a' }));
    await rename(partial, file);
    return { file, checkpoint, bytes: Buffer.byteLength(header) + bytes };
  } catch (error) {
    writer.destroy();
    await rm(partial, { force: true });
    throw error;
  } finally {
    await rm(entriesPath, { force: true });
  }
}

async function writeEntries(
  store: EventStore,
  writer: ReturnType<typeof openEventsWriter>,
  options: CheckpointOptions,
): Promise<{ treeSize: number; rootHash: string; recordedUntil: string | undefined }> {
  const chains = new Map<string, StreamChainVerifier>();
  const tree = createLogTree();
  let latest = Number.NEGATIVE_INFINITY;
  for await (const event of store.readAll()) {
    options.signal?.throwIfAborted();
    const content = contentHashOf(event);
    let chain = chains.get(event.streamId);
    if (chain === undefined) {
      chain = createStreamChainVerifier(event.streamId);
      chains.set(event.streamId, chain);
    }
    const failure = chain.check(event, content);
    if (failure !== undefined) {
      throw new CorruptedEventError(
        event.streamId,
        failure.streamVersion,
        failure.reason === 'version-gap' ? 'chain-broken' : failure.reason,
        `${failure.message}. A checkpoint vouches only for a log that verifies: find what was done with an audit (gridledger verify)`,
      );
    }
    const line = leafOf(entryOf(event, tree.size, content));
    tree.push(leafHash(line));
    await writer.write(`${line}\n`);
    const recordedAt = Date.parse(event.metadata.recordedAt);
    if (recordedAt > latest) latest = recordedAt;
    if (tree.size % 1000 === 0) options.onProgress?.({ eventsRead: tree.size });
  }
  return {
    treeSize: tree.size,
    rootHash: tree.root().toString('hex'),
    recordedUntil: Number.isFinite(latest) ? new Date(latest).toISOString() : undefined,
  };
}
