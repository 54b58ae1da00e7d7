// gridledger keygen and checkpoint, and verify --checkpoint: keys, what is refused and with which
// exit code, older checkpoints as the log grows, and the JSON form.
import { readFileSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqlite } from '@gridledger/store-sqlite';
import {
  createCommandHandler,
  createEventRegistry,
  createLedger,
  gridledgerEvents,
  Visit,
} from '@gridledger/core';
import {
  auditFiles,
  DISPUTE_STREAM,
  gridledger,
  sql,
  type AuditFiles,
} from './__fixtures__/auditStore.js';
import { rechainDispute } from './__fixtures__/forgery.js';

let files: AuditFiles;
let keys: string;
beforeAll(async () => {
  files = auditFiles();
  keys = join(files.dir, 'office');
  expect((await gridledger(['keygen', '--out', keys])).code).toBe(0);
});
afterAll(() => files.remove());

const fresh = () => files.record(`${Math.random().toString(36).slice(2)}.db`);
const checkpoint = (file: string, out: string, ...more: string[]) =>
  gridledger([
    'checkpoint',
    '--store',
    `sqlite:${file}`,
    '--key',
    `${keys}.key.pem`,
    '--out',
    out,
    ...more,
  ]);
const verify = (file: string, ...more: string[]) =>
  gridledger(['verify', '--store', `sqlite:${file}`, ...more]);

describe('gridledger keygen', () => {
  it('writes a private key only its owner can read and a public key, never over old ones', async () => {
    const base = join(files.dir, 'station');
    const made = await gridledger(['keygen', '--out', base]);
    expect(made.code).toBe(0);
    expect(made.out).toMatch(
      new RegExp(
        `^Created a key pair for signing checkpoints\\n    private key  ${base}\\.key\\.pem  \\(keep it off the machine that holds the store\\)\\n    public key   ${base}\\.pub\\.pem  \\(fingerprint SHA-256 [0-9a-f]{64}\\)\\n$`,
      ),
    );
    expect(statSync(`${base}.key.pem`).mode & 0o777).toBe(0o600);
    expect(readFileSync(`${base}.pub.pem`, 'utf8')).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    const again = await gridledger(['keygen', '--out', base]);
    expect(again).toMatchObject({
      code: 2,
      err: expect.stringContaining('already exist: a key is never overwritten'),
    });
    expect((await gridledger(['keygen'])).code).toBe(2);
  });

  it('makes a missing folder for the keys, readable by its owner only, and says so', async () => {
    const folder = join(files.dir, 'new-keys', 'office');
    const made = await gridledger(['keygen', '--out', join(folder, 'xuzhai')]);
    expect(made.code).toBe(0);
    expect(made.err).toBe(`Created the folder ${folder}\n`);
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    expect(statSync(join(folder, 'xuzhai.key.pem')).mode & 0o777).toBe(0o600);
    const throughFile = await gridledger(['keygen', '--out', join(folder, 'xuzhai.pub.pem', 'k')]);
    expect(throughFile).toMatchObject({
      code: 2,
      err: expect.stringContaining(`${join(folder, 'xuzhai.pub.pem')} is a file, not a folder`),
    });
  });
});

