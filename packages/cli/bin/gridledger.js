#!/usr/bin/env node
// The `gridledger` command. The program itself is built into dist/ (pnpm build); this launcher
// exists before the build so installing the workspace can link the command.
import { existsSync } from 'node:fs';

const program = new URL('../dist/bin.js', import.meta.url);
if (!existsSync(program)) {
  console.error('gridledger: the command is not built yet; run `pnpm build` first');
  process.exit(1);
}
await import(program.href);
