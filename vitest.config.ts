// One vitest run for the whole workspace. Packages resolve to their `src/` through the `@gridledger/source`
// export condition, so tests and examples need no build step.
import { defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@gridledger/source', ...defaultServerConditions] },
  ssr: { resolve: { conditions: ['@gridledger/source', ...defaultServerConditions] } },
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'examples/*/src/**/*.test.ts',
      'docs/**/*.test.ts',
      'bench/**/*.test.ts',
      'tests/**/*.test.ts',
    ],
    // Each test file in its own child process: the two EventStoreDB clients must never share one.
    pool: 'forks',
    setupFiles: ['./vitest.setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: ['default', 'json'],
    outputFile: { json: 'reports/vitest.json' },
  },
});
