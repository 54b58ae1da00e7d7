// Executes every ```ts block of the READMEs and docs, so the documentation cannot rot.
// Each block is written to a temp module inside the repository (so `@gridledger/*` resolve to
// `src/`) and imported; a block checks its own results with node:assert.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { extractTsBlocks, readBlocks } from './code-blocks.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const scratch = join(root, '.snippets', String(process.pid));

describe('the docs runner itself', () => {
  it('extracts ts blocks with their line numbers and skips other languages', () => {
    const md = [
      '# t',
      '```ts',
      'const a = 1;',
      '```',
      '```sh',
      'pnpm test',
      '```',
      '```ts',
      'b()',
      '```',
    ];
    expect(extractTsBlocks('x.md', md.join('\n'))).toEqual([
      { file: 'x.md', line: 2, code: 'const a = 1;\n' },
      { file: 'x.md', line: 8, code: 'b()\n' },
    ]);
  });

  it('refuses an unclosed fence', () => {
    expect(() => extractTsBlocks('x.md', '```ts\nconst a = 1;')).toThrow(/x.md:1/);
  });
});

describe('documentation code blocks run', () => {
  const blocks = readBlocks(root);
  mkdirSync(scratch, { recursive: true });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('finds the documentation', () => {
    expect(blocks.some((b) => b.file === 'README.md')).toBe(true);
  });

  for (const block of blocks) {
    it(`${block.file}:${block.line}`, async () => {
      const name = `${block.file.replace(/[^A-Za-z0-9]+/g, '-')}-${block.line}.ts`;
      const path = join(scratch, name);
      // `export {}` makes every block a module, so top-level await and isolation both hold.
      writeFileSync(path, `${block.code}\nexport {};\n`);
      await import(path);
    });
  }
});
