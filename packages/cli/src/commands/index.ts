// Every `gridledger` sub-command, in the order `--help` lists them. One line each.
import type { Command } from '../command.js';

export const commands: readonly Command[] = [];
