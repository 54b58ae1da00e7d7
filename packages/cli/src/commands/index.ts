// Every `gridledger` sub-command, in the order `--help` lists them. One line each.
import type { Command } from '../command.js';
import { rebuildCommand } from './rebuild.js';
import { reportCommand } from './report.js';

export const commands: readonly Command[] = [rebuildCommand, reportCommand];
