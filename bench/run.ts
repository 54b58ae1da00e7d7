// `pnpm bench`: runs every bench/*.bench.ts, prints each figure beside its baseline as a ratio,
// and saves the results as JSON under bench/results/ (one file per run, plus latest.json).
// Usage: pnpm bench [--quick] [name-filter…]
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { arch, cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchModule, BenchSection, Measurement } from './harness.js';
import { formatSection, verdict } from './report.js';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const filters = args.filter((a) => !a.startsWith('--'));

if (!(globalThis as { gc?: unknown }).gc) {
  console.warn('note: run with --expose-gc (pnpm bench does) for meaningful memory figures');
}

const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();

const sections: BenchSection[] = [];
for (const file of files) {
  console.log(`\n▶ ${file}${quick ? ' (quick)' : ''}`);
  const mod = (await import(pathToFileURL(join(here, file)).href)) as { default: BenchModule };
  const section = await mod.default({ quick });
  sections.push(section);
  console.log(formatSection(section));
}

const missed: Measurement[] = sections.flatMap((s) =>
  s.measurements.filter((m) => verdict(m) === 'missed'),
);
const result = {
  startedAt: new Date().toISOString(),
  quick,
  machine: {
    node: process.version,
    arch: arch(),
    cpus: cpus().length,
    memoryGiB: totalmem() / 2 ** 30,
  },
  sections,
  targetsMissed: missed.map((m) => m.metric),
};
const out = join(here, 'results');
mkdirSync(out, { recursive: true });
const stamp = result.startedAt.replace(/[:.]/g, '-');
writeFileSync(
  join(out, `${stamp}${quick ? '-quick' : ''}.json`),
  JSON.stringify(result, null, 2) + '\n',
);
writeFileSync(
  join(out, `latest${quick ? '-quick' : ''}.json`),
  JSON.stringify(result, null, 2) + '\n',
);
console.log(`\nsaved bench/results/${stamp}${quick ? '-quick' : ''}.json`);
console.log(
  missed.length === 0 ? 'all targets met' : `targets missed: ${result.targetsMissed.join(', ')}`,
);
