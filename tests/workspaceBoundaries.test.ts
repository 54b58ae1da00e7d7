// The lint rule that keeps the workspace's packages apart (eslint-rules/workspace-boundaries.js)
// fires on each thing it forbids, on files at their real places in this workspace, and stays quiet
// on the imports the packages really make.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { afterAll, describe, it } from 'vitest';
import rule from '../eslint-rules/workspace-boundaries.js';
import { ROOT } from './fixtures/built.js';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const tester = new RuleTester({
  languageOptions: { parser: tseslint.parser, ecmaVersion: 2022, sourceType: 'module' },
});
const at = (path: string) => join(ROOT, path);

tester.run('gridledger/workspace-boundaries', rule, {
  valid: [
    {
      filename: at('packages/core/src/x.test.ts'),
      code: "import { Dispute } from '@gridledger/core';",
    },
    {
      filename: at('packages/core/src/x.test.ts'),
      code: "import { x } from './eventsourcing/ledger.js';",
    },
    {
      filename: at('packages/store-memory/src/x.ts'),
      code: "import { checkAppend } from '@gridledger/core/store';",
    },
    {
      filename: at('packages/projections/src/x.test.ts'),
      code: "import { generateHistory } from '@gridledger/history-fixture';",
    },
    {
      filename: at('packages/cli/src/commands/x.test.ts'),
      code: "import { buildCli } from '../../../../tests/fixtures/built.js';",
      options: [{ allow: ['tests/fixtures/built.ts'] }],
    },
    { filename: at('bench/x.ts'), code: "import { createLedger } from '@gridledger/core';" },
  ],
  invalid: [
    {
      // another package's fixture, by relative path
      filename: at('packages/cli/src/commands/x.test.ts'),
      code: "import { story } from '../../../core/src/eventsourcing/audit/__fixtures__/xuShang.js';",
      errors: [{ messageId: 'crossPackage' }],
    },
    {
      filename: at('bench/x.ts'),
      code: "export { generateHistory } from '../packages/projections/src/index.js';",
      errors: [{ messageId: 'crossPackage' }],
    },
    {
      filename: at('packages/cli/src/commands/x.test.ts'),
      code: "import { buildCli } from '../../../../tests/fixtures/built.js';",
      errors: [{ messageId: 'crossPackage' }],
    },
    {
      filename: at('packages/projections/src/x.ts'),
      code: "import { ledger } from '@gridledger/core/src/eventsourcing/ledger.js';",
      errors: [{ messageId: 'deepPath' }],
    },
    {
      // core depends on no store: store-memory → core, so this import would be a cycle
      filename: at('packages/core/src/eventsourcing/x.test.ts'),
      code: "import { createMemoryEventStore } from '@gridledger/store-memory';",
      errors: [{ messageId: 'undeclared' }],
    },
    {
      filename: at('packages/store-memory/src/x.test.ts'),
      code: "const m = await import('@gridledger/cli');",
      errors: [{ messageId: 'undeclared' }],
    },
  ],
});

// A workspace whose manifests form a cycle (a → b → a, as core ⇄ store-memory once did).
const cyclic = mkdtempSync(join(tmpdir(), 'gridledger-cycle-'));
afterAll(() => rmSync(cyclic, { recursive: true, force: true }));
writeFileSync(join(cyclic, 'pnpm-workspace.yaml'), 'packages:\n  - packages/*\n');
writeFileSync(join(cyclic, 'package.json'), JSON.stringify({ name: 'root', private: true }));
for (const [name, deps] of [
  ['a', { dependencies: { '@gridledger/b': 'workspace:*' } }],
  ['b', { devDependencies: { '@gridledger/a': 'workspace:*' } }],
] as const) {
  mkdirSync(join(cyclic, 'packages', name, 'src'), { recursive: true });
  const exports = { '.': { '@gridledger/source': './src/index.ts' } };
  writeFileSync(
    join(cyclic, 'packages', name, 'package.json'),
    JSON.stringify({ name: `@gridledger/${name}`, exports, ...deps }),
  );
}

tester.run('gridledger/workspace-boundaries on a cyclic workspace', rule, {
  valid: [
    {
      filename: join(cyclic, 'packages/a/src/other.ts'),
      code: "import { c } from './c.js';",
      options: [{ root: cyclic }],
    },
  ],
  invalid: [
    {
      // a declared dev dependency that depends back: the import closes the cycle
      filename: join(cyclic, 'packages/b/src/b.test.ts'),
      code: "import { a } from '@gridledger/a';",
      options: [{ root: cyclic }],
      errors: [
        {
          messageId: 'cycle',
          data: { own: '@gridledger/b', target: '@gridledger/a', path: 'a → b' },
        },
      ],
    },
    {
      // the manifests' cycle itself, reported on each package's entry file
      filename: join(cyclic, 'packages/a/src/index.ts'),
      code: 'export const a = 1;',
      options: [{ root: cyclic }],
      errors: [{ messageId: 'manifestCycle' }],
    },
  ],
});
