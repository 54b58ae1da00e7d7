// `gridledger checkpoint`: a signed checkpoint of the whole log, for the office to publish and to
// hand to auditors, who later check the store against it with `gridledger verify --checkpoint`.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { isCheckpointOrigin, writeCheckpoint } from '@gridledger/core/audit';
import { stringOption, type Command, type ParsedArgs } from '../command.js';
import { EXIT, UsageError } from '../errors.js';
import { folderFor, write, type CliIo } from '../io.js';
import { counted } from '../words.js';
import {
  openFromArgs,
  STORE_HELP,
  storeOptionSpec,
  unlessInterrupted,
  withStore,
} from './audit-common.js';
import { existingFile, fileAt, keyFile } from './keys.js';

const help = `Usage: gridledger checkpoint --key <file> --out <file> [options]

Reads the whole log in position order, checks every stream's hash chain, builds the Merkle tree
over the log (RFC 6962) and signs its head with the office's private key. The file holds the
signed note (the log's name, its size, the tree's root, when; what to publish) and one entry per
event, so that 'gridledger verify --checkpoint' can name exactly the first event that differs.
Nothing is signed when a stream's chain does not verify.

Options:
  --key <file>     the office's private key (PEM), from 'gridledger keygen'
  --out <file>     where to write the checkpoint (must not exist)
  --origin <name>  the log's name in the signed note, without spaces (default: the store's name)
  --previous <file>
                   the last checkpoint: nothing is signed unless the log still holds everything
                   it covers (a new checkpoint would vouch for the difference)
  --public-key <file>
                   the key that signed --previous, when not the one --key belongs to
${STORE_HELP}
  -h, --help       this help

Exit code: 0 when written; 1 when the log does not verify or differs from --previous (nothing
is signed) or the store failed; 2 for a usage error (missing key, unreadable key, file already
there).`;

export const checkpointCommand: Command = {
  name: 'checkpoint',
  summary: 'sign a checkpoint of the whole log, to publish and to verify against later',
  help,
  options: {
    ...storeOptionSpec,
    key: { type: 'string' },
    out: { type: 'string' },
    origin: { type: 'string' },
    previous: { type: 'string' },
    'public-key': { type: 'string' },
  },
  async run(args, io) {
    if (args.positionals.length > 0) {
      throw new UsageError(`unexpected argument '${args.positionals[0]}'\n\n${help}`);
    }
    const privateKey = keyFile(
      existingFile(args, io, 'key', 'the private key that signs'),
      'private',
    );
    const out = stringOption(args, 'out');
    if (out === undefined) throw new UsageError(`--out <file> is required\n\n${help}`);
    const file = resolve(io.cwd, out);
    if (existsSync(file))
      throw new UsageError(`${file} already exists: a checkpoint is never overwritten`);
    const origin = stringOption(args, 'origin');
    if (origin !== undefined && !isCheckpointOrigin(origin)) {
      throw new UsageError(`--origin '${origin}': a log's name has no spaces and no '+'`);
    }
    const previous = previousCheckpoint(args, io);
    folderFor(file, 'out', io);
    const opened = await openFromArgs(args, io, 'read');
    const leftBehind = `no checkpoint was written to ${file}; run it again`;
    return unlessInterrupted(io, leftBehind, () =>
      withStore(opened, async ({ events, name }) => {
        const { checkpoint, bytes } = await writeCheckpoint(events, file, {
          privateKey,
          ...(origin === undefined ? {} : { origin }),
          ...(previous === undefined ? {} : { previous }),
          ...(io.signal === undefined ? {} : { signal: io.signal }),
        });
        write(
          io.stdout,
          `Checkpoint of ${name}: ${counted(checkpoint.treeSize, 'event')}, root ${checkpoint.rootHash.slice(0, 16)}…`,
        );
        write(io.stdout, `    written to ${file} (${counted(bytes, 'byte')})`);
        if (previous !== undefined) {
          write(io.stdout, `    the log still holds everything ${previous.file} covers`);
        }
        write(
          io.stdout,
          `    signed by key ${checkpoint.keyId} as ${checkpoint.origin}, issued ${checkpoint.issuedAt}`,
        );
        write(io.stdout, `Publish the signed note:\n\n${checkpoint.note}`);
        return EXIT.ok;
      }),
    );
  },
};

function previousCheckpoint(args: ParsedArgs, io: CliIo) {
  const given = stringOption(args, 'previous');
  const key = stringOption(args, 'public-key');
  if (given === undefined) {
    if (key !== undefined) throw new UsageError('--public-key goes with --previous <file>');
    return undefined;
  }
  return {
    file: fileAt(io, given, 'previous'),
    ...(key === undefined ? {} : { publicKey: keyFile(fileAt(io, key, 'public-key'), 'public') }),
  };
}
