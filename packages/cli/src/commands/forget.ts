// `gridledger forget <subject>…`: a right-to-erasure request carried out. The subjects' keys (and
// those of the free text of every stream naming them) are deleted, so their personal data reads
// as [erased] everywhere; the erasure is recorded in the `erasures` stream; every chain verifies.
import {
  createLedger,
  createPersonalDataEncoder,
  forgetSubjects,
  gridledgerEvents,
  isValidationError,
} from '@gridledger/core';
import { stringOption, type Command } from '../command.js';
import { EXIT, UsageError } from '../errors.js';
import { write } from '../io.js';
import { counted } from '../words.js';
import {
  KEYS_HELP,
  keysOptionSpec,
  openFromArgs,
  registry,
  STORE_HELP,
  storeOptionSpec,
  withStore,
} from './audit-common.js';

const help = `Usage: gridledger forget <subject>… --request <ref> --actor <id> [options]

Erases the personal data of one or more subjects by deleting their keys: every value sealed
under them, and the free text of every stream that names them, reads [erased] from then on,
in every copy and export. Nothing else changes: every hash chain still verifies and every
figure stays the same. The erasure is recorded in the stream 'erasures' (who, when, the
request's reference and the subject ids; no personal data).

Subjects, from the ids 'gridledger history' shows:
  household:<household id>             e.g. household:h-kang (its address)
  party:dispute-<dispute id>/<party>   e.g. party:dispute-d-tv-deposit/p-xu (their name)
  member:<member id>                   a grid member's name
  record:<stream id>                   the free text of one stream

Options:
  --request <ref>  the erasure request's reference, e.g. PIPL-2026-0042 (no personal data)
  --actor <id>     who carries it out (their member id)
  --role <role>    the capacity they act in (default data-protection-officer)
${STORE_HELP}
${KEYS_HELP}
  -h, --help       this help

Exit code: 0 when forgotten; 2 for a usage error (a subject named in no event, a malformed
subject, a store that keeps no keys).`;

export const forgetCommand: Command = {
  name: 'forget',
  summary: "erase subjects' personal data by deleting their keys (chains still verify)",
  help,
  options: {
    ...storeOptionSpec,
    ...keysOptionSpec,
    request: { type: 'string' },
    actor: { type: 'string' },
    role: { type: 'string' },
  },
  async run(args, io) {
    const subjects = args.positionals;
    if (subjects.length === 0) throw new UsageError(`name at least one subject\n\n${help}`);
    const request = stringOption(args, 'request');
    if (request === undefined) throw new UsageError('--request <ref> is required');
    const actor = stringOption(args, 'actor');
    if (actor === undefined) throw new UsageError('--actor <id> is required');
    const role = stringOption(args, 'role') ?? 'data-protection-officer';
    return withStore(await openFromArgs(args, io, 'write'), async ({ events, keys, name }) => {
      if (keys === undefined) {
        throw new UsageError(
          `${name} keeps no keys: name where they are with --keys <file|url> (a SQLite file or a postgres:// URL)`,
        );
      }
      const ledger = createLedger({
        store: events,
        registry,
        encoder: createPersonalDataEncoder({ keys, events: gridledgerEvents }),
      });
      let result;
      try {
        result = await forgetSubjects(ledger, keys, {
          subjects,
          request,
          actor: { id: actor, role },
        });
      } catch (error) {
        if (!isValidationError(error)) throw error;
        throw new UsageError(error.issues.map((i) => i.message).join('; '));
      }
      write(
        io.stdout,
        `Forgot ${counted(subjects.length, 'subject')} under request ${request} in ${name}: ` +
          `${counted(result.keysDeleted, 'key')} deleted`,
      );
      for (const subject of result.erased) write(io.stdout, `    erased  ${subject}`);
      write(
        io.stdout,
        `Their personal data in ${counted(result.streams.length, 'stream')} now reads [erased]; ` +
          "the erasure is recorded in the stream 'erasures'",
      );
      return EXIT.ok;
    });
  },
};
