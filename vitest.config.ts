import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));
// `server-only` throws outside a React server bundle; tests run domain code directly.
const alias = {
  '@': root,
  'server-only': fileURLToPath(new URL('./tests/support/empty.ts', import.meta.url)),
};

export default defineConfig({
  resolve: { alias },
  test: {
    // The security suite's summary lines (isolation, rls, fuzz) come last; silent for other projects.
    reporters: ['default', './tests/security/reporter.ts'],
    projects: [
      { resolve: { alias }, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' } },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/global-setup.ts'],
          setupFiles: ['tests/support/setup-env.ts', 'tests/support/setup-db.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'security',
          include: ['tests/security/**/*.test.ts'],
          // next-auth imports 'next/server' without an extension, which only a bundler resolves.
          server: { deps: { inline: ['next-auth'] } },
          environment: 'node',
          globalSetup: ['tests/support/global-setup.ts'],
          setupFiles: [
            'tests/support/setup-env.ts',
            'tests/support/setup-db.ts',
            'tests/security/harness/request-mock.ts',
          ],
          testTimeout: 300_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
