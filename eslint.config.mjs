import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      // Text renders as text: no raw HTML from React or through the DOM.
      'react/no-danger': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: "AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]", message: 'Set textContent, or render with React: raw HTML is never written.' },
        { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'Render with React: raw HTML is never written.' },
      ],
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
    // One scoped transaction, opened in one place: lib/access (withActor for an actor, the named helpers of
    // system-scope.ts for sign-in, invitations and sign-up). Everything else receives its `tx` from there,
    // so the database client and the connection's internals stay out of it (types may still be imported).
    files: ['app/**/*.{ts,tsx}', 'lib/**/*.{ts,tsx}', 'proxy.ts'],
    ignores: ['lib/access/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@/db/client', '@/db/connection', '@/db/registry', '**/db/client', '**/db/connection', '**/db/registry'],
              allowTypeImports: true,
              message: 'Open transactions through lib/access (withActor, or a named helper in lib/access/system-scope.ts).',
            },
          ],
        },
      ],
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
