import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const DATABASE_CLIENT = {
  group: ['@/db/client', '@/db/connection', '@/db/registry', '**/db/client', '**/db/connection', '**/db/registry'],
  allowTypeImports: true,
  message: 'Open transactions through lib/access (withActor, or a named helper in lib/access/system-scope.ts).',
};

const SYSTEM_SCOPE = {
  group: ['@/lib/access/system-scope', '**/access/system-scope'],
  allowTypeImports: true,
  message: 'Pages and actions read and write as the signed-in person: use withActor (lib/access/scope.ts). The system-scope helpers are for sign-in, invitations, sign-up and background jobs (SYSTEM_SCOPE_USERS in eslint.config.mjs).',
};

/** The modules that run before sign-in or on no one's behalf, and so open their transactions through system-scope.ts. */
const SYSTEM_SCOPE_USERS = [
  // Sign-in, sessions, the throttle, invitations and sign-up: before there is an actor.
  'lib/auth/**',
  'lib/invitations/**',
  'lib/practice/signup.ts',
  'lib/practice/demo.ts',
  'lib/reminders/unsubscribe-with-token.ts',
  // Background jobs and what they call: on a member's behalf (withMemberOnBehalf) or the practice's own.
  'lib/jobs/**',
  'lib/reminders/job.ts',
  'lib/notifications/deliver.ts',
  'lib/notifications/digest.ts',
  'lib/notifications/escalation.ts',
  'lib/email/outbox.ts',
  'lib/push/send.ts',
  'lib/assignments/roll-forward.ts',
  // The readiness probe: no practice at all.
  'lib/runtime/readiness.ts',
];

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
    // The system-scope helpers themselves open transactions with no actor: only the flows that run before
    // sign-in or on no one's behalf (SYSTEM_SCOPE_USERS) may call them; every page and action uses withActor.
    files: ['app/**/*.{ts,tsx}', 'lib/**/*.{ts,tsx}', 'proxy.ts'],
    ignores: ['lib/access/**', ...SYSTEM_SCOPE_USERS],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [DATABASE_CLIENT, SYSTEM_SCOPE] }] },
  },
  {
    files: SYSTEM_SCOPE_USERS,
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [DATABASE_CLIENT] }] },
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
