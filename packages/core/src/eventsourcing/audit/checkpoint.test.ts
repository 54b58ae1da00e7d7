// Checkpoints through the public API: the file and its signed note, keys, what is refused and
// how, and verification of a log that grew or was tampered with.
import { createHash, createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryEventStore } from '../__fixtures__/memoryStore.js';
import {
  generateCheckpointKeys,
  keyFingerprint,
  publicKeyFrom,
  readCheckpoint,
  verifyCheckpoint,
  writeCheckpoint,
} from '@gridledger/core/audit';
import {
  isCorruptedEvent,
  isSignatureError,
  isValidationError,
  type StoredEvent,
} from '@gridledger/core';
import { fixedClock } from '@gridledger/core/testing';
import { logStore, logTamper, recordedLog } from './__fixtures__/logRows.js';

const keys = generateCheckpointKeys();
const clock = fixedClock('2026-07-02T08:00:00.000Z');
const dirs: string[] = [];
const scratch = () => {
  const dir = mkdtempSync(join(tmpdir(), 'gridledger-checkpoint-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const plan = ['case-a', 'case-b', 'case-a', 'case-a', 'case-b', 'case-c', 'case-a'];

async function checkpointOf(rows: StoredEvent[], name = 'office.checkpoint') {
  const file = join(scratch(), name);
  const result = await writeCheckpoint(logStore(rows, 'sqlite:/data/xuzhai.db'), file, {
    privateKey: keys.privateKeyPem,
    origin: 'xuzhai.example/gridledger',
    clock,
  });
  return { file, result };
}

const linesOf = (file: string) => readFileSync(file, 'utf8').split('\n');

describe('a checkpoint file', () => {
  it('holds the signed note, then one entry per event of the log', async () => {
    const rows = await recordedLog(plan);
    const { file, result } = await checkpointOf(rows);
    const lines = linesOf(file);
    expect(lines.at(-1)).toBe('');
    expect(lines).toHaveLength(1 + rows.length + 1);
    expect(result.bytes).toBe(readFileSync(file).length);
    const header = JSON.parse(lines[0]!) as { format: string; formatVersion: number; note: string };
    expect(header).toEqual({
      format: 'gridledger-checkpoint',
      formatVersion: 1,
      note: result.checkpoint.note,
    });
    const { checkpoint } = result;
    expect(checkpoint).toMatchObject({
      origin: 'xuzhai.example/gridledger',
      treeSize: 7,
      issuedAt: '2026-07-02T08:00:00.000Z',
      recordedUntil: rows.at(-1)!.metadata.recordedAt,
      keyId: expect.stringMatching(/^[0-9a-f]{8}$/),
    });
    const [text, signatureLine] = checkpoint.note.split('\n\n');
    expect(text!.split('\n')).toEqual([
      'xuzhai.example/gridledger',
      '7',
      Buffer.from(checkpoint.rootHash, 'hex').toString('base64'),
      'issued 2026-07-02T08:00:00.000Z',
      `recorded-until ${checkpoint.recordedUntil}`,
    ]);
    // Each entry: the store's position, the event, and the hash of its content.
    expect(lines.slice(1, -1).map((l) => JSON.parse(l) as unknown)).toEqual(
      rows.map((e) => [e.position, e.streamId, e.streamVersion, e.type, e.id, e.metadata.hash]),
    );
    // The note is an ordinary signed note (c2sp.org/signed-note): any Ed25519 tool can check it.
    const match = /^— xuzhai\.example\/gridledger (\S+)\n$/.exec(signatureLine!);
    const bytes = Buffer.from(match![1]!, 'base64');
    const publicKey = createPublicKey(keys.publicKeyPem);
    const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url');
    const keyId = createHash('sha256')
      .update('xuzhai.example/gridledger\n\x01')
      .update(raw)
      .digest()
      .subarray(0, 4);
    expect(bytes.subarray(0, 4)).toEqual(keyId);
    expect(verify(null, Buffer.from(`${text}\n`), publicKey, bytes.subarray(4))).toBe(true);
  });

  it('is read back with its entries, and names the store when no origin is given', async () => {
    const rows = await recordedLog(plan);
    const file = join(scratch(), 'default.checkpoint');
    const { checkpoint } = await writeCheckpoint(
      logStore(rows, 'sqlite:/data/my office+1.db'),
      file,
      {
        privateKey: keys.privateKeyPem,
      },
    );
    expect(checkpoint.origin).toBe('sqlite:/data/my%20office%2B1.db');
    const read = await readCheckpoint(file, publicKeyFrom(keys.publicKeyPem));
    expect(read).toMatchObject({ ...checkpoint, file });
    const entries = [];
    for await (const entry of read.entries()) entries.push(entry);
    expect(entries.map((e) => [e.index, e.streamId, e.streamVersion])).toEqual(
      rows.map((e, i) => [i, e.streamId, e.streamVersion]),
    );
  });

  it('of an empty log covers nothing and verifies against any log', async () => {
    const { file, result } = await checkpointOf([]);
    expect(result.checkpoint).toMatchObject({
      treeSize: 0,
      rootHash: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    });
    expect(result.checkpoint).not.toHaveProperty('recordedUntil');
    const rows = await recordedLog(plan);
    const verified = await verifyCheckpoint(logStore(rows), file, { publicKey: keys.publicKeyPem });
    expect(verified).toMatchObject({ ok: true, eventsChecked: 7, eventsSince: 7 });
  });

  it('is never written over, nor made of a log that does not verify', async () => {
    const rows = await recordedLog(plan);
    const { file } = await checkpointOf(rows);
    const again = writeCheckpoint(logStore(rows), file, { privateKey: keys.privateKeyPem });
    await expect(again).rejects.toSatisfy(isValidationError);
    await expect(again).rejects.toThrow(/already exists: a checkpoint is never overwritten/);

    const dir = scratch();
    const broken = writeCheckpoint(logStore(logTamper.changeData(rows, 3)), join(dir, 'x'), {
      privateKey: keys.privateKeyPem,
    });
    await expect(broken).rejects.toSatisfy(isCorruptedEvent);
    await expect(broken).rejects.toThrow(
      /Event 2 of stream 'case-a' \(hash-mismatch\).*vouches only for a log that verifies/,
    );
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('a checkpoint after another', () => {
  it('is made only of a log that still holds what the previous one covers', async () => {
    const rows = await recordedLog([...plan, 'case-b', 'case-c']);
    const { file: previous } = await checkpointOf(rows.slice(0, 7), 'previous.checkpoint');
    const dir = scratch();
    const next = await writeCheckpoint(logStore(rows), join(dir, 'next'), {
      privateKey: keys.privateKeyPem,
      previous: { file: previous },
    });
    expect(next.checkpoint.treeSize).toBe(9);

    // Its tail cut: every chain verifies, but the previous checkpoint says what is missing.
    const cut = logStore(logTamper.removeTail(rows, 'case-a', 3));
    const refused = writeCheckpoint(cut, join(dir, 'refused'), {
      privateKey: keys.privateKeyPem,
      previous: { file: previous },
    });
    await expect(refused).rejects.toSatisfy(
      (error) => isCorruptedEvent(error) && error.reason === 'checkpoint-mismatch',
    );
    await expect(refused).rejects.toThrow(
      /Event 3 of stream 'case-a' \(checkpoint-mismatch\): case-a v3 SessionHeld .* was removed with every later event of its stream.*a new checkpoint would vouch for the difference/,
    );
    expect(existsSync(join(dir, 'refused'))).toBe(false);
    // Signed with another key, the previous checkpoint needs that key.
    const other = generateCheckpointKeys();
    const rotated = writeCheckpoint(logStore(rows), join(dir, 'rotated'), {
      privateKey: other.privateKeyPem,
      previous: { file: previous },
    });
    await expect(rotated).rejects.toSatisfy(isSignatureError);
    const withOldKey = await writeCheckpoint(logStore(rows), join(dir, 'rotated'), {
      privateKey: other.privateKeyPem,
      previous: { file: previous, publicKey: keys.publicKeyPem },
    });
    expect(withOldKey.checkpoint.treeSize).toBe(9);
  });
});

describe('keys', () => {
  it('are Ed25519 PEM; the private key is refused where the public one belongs', () => {
    expect(keys.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(keys.publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
    expect(keyFingerprint(publicKeyFrom(keys.publicKeyPem))).toMatch(/^[0-9a-f]{64}$/);
    const refused = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        expect(isValidationError(error)).toBe(true);
        return (error as Error).message;
      }
      throw new Error('not refused');
    };
    expect(refused(() => publicKeyFrom(keys.privateKeyPem, 'office.key.pem'))).toMatch(
      /public key office\.key\.pem: \(key\): is a private key: give the public key/,
    );
    expect(refused(() => publicKeyFrom('hello', 'x.pem'))).toMatch(/is not a PEM file/);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({
      type: 'spki',
      format: 'pem',
    });
    expect(refused(() => publicKeyFrom(rsa, 'rsa.pem'))).toMatch(
      /is an rsa key; checkpoints are signed with Ed25519/,
    );
    expect(
      refused(() => publicKeyFrom('-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n')),
    ).toMatch(/cannot be read as a PEM key/);
  });
});

describe('a checkpoint that cannot be trusted', () => {
  /** The checkpoint file with `edit` applied to its text; verified with `publicKey`. */
  async function verifyEdited(edit: (text: string) => string, publicKey = keys.publicKeyPem) {
    const rows = await recordedLog(plan);
    const { file } = await checkpointOf(rows);
    writeFileSync(file, edit(readFileSync(file, 'utf8')));
    return verifyCheckpoint(logStore(rows), file, { publicKey }).then(
      () => undefined,
      (error: unknown) => error,
    );
  }

  it('signed by another key: SignatureError wrong-key, naming both keys', async () => {
    const error = await verifyEdited((t) => t, generateCheckpointKeys().publicKeyPem);
    expect(isSignatureError(error) && error.reason).toBe('wrong-key');
    expect(String(error)).toMatch(
      /Untrusted checkpoint .*office\.checkpoint \(wrong-key\): it is signed by key [0-9a-f]{8} as 'xuzhai.example\/gridledger', not by the public key given \(key [0-9a-f]{8} as/,
    );
  });

  it('with a note altered after signing: SignatureError bad-signature', async () => {
    const error = await verifyEdited((t) => t.replace('\\n7\\n', '\\n6\\n'));
    expect(isSignatureError(error) && error.reason).toBe('bad-signature');
    expect(String(error)).toMatch(
      /does not verify over its text: the checkpoint was altered after it was signed/,
    );
  });

  it('with entries altered after signing: SignatureError altered', async () => {
    const lines = (t: string) => t.split('\n');
    const dropped = await verifyEdited((t) =>
      [...lines(t).slice(0, 3), ...lines(t).slice(4)].join('\n'),
    );
    expect(isSignatureError(dropped) && dropped.reason).toBe('altered');
    expect(String(dropped)).toMatch(
      /covers 7 events with root [0-9a-f]{64}, but the file lists 6 entries/,
    );
    const rehashed = await verifyEdited((t) =>
      t.replace(/"([0-9a-f]{64})"\]\n/, `"${'0'.repeat(64)}"]\n`),
    );
    expect(isSignatureError(rehashed) && rehashed.reason).toBe('altered');
  });

  it('malformed: ValidationError naming the line', async () => {
    const cases: [(t: string) => string, RegExp][] = [
      [() => '', /line 1: the file is empty/],
      [() => 'not json\n', /line 1: is not JSON/],
      [
        () => '{"format":"gridledger-export","formatVersion":1}\n',
        /this is not a Gridledger checkpoint/,
      ],
      [
        (t) => t.replace(/"note":"[^\n]*?\\n/, '"note":"has space\\n'),
        /note line 1: the origin must be non-empty/,
      ],
      [
        (t) => t.replace('\\n7\\n', '\\n07\\n'),
        /note line 2: the tree size must be a whole number/,
      ],
      [
        (t) => t.replace('issued ', 'issued at '),
        /note line 4: must be 'issued <ISO 8601 UTC time>'/,
      ],
      [(t) => t.replace('\\n\\n— ', '\\n\\n-- '), /signature line 1: must be '— <key name>/],
      [
        (t) => t.replace(/\n\[/, '\n["x",'),
        /entry 0: must be \[position, streamId, streamVersion, type, id, hash\]/,
      ],
      [(t) => t.replace(/\n\[/, '\n[ '), /entry 0: is not written the way a checkpoint writes it/],
      [(t) => `${t}\n`, /entry 7: is not JSON/],
    ];
    for (const [edit, message] of cases) {
      const error = await verifyEdited(edit);
      expect(isValidationError(error), String(error)).toBe(true);
      expect(String(error)).toMatch(message);
    }
  });
});

describe('verifying the log against a checkpoint', () => {
  it('holds for older checkpoints as the log grows', async () => {
    const rows = await recordedLog([...plan, 'case-c', 'case-b', 'case-d']);
    const older = await checkpointOf(rows.slice(0, 4), 'older.checkpoint');
    const newer = await checkpointOf(rows.slice(0, 8), 'newer.checkpoint');
    for (const { file } of [older, newer]) {
      const result = await verifyCheckpoint(logStore(rows), file, { publicKey: keys.publicKeyPem });
      expect(result.ok).toBe(true);
    }
    const result = await verifyCheckpoint(logStore(rows), older.file, {
      publicKey: keys.publicKeyPem,
    });
    expect(result).toEqual({
      store: 'rows',
      file: older.file,
      ok: true,
      checkpoint: {
        origin: 'xuzhai.example/gridledger',
        treeSize: 4,
        rootHash: older.result.checkpoint.rootHash,
        issuedAt: '2026-07-02T08:00:00.000Z',
        recordedUntil: rows[3]!.metadata.recordedAt,
        keyId: older.result.checkpoint.keyId,
      },
      streamsChecked: 4,
      eventsChecked: 10,
      eventsSince: 6,
      streamsBroken: [],
    });
  });

  it('names the first difference and the streams whose chain broke', async () => {
    const rows = await recordedLog(plan);
    const { file } = await checkpointOf(rows);
    const tampered = logTamper.removeTail(rows, 'case-a', 2);
    const result = await verifyCheckpoint(logStore(tampered), file, {
      publicKey: keys.publicKeyPem,
    });
    expect(result).toMatchObject({
      ok: false,
      eventsChecked: 5,
      eventsSince: 0,
      streamsBroken: [],
      firstDifference: {
        kind: 'tail-removed',
        index: 3,
        streamId: 'case-a',
        streamVersion: 2,
        recorded: { index: 3, position: rows[3]!.position, id: rows[3]!.id },
        found: { index: 3, id: rows[4]!.id },
      },
    });
    expect(result.firstDifference!.message).toBe(
      `case-a v2 SessionHeld (${rows[3]!.id}), recorded at event 3 of the log (position ${rows[3]!.position}), was removed with every later event of its stream: case-a now ends at v1, where the checkpoint recorded 4 events`,
    );
    const changed = await verifyCheckpoint(logStore(logTamper.changeData(rows, 2)), file, {
      publicKey: keys.publicKeyPem,
    });
    expect(changed).toMatchObject({
      ok: false,
      streamsBroken: ['case-a'],
      firstDifference: { kind: 'changed', index: 2 },
    });
  });

  it('judges an event appended since as new, unless it claims to be older than the checkpoint', async () => {
    const rows = await recordedLog(plan);
    const { file } = await checkpointOf(rows);
    const later = await recordedLog([...plan, 'case-b']);
    const grown = await verifyCheckpoint(logStore(later), file, { publicKey: keys.publicKeyPem });
    expect(grown).toMatchObject({ ok: true, eventsSince: 1 });
    const backdated = logTamper.appendBackdated(rows, 'case-b');
    const forged = await verifyCheckpoint(logStore(backdated), file, {
      publicKey: keys.publicKeyPem,
    });
    expect(forged).toMatchObject({
      ok: false,
      eventsSince: 1,
      streamsBroken: [],
      firstDifference: { kind: 'backdated', index: 7, streamId: 'case-b', streamVersion: 2 },
    });
    expect(forged.firstDifference).not.toHaveProperty('recorded');
    expect(forged.firstDifference!.message).toMatch(
      /^case-b v2 SessionHeld \(01J3FORGED0000000000000000\) at event 7 of the log .* was appended after the checkpoint, yet claims to have been recorded at 2026-07-01T09:00:00.000Z, before the last event the checkpoint covers \(2026-07-01T09:06:00.000Z\)/,
    );
    // Within the tolerance, it could be an append that was in flight.
    const tolerant = await verifyCheckpoint(logStore(backdated), file, {
      publicKey: keys.publicKeyPem,
      backdatingToleranceMs: 10 * 60_000,
    });
    expect(tolerant.ok).toBe(true);
  });

  it('stops when its signal is aborted, and reads a checkpoint of a real store', async () => {
    const store = createMemoryEventStore();
    const rows = await recordedLog(plan);
    const file = join(scratch(), 'memory.checkpoint');
    await writeCheckpoint(logStore(rows), file, { privateKey: keys.privateKeyPem });
    expect(existsSync(`${file}.partial`)).toBe(false);
    const controller = new AbortController();
    controller.abort(new Error('operator pressed Ctrl-C'));
    await expect(
      verifyCheckpoint(logStore(rows), file, {
        publicKey: keys.publicKeyPem,
        signal: controller.signal,
      }),
    ).rejects.toThrow(/Ctrl-C/);
    // An empty store holds none of what the checkpoint covers: its first event is missing.
    const empty = await verifyCheckpoint(store, file, { publicKey: keys.publicKeyPem });
    expect(empty.firstDifference).toMatchObject({
      kind: 'stream-removed',
      index: 0,
      streamId: 'case-a',
    });
  });
});
