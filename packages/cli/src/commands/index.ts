// Every `gridledger` sub-command, in the order `--help` lists them. One line each.
import type { Command } from '../command.js';
import { checkpointCommand } from './checkpoint.js';
import { exportCommand } from './export.js';
import { forgetCommand } from './forget.js';
import { historyCommand } from './history.js';
import { importCommand } from './import.js';
import { keygenCommand } from './keygen.js';
import { rebuildCommand } from './rebuild.js';
import { reportCommand } from './report.js';
import { streamsCommand } from './streams.js';
import { verifyCommand } from './verify.js';

export const commands: readonly Command[] = [
  streamsCommand,
  historyCommand,
  verifyCommand,
  checkpointCommand,
  keygenCommand,
  exportCommand,
  importCommand,
  forgetCommand,
  rebuildCommand,
  reportCommand,
];
