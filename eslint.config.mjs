import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['warn', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    // Arrows point one way: app → lib → db. Routes never reach the database directly.
    files: ['app/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@/db/*', '**/db/*'], message: 'app/ reads and writes through lib/, never db/.' }] }],
    },
  },
  {
    // Pure domain modules: no I/O.
    files: ['lib/measures/**', 'lib/exercises/**', 'lib/checkins/rules.ts', 'lib/alerts/triggers.ts', 'lib/assignments/recurrence.ts', 'lib/assignments/adherence.ts'],
    // The domain's server side (queries and actions over the practice's own exercises) lives beside its pure core.
    ignores: ['lib/**/actions.ts', 'lib/**/*-actions.ts', 'lib/**/queries.ts', 'lib/exercises/library.ts', 'lib/measures/client-overview.ts', 'lib/measures/schedules.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@/db/*', '**/db/*', 'next/*', 'server-only'], message: 'Pure modules import nothing with I/O.' }] }],
    },
  },
  globalIgnores(['.next/**', '.next-*/**', 'out/**', 'build/**', 'next-env.d.ts', '.data/**', 'test-results/**', 'playwright-report/**', 'db/migrations/**']),
]);
