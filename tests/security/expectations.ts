import { PERMISSIONS, type Permission } from '../../lib/access/permissions';
import { homeFor } from '../../lib/auth/home';
import type { Role } from '../../lib/auth/types';
import type { Matrix } from './harness/matrix';
import type { PageExpectation, PageOutcome, ProbeContext } from './harness/types';
import { ACTOR_KEYS, type ActorKey } from './harness/world';
import { authProbes } from './probes/auth';
import { clientProbes } from './probes/clients';

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
  },
  pages: {
    '/': { expect: each((_, role) => (role ? `redirect:${homeFor(role)}` : 'login')) },
    '/login': publicPage(),
    '/account': clinicPage('account.changePassword'),
    '/admin': clinicPage('people.view'),
    '/caseload': clinicPage('caseload.view'),
    // Admin A sees A1's non-clinical header; other practices and other therapists get the same 404 as a missing id.
    '/clients/[clientId]': clinicPage('client.viewRecord', onlyA1CareTeam, { params: a1 }),
    '/portal': portalPage(),
    '/portal/account': portalPage('account.changePassword'),
  },
  routeHandlers: {
    '/api/auth/[...nextauth]': 'Auth.js: sign-in goes through authorizeCredentials (throttled); session reads return identifiers only.',
  },
};
