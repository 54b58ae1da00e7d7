// The public face of every package, held in a committed list per entry point
// (tests/public-api/<entry>.txt): a name added to or removed from an entry point fails this test
// until the list is updated in the same change, so every change to what users can import is a
// reviewed line in a diff. An internal that leaks into `@gridledger/core` shows up here first.
//
// After a deliberate change: `pnpm vitest run tests/publicApi.test.ts -u`, and review the diff.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGES, ROOT } from './fixtures/built.js';
import { entryPoints, exportedNames } from './fixtures/publicApi.js';

const tsconfig = join(ROOT, 'tsconfig.base.json');
const entries = entryPoints(ROOT, PACKAGES);
const names = exportedNames(
  tsconfig,
  entries.map((entry) => entry.file),
);

const listFile = (specifier: string) =>
  join(
    ROOT,
    'tests',
    'public-api',
    `${specifier.replace('@gridledger/', '').replaceAll('/', '.')}.txt`,
  );

describe('public API', () => {
  it('covers the entry points of every package, including core’s subpaths', () => {
    expect(entries.map((entry) => entry.specifier)).toEqual(
      expect.arrayContaining([
        '@gridledger/core',
        '@gridledger/core/audit',
        '@gridledger/core/store',
        '@gridledger/core/testing',
        '@gridledger/projections',
        '@gridledger/store-memory',
      ]),
    );
  });

  it.each(entries)('$specifier exports exactly the names in its committed list', async (entry) => {
    const list = names.get(entry.file) ?? [];
    expect(list.length).toBeGreaterThan(0);
    await expect(`${list.join('\n')}\n`).toMatchFileSnapshot(listFile(entry.specifier));
  });

  it('keeps the kernel’s internals out of the root of @gridledger/core', () => {
    const root = entries.find((entry) => entry.specifier === '@gridledger/core');
    const rootNames = new Set((names.get(root?.file ?? '') ?? []).map((l) => l.split(' ')[0]));
    for (const internal of [
      'parseOrThrow',
      'issuesFromZod',
      'parseCommand',
      'assertOwnEvents',
      'checkCommandId',
      'hashInputOf',
      'canonicalJson',
      'isSyncRead',
      'checkAppend',
      'z',
    ]) {
      expect(rootNames.has(internal), internal).toBe(false);
    }
  });
});

describe('the lister the guard relies on', () => {
  it('sees values, type-only exports, re-exports and `export *`, and a name added to them', () => {
    const dir = join(ROOT, '.snippets', `public-api-${process.pid}`);
    mkdirSync(dir, { recursive: true });
    try {
      writeFileSync(join(dir, 'inner.ts'), 'export const a = 1;\nexport type B = string;\n');
      writeFileSync(
        join(dir, 'entry.ts'),
        "export * from './inner.js';\nexport { a as c } from './inner.js';\n" +
          'export interface D { readonly d: number }\nexport function e(): void {}\n',
      );
      const entry = join(dir, 'entry.ts');
      expect(exportedNames(tsconfig, [entry]).get(entry)).toEqual([
        'B type',
        'D type',
        'a value',
        'c value',
        'e value',
      ]);
      writeFileSync(
        join(dir, 'inner.ts'),
        'export const a = 1;\nexport type B = string;\nexport const leaked = 2;\n',
      );
      expect(exportedNames(tsconfig, [entry]).get(entry)).toContain('leaked value');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
