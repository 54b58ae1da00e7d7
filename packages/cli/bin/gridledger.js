#!/usr/bin/env node
// The `gridledger` command. Installed from a registry it runs the program built into dist/.
// Inside the Gridledger repository (where tsconfig.json sits beside this package; it is never
// published) it runs the TypeScript sources through tsx instead, so the command works right after
// `pnpm install`, with no build step, and is never older than the code beside it.
import { existsSync } from 'node:fs';
import { register } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = (path) => new URL(path, import.meta.url);

// Workspace packages resolve to their sources through this export condition, as in the tests.
const sourceConditions = `export async function resolve(specifier, context, next) {
  return next(specifier, { ...context, conditions: [...context.conditions, '@gridledger/source'] });
}`;

if (existsSync(here('../tsconfig.json')) && existsSync(here('../src/bin.ts'))) {
  let tsx;
  try {
    tsx = await import('tsx/esm/api');
  } catch {
    console.error(
      'gridledger: run `pnpm install` first (the command runs from its sources here, through tsx)',
    );
    process.exit(1);
  }
  tsx.register({ tsconfig: fileURLToPath(here('../tsconfig.json')) });
  register(`data:text/javascript,${encodeURIComponent(sourceConditions)}`, import.meta.url);
  await import(here('../src/bin.ts').href);
} else if (existsSync(here('../dist/bin.js'))) {
  await import(here('../dist/bin.js').href);
} else {
  console.error(
    'gridledger: dist/bin.js is missing from this installation of @gridledger/cli; reinstall it',
  );
  process.exit(1);
}
