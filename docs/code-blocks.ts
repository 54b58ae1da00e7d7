// Finds the ```ts code blocks of the project's markdown so the docs can be executed as tests.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface CodeBlock {
  /** Markdown file, relative to the repository root. */
  readonly file: string;
  /** 1-based line of the opening fence. */
  readonly line: number;
  readonly code: string;
}

const FENCE = /^```(\S*)\s*$/;

/** A fenced block of any language, with where it opens and closes. */
export interface FencedBlock extends CodeBlock {
  /** The info string after the opening fence (`ts`, `sh`, `text`…), or '' when there is none. */
  readonly lang: string;
  /** 1-based line of the closing fence. */
  readonly endLine: number;
}

/** Every fenced block of one markdown text, in order. */
export function extractFencedBlocks(file: string, markdown: string): FencedBlock[] {
  const blocks: FencedBlock[] = [];
  const lines = markdown.split('\n');
  let open: { lang: string; line: number; body: string[] } | undefined;
  lines.forEach((text, index) => {
    const fence = FENCE.exec(text.trimEnd());
    if (open === undefined) {
      if (fence) open = { lang: fence[1] ?? '', line: index + 1, body: [] };
      return;
    }
    if (text.trim() === '```') {
      const code = open.body.join('\n') + '\n';
      blocks.push({ file, line: open.line, endLine: index + 1, lang: open.lang, code });
      open = undefined;
      return;
    }
    open.body.push(text);
  });
  if (open !== undefined) throw new Error(`${file}:${open.line}: code fence is never closed`);
  return blocks;
}

/** Every ```ts (or ```typescript) block of one markdown text. Other languages are not run. */
export function extractTsBlocks(file: string, markdown: string): CodeBlock[] {
  return extractFencedBlocks(file, markdown)
    .filter((block) => block.lang === 'ts' || block.lang === 'typescript')
    .map(({ file: name, line, code }) => ({ file: name, line, code }));
}

/** The markdown files whose code is documentation: READMEs and everything under docs/. */
export function documentationFiles(root: string): string[] {
  const files: string[] = ['README.md'];
  const walk = (dir: string): void => {
    for (const name of readdirSync(join(root, dir))) {
      if (name === 'node_modules' || name.startsWith('.')) continue;
      const path = join(dir, name);
      if (statSync(join(root, path)).isDirectory()) walk(path);
      else if (name.endsWith('.md')) files.push(path);
    }
  };
  walk('docs');
  for (const group of ['packages', 'examples']) {
    for (const name of readdirSync(join(root, group))) {
      const readme = join(group, name, 'README.md');
      if (statSync(join(root, group, name)).isDirectory() && exists(join(root, readme))) {
        files.push(readme);
      }
    }
  }
  return files.map((f) => relative(root, join(root, f))).sort();
}

function exists(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

export function readBlocks(root: string): CodeBlock[] {
  return documentationFiles(root).flatMap((file) =>
    extractTsBlocks(file, readFileSync(join(root, file), 'utf8')),
  );
}
