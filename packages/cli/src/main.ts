// The `gridledger` command: dispatches to a sub-command and turns failures into exit codes.
import { parseCommandArgs } from './command.js';
import { commands } from './commands/index.js';
import { describeError, EXIT } from './errors.js';
import { write, type CliIo } from './io.js';
import { DEFAULT_STORE, STORE_ENV } from './store-spec.js';
import { closest } from './suggest.js';
import { VERSION } from './version.js';

export function overview(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'gridledger — the history of how a neighbourhood is governed, for auditors and analysts',
    '',
    'Usage: gridledger <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    `Every command takes --store <spec> (default ${DEFAULT_STORE}; also $${STORE_ENV}):`,
    '  sqlite:<file>                    the embedded SQLite store',
    '  postgres://host/db               a PostgreSQL database (postgresql:// too; ?schema=<name>)',
    '  kurrentdb://host:2113?tls=false  a KurrentDB or EventStoreDB server (esdb:// too)',
    '',
    "Run 'gridledger <command> --help' (or 'gridledger help <command>') for a command's options;",
    "'gridledger --version' prints the version.",
  ].join('\n');
}

/** Runs one invocation; returns the process exit code. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--version') {
    write(io.stdout, `gridledger ${VERSION}`);
    return EXIT.ok;
  }
  if (name === 'help' && rest[0] !== undefined) return main([rest[0], '--help'], io);
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    write(io.stdout, overview());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const command = commands.find((c) => c.name === name);
  if (command === undefined) {
    const meant = closest(
      name,
      commands.map((c) => c.name),
    );
    write(
      io.stderr,
      meant === undefined
        ? `gridledger: unknown command '${name}'\n\n${overview()}`
        : `gridledger: unknown command '${name}': did you mean ${meant}? (see gridledger --help)`,
    );
    return EXIT.usage;
  }
  try {
    const args = parseCommandArgs(command, rest);
    if (args.values['help'] === true) {
      write(io.stdout, command.help);
      return EXIT.ok;
    }
    return await command.run(args, io);
  } catch (error) {
    const { message, exitCode } = describeError(error);
    write(io.stderr, `gridledger ${name}: ${message}`);
    return exitCode;
  }
}
