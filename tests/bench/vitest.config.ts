import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Benchmarks only: `npx vitest run --config tests/bench/vitest.config.ts`. Not part of `npm test`.
const root = fileURLToPath(new URL('../..', import.meta.url));
export default defineConfig({
  resolve: {
    alias: {
      '@': root,
      'server-only': fileURLToPath(new URL('../support/empty.ts', import.meta.url)),
    },
  },
  test: {
    root,
    include: ['tests/bench/**/*.bench.ts'],
    environment: 'node',
    testTimeout: 1_800_000,
    hookTimeout: 1_800_000,
  },
});
