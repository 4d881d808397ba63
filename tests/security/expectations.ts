import { PERMISSIONS, type Permission } from '../../lib/access/permissions';
import { homeFor } from '../../lib/auth/home';
import type { Role } from '../../lib/auth/types';
import type { Matrix } from './harness/matrix';
import type { PageExpectation, PageOutcome, ProbeContext } from './harness/types';
import { ACTOR_KEYS, type ActorKey } from './harness/world';
import { authProbes } from './probes/auth';
import { clientProbes } from './probes/clients';
import { clinicalProbes } from './probes/clinical';
import { practiceProbes } from './probes/practice';
import { notificationProbes } from './probes/notifications';

/**
 * The access matrix. Every server action and every page found in the code must have an entry here;
 * the suite fails on one without. Actions: see tests/security/probes/ and README.md. Pages: the
 * outcome for each actor, derived from the page's permission and shell, then narrowed where an
 * object-level rule (care team, own record) applies.
 */

const ROLE_OF: Record<ActorKey, Role | null> = {
  signedOut: null, deactivated: null, clientA1: 'client', clientA2: 'client', therapistA1: 'therapist',
  therapistA: 'therapist', adminA: 'admin', adminB: 'admin', therapistB: 'therapist',
};

const each = (fn: (key: ActorKey, role: Role | null) => PageOutcome) =>
  Object.fromEntries(ACTOR_KEYS.map((k) => [k, fn(k, ROLE_OF[k])])) as Record<ActorKey, PageOutcome>;

/** A page in the (clinic) shell: clients are sent to their portal, roles without the permission get a 404. */
export function clinicPage(permission?: Permission, overrides: Partial<Record<ActorKey, PageOutcome>> = {}, rest: Omit<PageExpectation, 'expect'> = {}): PageExpectation {
  return {
    ...rest,
    expect: {
      ...each((_, role) => {
        if (!role) return 'login';
        if (role === 'client') return 'redirect:/portal';
        if (permission && !(PERMISSIONS[permission] as readonly Role[]).includes(role)) return 'notFound';
        return 'ok';
      }),
      ...overrides,
    },
  };
}

/** A page in the client portal: everyone else is sent home. */
export function portalPage(permission?: Permission, overrides: Partial<Record<ActorKey, PageOutcome>> = {}, rest: Omit<PageExpectation, 'expect'> = {}): PageExpectation {
  return {
    ...rest,
    expect: {
      ...each((_, role) => {
        if (!role) return 'login';
        if (role !== 'client') return `redirect:${homeFor(role)}`;
        if (permission && !(PERMISSIONS[permission] as readonly Role[]).includes(role)) return 'notFound';
        return 'ok';
      }),
      ...overrides,
    },
  };
}

/** A page for the signed-out (sign-in, invitation links): the signed-in are sent home. */
export function publicPage(signedIn: PageOutcome = 'redirect:/', rest: Omit<PageExpectation, 'expect'> = {}): PageExpectation {
  return { ...rest, expect: each((_, role) => (role ? signedIn : 'ok')) };
}

const onlyA1CareTeam = { therapistA: 'notFound', adminB: 'notFound', therapistB: 'notFound' } as const;
const a1 = (ctx: ProbeContext) => ({ clientId: ctx.a.clientId });

