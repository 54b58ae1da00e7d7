// The shape of one `gridledger` sub-command: its help text, its options, and what it does.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './errors.js';
import type { CliIo } from './io.js';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export interface ParsedArgs {
  readonly values: Readonly<Record<string, string | boolean | string[] | undefined>>;
  readonly positionals: readonly string[];
}

export interface Command {
  readonly name: string;
  /** One line for `gridledger --help`. */
  readonly summary: string;
  /** The full help text for `gridledger <name> --help`, usage line first. */
  readonly help: string;
  readonly options: OptionSpec;
  /** Returns the exit code. */
  run(args: ParsedArgs, io: CliIo): Promise<number>;
}

/** Parses a command's arguments, turning node's parse errors into a UsageError. */
export function parseCommandArgs(command: Command, argv: readonly string[]): ParsedArgs {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
    return { values, positionals };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new UsageError(`${message}\n\n${command.help}`);
  }
}

/** Reads a string option, or undefined. */
export const stringOption = (args: ParsedArgs, name: string): string | undefined => {
  const value = args.values[name];
  return typeof value === 'string' ? value : undefined;
};
