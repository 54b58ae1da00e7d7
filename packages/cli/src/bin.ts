#!/usr/bin/env node
// Entry point of the `gridledger` binary.
import { main } from './main.js';
import { dropOutputOnClosedPipe } from './io.js';

const controller = new AbortController();
process.once('SIGINT', () => controller.abort());
dropOutputOnClosedPipe(process.stdout);
dropOutputOnClosedPipe(process.stderr);

const code = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
  signal: controller.signal,
});
process.exitCode = code;
