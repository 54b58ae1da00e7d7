// The office's signing keys: an Ed25519 pair as PEM text (PKCS #8 for the private key, SPKI for
// the public one). The private key never goes near the database; whoever holds the public key
// can check every checkpoint signed with it.
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
} from 'node:crypto';
import { ValidationError } from '../errors.js';

export interface CheckpointKeyPair {
  /** PKCS #8 PEM. Keep it off the server that holds the database. */
  readonly privateKeyPem: string;
  /** SPKI PEM: hand it to auditors, publish it. */
  readonly publicKeyPem: string;
}

/** A new Ed25519 key pair for signing checkpoints. */
export function generateCheckpointKeys(): CheckpointKeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

function keyFrom(pem: string | Buffer, kind: 'private' | 'public', where: string): KeyObject {
  const text = typeof pem === 'string' ? pem : pem.toString('utf8');
  const refuse = (message: string) =>
    new ValidationError(`${kind} key ${where}`, [{ path: '(key)', message }]);
  const label = /-----BEGIN ([A-Z0-9 ]+)-----/.exec(text)?.[1];
  if (label === undefined) throw refuse('is not a PEM file (no -----BEGIN …----- line)');
  const isPrivate = label.includes('PRIVATE KEY');
  if (kind === 'public' && isPrivate) {
    throw refuse(
      'is a private key: give the public key to verify with (keep the private key with the office)',
    );
  }
  if (kind === 'private' && !isPrivate) throw refuse(`is a ${label}, not a private key`);
  let key: KeyObject;
  try {
    key = kind === 'private' ? createPrivateKey(text) : createPublicKey(text);
  } catch (error) {
    throw new ValidationError(
      `${kind} key ${where}`,
      [{ path: '(key)', message: `cannot be read as a PEM key: ${String(error)}` }],
      { cause: error },
    );
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw refuse(`is an ${String(key.asymmetricKeyType)} key; checkpoints are signed with Ed25519`);
  }
  return key;
}

/** Reads an Ed25519 private key from PEM text. `where` names it in errors (a file name). */
export const privateKeyFrom = (pem: string | Buffer, where = '(PEM)'): KeyObject =>
  keyFrom(pem, 'private', where);

/** Reads an Ed25519 public key from PEM text. A private key is refused: it must not travel. */
export const publicKeyFrom = (pem: string | Buffer, where = '(PEM)'): KeyObject =>
  keyFrom(pem, 'public', where);

/** The 32 bytes of an Ed25519 public key (RFC 8032). */
export function rawPublicKey(key: KeyObject): Buffer {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  const { x } = publicKey.export({ format: 'jwk' });
  return Buffer.from(x as string, 'base64url');
}

/**
 * The signed-note key id (c2sp.org/signed-note): the first four bytes of
 * SHA-256(key name || 0x0A || 0x01 || public key), 0x01 marking Ed25519.
 */
export function keyIdOf(name: string, key: KeyObject): Buffer {
  return createHash('sha256')
    .update(name, 'utf8')
    .update(Buffer.from([0x0a, 0x01]))
    .update(rawPublicKey(key))
    .digest()
    .subarray(0, 4);
}

/** SHA-256 of the raw public key, hex: the fingerprint an office publishes beside its key. */
export const keyFingerprint = (key: KeyObject): string =>
  createHash('sha256').update(rawPublicKey(key)).digest('hex');
