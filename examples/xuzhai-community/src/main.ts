// Entry point of `pnpm demo`. pnpm runs the script in this package's folder and passes the
// folder it was started from as INIT_CWD, so `--db` and the default file are relative to it.
import { main } from './cli.js';

// Piped into `head`, the reader may leave early: that is the end of the report, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

process.exitCode = await main(process.argv.slice(2), {
  cwd: process.env.INIT_CWD ?? process.cwd(),
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
});
