import { defineConfig } from 'tsup';

export default defineConfig([
  {
    entry: ['src/index.ts'],
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'node20',
  },
  {
    // The binary is ESM only: it uses top-level await. It bundles the workspace packages from
    // their sources (so it runs from dist without building them) and their dependencies, except
    // the native better-sqlite3 driver, a dependency of the CLI itself and so left external.
    entry: ['src/bin.ts'],
    format: ['esm'],
    sourcemap: true,
    target: 'node20',
    platform: 'node',
    noExternal: [/^@gridledger\//],
    esbuildOptions(options) {
      options.conditions = ['@gridledger/source'];
    },
    banner: {
      // Bundled CommonJS dependencies may call require().
      js: "import { createRequire as __gridledgerRequire } from 'node:module'; const require = __gridledgerRequire(import.meta.url);",
    },
  },
]);
