import { defineConfig } from 'tsup';

export default defineConfig({
  // One entry per subpath of package.json's `exports`.
  entry: {
    index: 'src/index.ts',
    store: 'src/eventsourcing/storeKit/index.ts',
    audit: 'src/eventsourcing/audit/index.ts',
    'testing/index': 'src/testing/index.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
});
