// The signed head of a checkpoint, as a transparency log's checkpoint (c2sp.org/tlog-checkpoint)
// in a signed note (c2sp.org/signed-note): origin, tree size, base64 root, then our two extension
// lines, a blank line and one Ed25519 signature line. Small enough to publish anywhere.
import { sign, verify, type KeyObject } from 'node:crypto';
import { SignatureError, ValidationError } from '../errors.js';
import { keyIdOf } from './checkpointKeys.js';

/** What a checkpoint says of the log. */
export interface CheckpointHead {
  /** The log's name, also the signing key's name: no spaces, no `+`. */
  readonly origin: string;
  /** How many events of the log it covers, from the first. */
  readonly treeSize: number;
  /** The Merkle tree head over those events (hex). */
  readonly rootHash: string;
  /** When it was made (ISO 8601). */
  readonly issuedAt: string;
  /** The latest `recordedAt` among the events it covers; absent for an empty log. */
  readonly recordedUntil?: string;
}

/** A head with its signature: `note` is the text to publish. */
export interface SignedCheckpoint extends CheckpointHead {
  /** The signing key's id (8 hex digits), as in the note's signature line. */
  readonly keyId: string;
  readonly note: string;
}

const ISSUED = 'issued ';
const RECORDED_UNTIL = 'recorded-until ';

/** A valid origin (signed-note key name): non-empty, no white space, control character or `+`. */
export const isOrigin = (name: string): boolean => name !== '' && !/[\s+\p{Cc}]/u.test(name);

/** The default origin for a store's log: its name, with spaces and `+` percent-encoded. */
export const originOf = (storeName: string): string =>
  storeName.replace(/[\s+%\p{Cc}]/gu, (c) => encodeURIComponent(c)) || 'gridledger';

const noteText = (head: CheckpointHead): string =>
  [
    head.origin,
    String(head.treeSize),
    Buffer.from(head.rootHash, 'hex').toString('base64'),
    `${ISSUED}${head.issuedAt}`,
    ...(head.recordedUntil === undefined ? [] : [`${RECORDED_UNTIL}${head.recordedUntil}`]),
    '',
  ].join('\n');

/** Signs a head with the office's private key. */
export function signCheckpoint(head: CheckpointHead, privateKey: KeyObject): SignedCheckpoint {
  if (!isOrigin(head.origin)) {
    throw new ValidationError('checkpoint', [
      {
        path: 'origin',
        message: `${JSON.stringify(head.origin)} must be non-empty, without spaces or '+'`,
      },
    ]);
  }
  const text = noteText(head);
  const keyId = keyIdOf(head.origin, privateKey);
  const signature = sign(null, Buffer.from(text, 'utf8'), privateKey);
  const line = `— ${head.origin} ${Buffer.concat([keyId, signature]).toString('base64')}\n`;
  return { ...head, keyId: keyId.toString('hex'), note: `${text}\n${line}` };
}

const isoTime = (text: string): boolean => {
  const time = Date.parse(text);
  return Number.isFinite(time) && new Date(time).toISOString() === text;
};

interface SignatureLine {
  readonly name: string;
  readonly keyId: string;
  readonly signature: Buffer;
}

/** Parses a note's text and signature lines; throws ValidationError naming what is malformed. */
function parseNote(
  note: string,
  where: string,
): { head: CheckpointHead; text: string; lines: SignatureLine[] } {
  const refuse = (path: string, message: string) =>
    new ValidationError(`checkpoint ${where}`, [{ path, message }]);
  const split = note.lastIndexOf('\n\n');
  if (split < 0 || !note.endsWith('\n')) {
    throw refuse('note', 'must be a signed note: its text, a blank line, then signature lines');
  }
  const text = note.slice(0, split + 1);
  const [origin = '', size = '', root = '', ...extensions] = text.slice(0, -1).split('\n');
  if (!isOrigin(origin))
    throw refuse('note line 1', 'the origin must be non-empty, without spaces or +');
  if (!/^(0|[1-9][0-9]*)$/.test(size) || !Number.isSafeInteger(Number(size))) {
    throw refuse(
      'note line 2',
      `the tree size must be a whole number, got ${JSON.stringify(size)}`,
    );
  }
  const rootBytes = Buffer.from(root, 'base64');
  if (rootBytes.length !== 32 || rootBytes.toString('base64') !== root) {
    throw refuse('note line 3', 'the root must be 32 bytes in standard base64');
  }
  const [issued, recorded, ...unknown] = extensions;
  if (issued === undefined || !issued.startsWith(ISSUED) || !isoTime(issued.slice(ISSUED.length))) {
    throw refuse('note line 4', `must be '${ISSUED}<ISO 8601 UTC time>'`);
  }
  if (
    recorded !== undefined &&
    (!recorded.startsWith(RECORDED_UNTIL) || !isoTime(recorded.slice(RECORDED_UNTIL.length)))
  ) {
    throw refuse('note line 5', `must be '${RECORDED_UNTIL}<ISO 8601 UTC time>'`);
  }
  if (unknown.length > 0)
    throw refuse('note line 6', `unexpected line ${JSON.stringify(unknown[0])}`);
  const lines = note
    .slice(split + 2, -1)
    .split('\n')
    .map((line, i) => {
      const match = /^— (\S+) ([A-Za-z0-9+/]+=*)$/u.exec(line);
      const bytes = match === null ? undefined : Buffer.from(match[2] as string, 'base64');
      if (match === null || bytes === undefined || bytes.length < 5) {
        throw refuse(
          `signature line ${i + 1}`,
          "must be '— <key name> <base64 key id and signature>'",
        );
      }
      return {
        name: match[1] as string,
        keyId: bytes.subarray(0, 4).toString('hex'),
        signature: bytes.subarray(4),
      };
    });
  const head: CheckpointHead = {
    origin,
    treeSize: Number(size),
    rootHash: rootBytes.toString('hex'),
    issuedAt: issued.slice(ISSUED.length),
    ...(recorded === undefined ? {} : { recordedUntil: recorded.slice(RECORDED_UNTIL.length) }),
  };
  return { head, text, lines };
}

/**
 * Checks a signed note with the office's public key and returns what it says. Throws
 * ValidationError when it is malformed, SignatureError when no signature by this key is on it
 * (`wrong-key`) or that signature does not verify (`bad-signature`).
 */
export function openCheckpoint(
  note: string,
  publicKey: KeyObject,
  where: string,
): SignedCheckpoint {
  const { head, text, lines } = parseNote(note, where);
  const keyId = keyIdOf(head.origin, publicKey).toString('hex');
  const mine = lines.find((line) => line.name === head.origin && line.keyId === keyId);
  if (mine === undefined) {
    const others = lines.map((line) => `key ${line.keyId} as '${line.name}'`).join(', ');
    throw new SignatureError(
      `checkpoint ${where}`,
      'wrong-key',
      `it is signed by ${others}, not by the public key given (key ${keyId} as '${head.origin}')`,
    );
  }
  if (!verify(null, Buffer.from(text, 'utf8'), publicKey, mine.signature)) {
    throw new SignatureError(
      `checkpoint ${where}`,
      'bad-signature',
      `the signature of key ${keyId} does not verify over its text: the checkpoint was altered after it was signed, or the signature is forged`,
    );
  }
  return { ...head, keyId, note };
}
