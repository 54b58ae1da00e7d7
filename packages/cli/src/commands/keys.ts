// Key and checkpoint files named on the command line: a missing or unreadable key is a usage
// error (exit 2), while a checkpoint that does not check out is a failed verification (exit 1).
import type { KeyObject } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { isValidationError } from '@gridledger/core';
import { privateKeyFrom, publicKeyFrom } from '@gridledger/core/audit';
import { stringOption, type ParsedArgs } from '../command.js';
import { UsageError } from '../errors.js';
import type { CliIo } from '../io.js';

/** The path an option names, resolved; a UsageError when it is missing or names no file. */
export function existingFile(args: ParsedArgs, io: CliIo, option: string, what: string): string {
  const given = stringOption(args, option);
  if (given === undefined) throw new UsageError(`--${option} <file> is required: ${what}`);
  return fileAt(io, given, option);
}

export function fileAt(io: CliIo, given: string, option: string): string {
  const file = resolve(io.cwd, given);
  if (!existsSync(file)) throw new UsageError(`--${option}: no file at ${file}`);
  return file;
}

/** Reads a key file; a file that holds no usable key of that kind is a usage error. */
export function keyFile(file: string, kind: 'private' | 'public'): KeyObject {
  try {
    const pem = readFileSync(file);
    return kind === 'private' ? privateKeyFrom(pem, file) : publicKeyFrom(pem, file);
  } catch (error) {
    if (isValidationError(error)) throw new UsageError(error.message);
    throw error;
  }
}
