// Keeps the benchmarks runnable: each bench module runs in quick mode and must return finite,
// positive figures for every measurement. Speed itself is never asserted here.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { BenchModule } from './harness.js';
import { formatSection, ratioOf } from './report.js';

const here = dirname(fileURLToPath(import.meta.url));
const modules = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .sort();

describe('benchmarks (quick mode)', () => {
  it('finds the four benchmark modules', () => {
    expect(modules).toEqual(
      expect.arrayContaining([
        'projections.bench.ts',
        'store-memory.bench.ts',
        'store-postgres.bench.ts',
        'store-sqlite.bench.ts',
      ]),
    );
  });

  for (const file of modules) {
    it(`${file} measures every figure beside its baseline`, { timeout: 180_000 }, async () => {
      const mod = (await import(pathToFileURL(join(here, file)).href)) as { default: BenchModule };
      const section = await mod.default({ quick: true });
      expect(section.measurements.length).toBeGreaterThan(0);
      for (const m of section.measurements) {
        expect(Number.isFinite(m.gridledger) && m.gridledger > 0, `${m.metric} (gridledger)`).toBe(
          true,
        );
        expect(Number.isFinite(m.baseline) && m.baseline > 0, `${m.metric} (baseline)`).toBe(true);
        expect(Number.isFinite(ratioOf(m))).toBe(true);
      }
      expect(formatSection(section)).toContain(section.name);
    });
  }
});
