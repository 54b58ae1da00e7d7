// fast-check for every test file: a failing property prints its seed and path (fast-check's own
// report), and setting them here replays it exactly:
//   FC_SEED=-1319566128 FC_PATH="12:3:0" pnpm vitest run <file> -t "<test name>"
import fc from 'fast-check';

const { FC_SEED, FC_PATH } = process.env;

function integer(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n))
    throw new Error(`${name} must be an integer, got ${JSON.stringify(value)}`);
  return n;
}

fc.configureGlobal({
  ...fc.readConfigureGlobal(),
  ...(FC_SEED ? { seed: integer('FC_SEED', FC_SEED) } : {}),
  ...(FC_PATH ? { path: FC_PATH } : {}),
});
