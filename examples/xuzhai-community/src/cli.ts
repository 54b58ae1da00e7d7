// `pnpm demo [--db <file>] [--seed <n>]`: runs the demo and prints the report. Bad options are a
// ValidationError naming the option; the exit code says whether it worked.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isGridledgerError, ValidationError } from '@gridledger/core';
import { DEFAULT_SEED, runDemo } from './demo.js';
import { SCENARIOS, type Scenario } from './relapse.js';
import { formatReport } from './report.js';

export const USAGE = `Usage: pnpm demo [--db <file>] [--seed <n>] [--scenario <name>]

Records June to August 2026 in the Xuzhai community into a Gridledger SQLite file, then prints
the headline read models.

  --db <file>   the file to write (default ./gridledger.db); replaced if it is a Gridledger
                file from an earlier run, refused otherwise
  --seed <n>    the generator's seed, a whole number (default ${DEFAULT_SEED})
  --scenario <name>
                season (default) or relapse: the season plus a dispute settled in July that
                turns into a criminal case on 31 July (民转刑 after settlement), near midnight
  --help        this text
`;

export interface DemoArgs {
  readonly file: string;
  readonly seed: number;
  readonly scenario: Scenario;
  readonly help: boolean;
}

/** Parses the command line; `cwd` resolves a relative --db (pnpm runs scripts in the package). */
export function parseDemoArgs(argv: readonly string[], cwd: string): DemoArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: {
        db: { type: 'string' },
        seed: { type: 'string' },
        scenario: { type: 'string' },
        help: { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    });
  } catch (error) {
    throw new ValidationError('demo options', [{ path: '', message: (error as Error).message }], {
      cause: error,
    });
  }
  const { db = 'gridledger.db', seed, scenario = 'season', help = false } = parsed.values;
  if (db === '')
    throw new ValidationError('demo options', [{ path: 'db', message: 'must name a file' }]);
  let seedNumber = DEFAULT_SEED;
  if (seed !== undefined) {
    seedNumber = /^\d+$/.test(seed) ? Number(seed) : Number.NaN;
    if (!(Number.isSafeInteger(seedNumber) && seedNumber <= 0xffffffff)) {
      throw new ValidationError('demo options', [
        { path: 'seed', message: `must be a whole number from 0 to 4294967295, got '${seed}'` },
      ]);
    }
  }
  if (!(SCENARIOS as readonly string[]).includes(scenario)) {
    throw new ValidationError('demo options', [
      {
        path: 'scenario',
        message: `must be one of ${SCENARIOS.join(', ')}, got '${scenario}'`,
      },
    ]);
  }
  return { file: resolve(cwd, db), seed: seedNumber, scenario: scenario as Scenario, help };
}

/** Runs the demo for a command line; returns the process exit code. */
export async function main(
  argv: readonly string[],
  io: {
    readonly cwd: string;
    readonly out: (text: string) => void;
    readonly err: (text: string) => void;
  },
): Promise<number> {
  try {
    const args = parseDemoArgs(argv, io.cwd);
    if (args.help) {
      io.out(USAGE);
      return 0;
    }
    const started = performance.now();
    const cpu = process.cpuUsage();
    const result = await runDemo({ file: args.file, seed: args.seed, scenario: args.scenario });
    io.out(formatReport(result));
    const { user, system } = process.cpuUsage(cpu);
    const seconds = (ms: number) => (ms / 1000).toFixed(1);
    io.out(
      `Done in ${seconds(performance.now() - started)} s (${seconds((user + system) / 1000)} s of CPU).\n`,
    );
    return 0;
  } catch (error) {
    if (!isGridledgerError(error)) throw error;
    io.err(`${error.message}\n\n${USAGE}`);
    return 2;
  }
}
