// Type-aware lint for the whole workspace. The one rule we lean on hardest: every switch over a
// union (events, commands, states) must be exhaustive.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import workspaceBoundaries from './eslint-rules/workspace-boundaries.js';

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '.snippets/**',
      'reports/**',
      'bench/results/**',
      '**/*.cjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: false, requireDefaultForNonUnion: false },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-floating-promises': 'error',
    },
  },
  {
    files: ['**/*.test.ts', 'bench/**', '**/testing/**', 'packages/store-conformance/**'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // The workspace's dependency rules (docs/architecture.md): no relative import into another
    // package, no deep `@gridledger/x/src` path, no undeclared or cycle-closing package import.
    plugins: { gridledger: { rules: { 'workspace-boundaries': workspaceBoundaries } } },
    rules: {
      'gridledger/workspace-boundaries': [
        'error',
        // The workspace's build-before-test helper, shared by every test of built output.
        { allow: ['tests/fixtures/built.ts'] },
      ],
    },
  },
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  {
    // Plain JavaScript launchers run on Node.
    files: ['**/bin/*.js'],
    languageOptions: { globals: { URL: 'readonly', console: 'readonly', process: 'readonly' } },
  },
);
