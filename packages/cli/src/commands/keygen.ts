// `gridledger keygen`: the office's Ed25519 key pair for signing checkpoints, as two PEM files.
import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { generateCheckpointKeys, keyFingerprint, publicKeyFrom } from '@gridledger/core/audit';
import { stringOption, type Command } from '../command.js';
import { EXIT, UsageError } from '../errors.js';
import { folderFor, write } from '../io.js';

const help = `Usage: gridledger keygen --out <path>

Creates an Ed25519 key pair for signing checkpoints of the log:
  <path>.key.pem  the private key, readable by its owner only. Keep it off the machine that holds
                  the store: whoever can write the store must not be able to sign for it.
  <path>.pub.pem  the public key: hand it to auditors with each checkpoint, publish its
                  fingerprint.

Options:
  --out <path>  where to write the two files, without extension (e.g. ./keys/xuzhai-office);
                a missing folder is created, readable by its owner only
  -h, --help    this help

Exit code: 0 when written; 2 for a usage error (either file already exists).`;

export const keygenCommand: Command = {
  name: 'keygen',
  summary: 'create the Ed25519 key pair that signs checkpoints',
  help,
  options: { out: { type: 'string' } },
  async run(args, io) {
    const out = stringOption(args, 'out');
    if (out === undefined) throw new UsageError(`--out <path> is required\n\n${help}`);
    if (args.positionals.length > 0) {
      throw new UsageError(`unexpected argument '${args.positionals[0]}'; use --out <path>`);
    }
    const base = resolve(io.cwd, out);
    const privateFile = `${base}.key.pem`;
    const publicFile = `${base}.pub.pem`;
    const taken = [privateFile, publicFile].filter((file) => existsSync(file));
    if (taken.length > 0) {
      throw new UsageError(
        `${taken.join(' and ')} already exist${taken.length === 1 ? 's' : ''}: a key is never overwritten`,
      );
    }
    // The private key's folder, when made here, is its owner's only, like the key.
    folderFor(privateFile, 'out', io, 0o700);
    const keys = generateCheckpointKeys();
    writeFileSync(privateFile, keys.privateKeyPem, { flag: 'wx', mode: 0o600 });
    writeFileSync(publicFile, keys.publicKeyPem, { flag: 'wx', mode: 0o644 });
    const fingerprint = keyFingerprint(publicKeyFrom(keys.publicKeyPem));
    write(io.stdout, 'Created a key pair for signing checkpoints');
    write(
      io.stdout,
      `    private key  ${privateFile}  (keep it off the machine that holds the store)`,
    );
    write(io.stdout, `    public key   ${publicFile}  (fingerprint SHA-256 ${fingerprint})`);
    return EXIT.ok;
  },
};
