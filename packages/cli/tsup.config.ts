import { defineConfig, type Options } from 'tsup';

type Plugin = NonNullable<Options['esbuildPlugins']>[number];

/**
 * better-sqlite3 is a native addon and cannot be bundled. It is @gridledger/store-sqlite's
 * dependency, so the binary loads it from where that package is installed: correct in the
 * workspace (pnpm links it only there) and in any install of @gridledger/cli.
 */
const sqliteDriverBesideStoreSqlite: Plugin = {
  name: 'better-sqlite3-beside-store-sqlite',
  setup(build) {
    build.onResolve({ filter: /^better-sqlite3$/ }, () => ({
      path: 'better-sqlite3',
      namespace: 'sqlite-driver',
    }));
    build.onLoad({ filter: /.*/, namespace: 'sqlite-driver' }, () => ({
      loader: 'js',
      contents: [
        "import { createRequire } from 'node:module';",
        'const fromCli = createRequire(import.meta.url);',
        "const storeSqlite = fromCli.resolve('@gridledger/store-sqlite/package.json');",
        "export default createRequire(storeSqlite)('better-sqlite3');",
      ].join('\n'),
    }));
  },
};

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
    // their sources (so it runs from dist without building them) and their dependencies.
    entry: ['src/bin.ts'],
    format: ['esm'],
    sourcemap: true,
    target: 'node20',
    platform: 'node',
    noExternal: [/^@gridledger\//],
    esbuildPlugins: [sqliteDriverBesideStoreSqlite],
    esbuildOptions(options) {
      options.conditions = ['source'];
    },
    banner: {
      // Bundled CommonJS dependencies may call require().
      js: "import { createRequire as __gridledgerRequire } from 'node:module'; const require = __gridledgerRequire(import.meta.url);",
    },
  },
]);