describe('gridledger checkpoint', () => {
  it('signs the log and prints the note to publish', async () => {
    const file = await fresh();
    const out = `${file}.checkpoint`;
    const made = await checkpoint(file, out, '--origin', 'xuzhai.example/gridledger');
    expect(made.code, made.err).toBe(0);
    const header = JSON.parse(readFileSync(out, 'utf8').split('\n')[0]!) as { note: string };
    expect(made.out).toMatch(
      new RegExp(
        `^Checkpoint of sqlite:${file}: 14 events, root [0-9a-f]{16}…\\n    written to ${out} \\(\\d{1,3}(,\\d{3})* bytes\\)\\n    signed by key [0-9a-f]{8} as xuzhai\\.example/gridledger, issued \\S+\\nPublish the signed note:\\n\\n`,
      ),
    );
    expect(made.out.endsWith(`\n\n${header.note}`)).toBe(true);
    expect(header.note).toMatch(/^xuzhai\.example\/gridledger\n14\n/);
  });

  it('writes into a folder it makes when missing, and says so', async () => {
    const file = await fresh();
    const folder = join(dirname(file), 'checkpoints-of-' + basename(file));
    const made = await checkpoint(file, join(folder, '2026-08.checkpoint'));
    expect(made.code, made.err).toBe(0);
    expect(made.err).toBe(`Created the folder ${folder}\n`);
    expect(readFileSync(join(folder, '2026-08.checkpoint'), 'utf8')).toMatch(/^\{/);
  });

  it('with --previous, signs only a log that still holds what the last checkpoint covers', async () => {
    const file = await fresh();
    const first = `${file}.1.checkpoint`;
    expect((await checkpoint(file, first)).code).toBe(0);
    const second = await checkpoint(file, `${file}.2.checkpoint`, '--previous', first);
    expect(second.code, second.err).toBe(0);
    expect(second.out).toContain(`    the log still holds everything ${first} covers\n`);
    sql(file, `DELETE FROM events WHERE stream_id = '${DISPUTE_STREAM}' AND stream_version >= 9`);
    const out = `${file}.3.checkpoint`;
    const refused = await checkpoint(file, out, '--previous', first);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(
      /^gridledger checkpoint: CORRUPTED_EVENT: Event 9 of stream 'dispute-d-tv-deposit' \(checkpoint-mismatch\): .* was removed with every later event of its stream.* a new checkpoint would vouch for the difference/,
    );
    expect(existsSync(out)).toBe(false);
    const other = join(files.dir, 'rotated');
    await gridledger(['keygen', '--out', other]);
    const wrongKey = await checkpoint(
      file,
      out,
      '--previous',
      first,
      '--public-key',
      `${other}.pub.pem`,
    );
    expect(wrongKey.code).toBe(1);
    expect(wrongKey.err).toMatch(/SIGNATURE_INVALID: .*\(wrong-key\)/);
    expect((await checkpoint(file, out, '--public-key', `${keys}.pub.pem`)).err).toMatch(
      /--public-key goes with --previous <file>/,
    );
  });

  it('refuses to sign a log that does not verify, and what it cannot use', async () => {
    const file = await fresh();
    sql(
      file,
      `UPDATE events SET data = replace(data, 'TV', 'TW') WHERE stream_id = '${DISPUTE_STREAM}' AND stream_version = 5`,
    );
    const out = `${file}.checkpoint`;
    const refused = await checkpoint(file, out);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(
      /^gridledger checkpoint: CORRUPTED_EVENT: Event 5 of stream 'dispute-d-tv-deposit' \(hash-mismatch\): .* A checkpoint vouches only for a log that verifies/,
    );
    expect(existsSync(out)).toBe(false);

    const clean = await fresh();
    const usage = async (...args: string[]) =>
      (await gridledger(['checkpoint', '--store', `sqlite:${clean}`, ...args])).err;
    expect(await usage('--out', 'x')).toMatch(/--key <file> is required/);
    expect(await usage('--key', 'nowhere.pem', '--out', 'x')).toMatch(
      /--key: no file at .*nowhere\.pem/,
    );
    expect(await usage('--key', `${keys}.pub.pem`, '--out', 'x')).toMatch(
      /is a PUBLIC KEY, not a private key/,
    );
    expect(await usage('--key', `${keys}.key.pem`)).toMatch(/--out <file> is required/);
    expect(await usage('--key', `${keys}.key.pem`, '--out', clean)).toMatch(
      /already exists: a checkpoint is never overwritten/,
    );
    expect(await usage('--key', `${keys}.key.pem`, '--out', 'x', '--origin', 'my office')).toMatch(
      /--origin 'my office': a log's name has no spaces and no '\+'/,
    );
    const codes = await Promise.all(
      [
        ['--out', 'x'],
        ['--key', `${keys}.pub.pem`, '--out', 'y'],
      ].map(
        async (args) =>
          (await gridledger(['checkpoint', '--store', `sqlite:${clean}`, ...args])).code,
      ),
    );
    expect(codes).toEqual([2, 2]);
  });
});

describe('gridledger verify --checkpoint', () => {
  it('holds older checkpoints against the grown log, in text and JSON', async () => {
    const file = await fresh();
    const older = `${file}.1.checkpoint`;
    expect((await checkpoint(file, older)).code).toBe(0);
    // The office records a follow-up visit, then checkpoints again.
    const opened = openSqlite(file);
    const visits = createCommandHandler(
      createLedger({ store: opened.events, registry: createEventRegistry(gridledgerEvents) }),
      Visit,
    );
    await visits(
      'v-0709-07',
      {
        type: 'scheduleVisit',
        data: {
          visitId: 'v-0709-07',
          community: 'xuzhai',
          grid: 'xuzhai-07',
          household: {
            householdId: 'h-xuzhai-0712',
            address: 'Xuzhai community, building 7, unit 12',
          },
          purpose: 'dispute-follow-up',
          disputeId: 'd-tv-deposit',
          visitors: ['m-li'],
          scheduledFor: '2025-07-09T09:00:00+08:00',
        },
      },
      { actor: { id: 'm-li', role: 'grid-worker' } },
    );
    await opened.close();
    const newer = `${file}.2.checkpoint`;
    expect((await checkpoint(file, newer)).code).toBe(0);

    const both = await verify(
      file,
      '--checkpoint',
      older,
      '--checkpoint',
      newer,
      '--public-key',
      `${keys}.pub.pem`,
    );
    expect(both.code, both.out).toBe(0);
    expect(both.out).toMatch(
      /Checkpoint .*\.1\.checkpoint: signed by key [0-9a-f]{8} as sqlite:.*, issued \S+\n✓ the 14 events it covers are unchanged: nothing was removed, renumbered or inserted \(root [0-9a-f]{16}…\)\n {4}1 event appended since \(not covered by it\)\n/,
    );
    expect(both.out).toMatch(/\.2\.checkpoint: .*\n✓ the 15 events it covers are unchanged/);
    expect(both.out).toMatch(
      /✓ 3 streams, 15 events: every hash and link verifies and matches all 2 checkpoints\n$/,
    );

    const json = await verify(
      file,
      '--checkpoint',
      older,
      '--public-key',
      `${keys}.pub.pem`,
      '--json',
    );
    expect(JSON.parse(json.out)).toMatchObject({
      ok: true,
      streamsChecked: 3,
      eventsChecked: 15,
      broken: [],
      checkpoints: [
        { ok: true, file: older, checkpoint: { treeSize: 14 }, eventsSince: 1, streamsBroken: [] },
      ],
    });

    rechainDispute(file, 4);
    const differs = await verify(
      file,
      '--checkpoint',
      older,
      '--public-key',
      `${keys}.pub.pem`,
      '--json',
    );
    expect(differs.code).toBe(1);
    expect(JSON.parse(differs.out)).toMatchObject({
      ok: false,
      checkpoints: [
        {
          ok: false,
          firstDifference: {
            kind: 'rechained',
            index: 7,
            streamId: DISPUTE_STREAM,
            streamVersion: 4,
            recorded: { position: '0000000000000008', streamVersion: 4 },
            found: { position: '0000000000000008', streamVersion: 4 },
          },
        },
      ],
    });
  });

  it('refuses a checkpoint that is not signed by the key, was altered, or is malformed', async () => {
    const file = await fresh();
    const out = `${file}.checkpoint`;
    expect((await checkpoint(file, out)).code).toBe(0);
    const other = join(files.dir, 'other');
    await gridledger(['keygen', '--out', other]);
    const wrongKey = await verify(file, '--checkpoint', out, '--public-key', `${other}.pub.pem`);
    expect(wrongKey.code).toBe(1);
    expect(wrongKey.err).toMatch(
      /^gridledger verify: SIGNATURE_INVALID: Untrusted checkpoint .* \(wrong-key\): it is signed by key [0-9a-f]{8} as 'sqlite:.*', not by the public key given/,
    );
    const text = readFileSync(out, 'utf8');
    writeFileSync(out, text.replace('\\n14\\n', '\\n13\\n'));
    const altered = await verify(file, '--checkpoint', out, '--public-key', `${keys}.pub.pem`);
    expect(altered.code).toBe(1);
    expect(altered.err).toMatch(
      /SIGNATURE_INVALID: .*\(bad-signature\): the signature of key [0-9a-f]{8} does not verify/,
    );
    writeFileSync(out, 'this is not a checkpoint\n');
    const malformed = await verify(file, '--checkpoint', out, '--public-key', `${keys}.pub.pem`);
    expect(malformed.code).toBe(1);
    expect(malformed.err).toMatch(/VALIDATION_FAILED: Invalid checkpoint .*: line 1: is not JSON/);
  });

  it('says what is missing on the command line', async () => {
    const file = await fresh();
    const out = `${file}.checkpoint`;
    await checkpoint(file, out);
    const cases: [string[], RegExp][] = [
      [['--checkpoint', out], /--public-key <file> is required with --checkpoint/],
      [['--public-key', `${keys}.pub.pem`], /--public-key goes with --checkpoint <file>/],
      [
        ['--checkpoint', 'nowhere', '--public-key', `${keys}.pub.pem`],
        /--checkpoint: no file at .*nowhere/,
      ],
      [
        ['--checkpoint', out, '--public-key', `${keys}.key.pem`],
        /is a private key: give the public key to verify with/,
      ],
      [
        ['--checkpoint', out, '--public-key', `${keys}.pub.pem`, '--stream', 'd-tv-deposit'],
        /a checkpoint covers the whole log/,
      ],
    ];
    for (const [args, message] of cases) {
      const result = await verify(file, ...args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.err).toMatch(message);
    }
  });
});

describe('gridledger verify --manifest', () => {
  it('names where a re-chained rewrite began, from the hashes the export holds', async () => {
    const file = await fresh();
    const out = join(files.dir, `export-${Math.random().toString(36).slice(2)}`);
    expect((await gridledger(['export', '--store', `sqlite:${file}`, '--out', out])).code).toBe(0);
    rechainDispute(file, 4);
    expect((await verify(file)).code).toBe(0);
    const checked = await verify(file, '--manifest', out);
    expect(checked.code).toBe(1);
    expect(checked.out).toMatch(
      /CHANGED: v4 MediationSessionHeld \(01JZXUSHANG000000000000009\) was rewritten and re-chained: its hash [0-9a-f]{12}… is consistent with its content, but the record holds [0-9a-f]{12}… for v4/,
    );
    expect(checked.out).toMatch(/\(1 finding\)\n$/);
  });
});
