// A checkpoint file: the signed note on its first line, then one line per event of the log it
// covers (the tree's leaves), so an auditor can name the first event that differs, not only
// learn that something does. Read in flat memory; its leaves must hash to the signed root.
import { createReadStream } from 'node:fs';
import type { KeyObject } from 'node:crypto';
import { createInterface } from 'node:readline';
import { SignatureError, ValidationError } from '../errors.js';
import { openCheckpoint, type SignedCheckpoint } from './checkpointNote.js';
import { parseLeaf, type LogEntry } from './logEntry.js';
import { createLogTree, leafHash } from './logTree.js';

export const CHECKPOINT_FORMAT = 'gridledger-checkpoint';
export const CHECKPOINT_FORMAT_VERSION = 1;

/** The first line of a checkpoint file. */
export const headerLine = (note: string): string =>
  `${JSON.stringify({ format: CHECKPOINT_FORMAT, formatVersion: CHECKPOINT_FORMAT_VERSION, note })}\n`;

/** A checkpoint read from its file and checked: signature, and leaves against the signed root. */
export interface Checkpoint extends SignedCheckpoint {
  readonly file: string;
  /** The entries it recorded, in log order, read again from the file. */
  entries(): AsyncIterable<LogEntry>;
}

/** The lines of a file, 1-based; every line counts, blank ones too. */
async function* linesOf(file: string): AsyncGenerator<{ n: number; text: string }> {
  const input = createReadStream(file, { encoding: 'utf8' });
  const reader = createInterface({ input, crlfDelay: Infinity });
  let n = 0;
  try {
    for await (const text of reader) yield { n: ++n, text };
  } finally {
    reader.close();
    input.destroy();
  }
}

function parseHeader(text: string | undefined, file: string): string {
  const refuse = (message: string) =>
    new ValidationError(`checkpoint ${file}`, [{ path: 'line 1', message }]);
  if (text === undefined) throw refuse('the file is empty');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw refuse(`is not JSON: ${String(error)}`);
  }
  const { format, formatVersion, note } = (value ?? {}) as Record<string, unknown>;
  if (format !== CHECKPOINT_FORMAT || formatVersion !== CHECKPOINT_FORMAT_VERSION) {
    throw refuse(
      `must name format '${CHECKPOINT_FORMAT}' version ${CHECKPOINT_FORMAT_VERSION}; this is not a Gridledger checkpoint`,
    );
  }
  if (typeof note !== 'string') throw refuse('note must be the signed note text');
  return note;
}

async function* entriesOf(file: string): AsyncGenerator<LogEntry> {
  for await (const { n, text } of linesOf(file)) {
    if (n > 1) yield parseLeaf(text, n - 2, file);
  }
}

/**
 * Reads the checkpoint in `file` and checks it with the office's public key: the note's signature
 * (SignatureError `wrong-key` / `bad-signature`), then that its entries are exactly the leaves of
 * the signed root (SignatureError `altered`). A malformed file throws ValidationError.
 */
export async function readCheckpoint(file: string, publicKey: KeyObject): Promise<Checkpoint> {
  let signed: SignedCheckpoint | undefined;
  const tree = createLogTree();
  for await (const { n, text } of linesOf(file)) {
    if (n === 1) {
      signed = openCheckpoint(parseHeader(text, file), publicKey, file);
      continue;
    }
    parseLeaf(text, n - 2, file); // only the exact text a checkpoint writes is a leaf
    tree.push(leafHash(text));
  }
  if (signed === undefined) parseHeader(undefined, file);
  const head = signed as SignedCheckpoint;
  const root = tree.root().toString('hex');
  if (tree.size !== head.treeSize || root !== head.rootHash) {
    throw new SignatureError(
      `checkpoint ${file}`,
      'altered',
      `its signed note covers ${head.treeSize} events with root ${head.rootHash}, but the file lists ` +
        `${tree.size} entries with root ${root}: the entries were altered after it was signed`,
    );
  }
  return { ...head, file, entries: () => entriesOf(file) };
}