export const matrix: Matrix = {
  actions: {
    ...authProbes,
    ...clientProbes,
    ...clinicalProbes,
    ...practiceProbes,
    ...notificationProbes,
  },
  pages: {
    '/': { expect: each((_, role) => (role ? `redirect:${homeFor(role)}` : 'login')) },
    '/login': publicPage(),
    // A guessed token shows the same "cannot be used" page to anyone, signed in or not.
    '/invite/[token]': { params: () => ({ token: 'g'.repeat(43) }), expect: each(() => 'ok') },
    '/reset-password/[token]': { params: () => ({ token: 'r'.repeat(43) }), expect: each(() => 'ok') },
    '/signup': publicPage(),
    // The person's own practices only: anyone with a live session sees their own list.
    '/choose-practice': { expect: each((_, role) => (role ? 'ok' : 'login')) },
    '/signup/confirm/[token]': { params: () => ({ token: 'k'.repeat(43) }), expect: each(() => 'ok') },
    // Development only (a 404 in production, tested in tests/unit/email): the emails a developer's Mend sent.
    '/dev/outbox': { expect: each(() => 'ok') },
    '/unsubscribe/[token]': { params: () => ({ token: 'u'.repeat(60) }), expect: each(() => 'ok') },
    '/account': clinicPage('account.changePassword'),
    '/admin': clinicPage('people.view'),
    '/caseload': clinicPage('caseload.view'),
    // Admin A sees A1's non-clinical header; other practices and other therapists get the same 404 as a missing id.
    '/clients/[clientId]': clinicPage('client.viewRecord', onlyA1CareTeam, { params: a1 }),
    // The report is clinical content: A1's care team only, so A's admin (off the team) gets the 404 too.
    '/clients/[clientId]/report': clinicPage('client.export', { ...onlyA1CareTeam, adminA: 'notFound' }, { params: a1 }),
    '/admin/people': clinicPage('people.view'),
    '/admin/clients': clinicPage('client.manage'),
    '/admin/clients/new': clinicPage('client.create'),
    '/admin/clients/[clientId]': clinicPage('client.manage', { adminB: 'notFound' }, { params: a1 }),
    '/admin/invitations': clinicPage('invitation.manage'),
    '/admin/audit': clinicPage('audit.view'),
    '/admin/settings': clinicPage('practice.settings'),
    '/alerts': clinicPage('alert.view'),
    '/library': clinicPage('library.view'),
    '/library/new': clinicPage('exercise.author'),
    // A's shared custom exercise: A's clinicians may open it; B's get the 404 of a key that does not exist.
    '/library/[key]': clinicPage('library.view', { adminB: 'notFound', therapistB: 'notFound' }, { params: (ctx) => ({ key: ctx.a.templateKey }) }),
    '/library/[key]/edit': clinicPage(
      'exercise.author',
      { therapistA: 'notFound', adminB: 'notFound', therapistB: 'notFound' },
      { params: (ctx) => ({ key: ctx.a.templateKey }) },
    ),
    '/submissions': clinicPage('submission.review'),
    '/submissions/[submissionId]': clinicPage(
      'submission.review',
      { therapistA: 'notFound', therapistB: 'notFound' },
      { params: (ctx) => ({ submissionId: ctx.a.submissionId }) },
    ),
    '/portal': portalPage(),
    '/portal/check-in': portalPage('checkin.submit'),
    '/portal/history': portalPage('submission.write'),
    '/portal/homework': portalPage('submission.write'),
    // A1's homework item: A2 gets the same 404 as for an id that does not exist.
    '/portal/homework/[occurrenceId]': portalPage('submission.write', { clientA2: 'notFound' }, { params: (ctx) => ({ occurrenceId: ctx.a.dueOccurrenceId }) }),
    '/portal/measures/[measure]': portalPage('measure.submit', {}, { params: () => ({ measure: 'phq9' }) }),
    '/portal/progress': portalPage('progress.viewOwn'),
    '/portal/report': portalPage('export.own'),
    '/portal/account': portalPage('account.changePassword'),
    '/portal/reminders': portalPage('reminders.manageOwn'),
    // Fail on purpose on the Playwright server only (MEND_TEST_FAULTS); anywhere else, behind each shell's own checks, they do not exist.
    '/test-fault': { expect: each((_, role) => (!role ? 'login' : role === 'client' ? 'redirect:/portal' : 'notFound')) },
    '/portal/test-fault': { expect: each((_, role) => (!role ? 'login' : role !== 'client' ? `redirect:${homeFor(role)}` : 'notFound')) },
  },
  routeHandlers: {
    '/api/auth/[...nextauth]': 'Auth.js: sign-in goes through authorizeCredentials (throttled); session reads return identifiers only.',
    '/caseload/export': 'Probed in isolation.test.ts (each actor, the CSV scanned for what they must not see).',
    '/admin/audit/export': 'Probed in isolation.test.ts (admins only; B’s admin sees no id of A).',
    '/clients/[clientId]/export/[file]': 'Probed in client-exports.test.ts (each actor, each file; care team only).',
    '/clients/[clientId]/fhir': 'Probed in client-exports.test.ts (each actor; care team only).',
    '/portal/export/[file]': 'Probed in client-exports.test.ts (each actor; a client gets only their own record).',
    '/api/health': 'Public liveness for a load balancer: a fixed status and the draining flag, no data (tests/integration/readiness.test.ts).',
    '/api/ready': 'Public readiness: database reachable and migrations current, as three flags, no data (tests/integration/readiness.test.ts).',
    '/api/unsubscribe/[token]': 'Public RFC 8058 one-click unsubscribe: a signed token is the only credential and stops one channel of its own client; the answer carries no data (tests/integration/one-click-unsubscribe.test.ts).',
    '/api/password-strength': 'Public strength meter for new-password fields: scores the password it is sent, reads and writes nothing, bounded body (tests/unit/auth/password-strength.test.ts).',
  },
};
