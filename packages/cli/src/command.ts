// The shape of one `gridledger` sub-command: its help text, its options, and what it does.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './errors.js';
import type { CliIo } from './io.js';
import { closest } from './suggest.js';

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

type OptionToken = { kind: 'option'; name: string; rawName: string; value?: string | undefined };

/**
 * Parses a command's arguments. Node's parser runs leniently, so that a value starting with a
 * dash is a value (`--at -1`), and each option is then checked here, to say in the command's own
 * words what was wrong: an unknown option (with the one probably meant), a missing value.
 */
export function parseCommandArgs(command: Command, argv: readonly string[]): ParsedArgs {
  const options: OptionSpec = { ...command.options, help: { type: 'boolean', short: 'h' } };
  const { values, positionals, tokens } = parseArgs({
    args: [...argv],
    options,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  for (const token of tokens) {
    if (token.kind === 'option') checkOption(token, options, command);
  }
  return { values, positionals };
}

function checkOption(token: OptionToken, options: OptionSpec, command: Command): void {
  const option = options[token.name];
  if (option === undefined) throw new UsageError(unknownOption(token.rawName, options, command));
  const given = token.value;
  if (option.type === 'boolean') {
    if (given !== undefined) {
      throw new UsageError(`${token.rawName} takes no value (got ${token.rawName}=${given})`);
    }
    return;
  }
  const looksLikeAnOption =
    given !== undefined &&
    !('inlineValue' in token && token.inlineValue === true) &&
    isOptionName(given, options);
  if (given === undefined || looksLikeAnOption) {
    const form = valueForm(command.help, token.name);
    throw new UsageError(
      `--${token.name} needs a value${form === undefined ? '' : `: --${token.name} <${form}>`}`,
    );
  }
}

function isOptionName(word: string, options: OptionSpec): boolean {
  if (word.startsWith('--')) return word.slice(2).split('=')[0]! in options;
  return word.length === 2 && Object.values(options).some((o) => `-${o.short}` === word);
}

/** `<version|time>` for `--at`, as the command's help writes it. */
function valueForm(help: string, name: string): string | undefined {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`--${escaped} <([^>]+)>`).exec(help)?.[1];
}

function unknownOption(raw: string, options: OptionSpec, command: Command): string {
  const names = Object.keys(options);
  const word = raw.replace(/^--?/, '').split('=')[0] ?? '';
  const meant = raw.startsWith('--') ? closest(word, names) : undefined;
  if (meant !== undefined) {
    return `unknown option '${raw}': did you mean --${meant}? (see gridledger ${command.name} --help)`;
  }
  const listed = names.map((n) => (options[n]?.short ? `-${options[n].short}/--${n}` : `--${n}`));
  return `unknown option '${raw}': ${command.name} takes ${listed.join(', ')}`;
}

/** Reads a string option, or undefined. */
export const stringOption = (args: ParsedArgs, name: string): string | undefined => {
  const value = args.values[name];
  return typeof value === 'string' ? value : undefined;
};
