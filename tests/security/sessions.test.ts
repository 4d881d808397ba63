import { eq, sql } from 'drizzle-orm';
import { isRedirectError } from 'next/dist/client/components/redirect-error';
import { describe, expect, it, vi } from 'vitest';
import { auditEvents, sessions } from '../../db/schema';
import { ownerScoped } from '../../db/seed/factories';
import { MESSAGES } from '../../lib/access/errors';
import { changePassword, endOtherSessions, signOutAction } from '../../lib/auth/actions';
import { attemptSignIn } from '../../lib/auth/credentials';
import type { SessionClaims } from '../../lib/auth/sessions';
import { acceptPasswordReset } from '../../lib/invitations/service';
import { sendPasswordReset } from '../../lib/invitations/actions';
import { deactivateMember, updateSettings } from '../../lib/practice/actions';
import { TEST_PASSWORD, type TestPractice, actAs, makePractice, owner } from '../support/factories';
import { listPages } from './harness/inventory';
import { classifyThrow } from './harness/matrix';
import { recordReport } from './harness/report';
import { actWithClaims } from './harness/world';

vi.mock('../../lib/auth/index', () => import('./harness/auth-mock'));
// The root layout reads the theme cookie; outside a request there is none.
vi.mock('next/headers', async (original) => ({
  ...(await original<typeof import('next/headers')>()),
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false }),
}));

const NEW_PASSWORD = 'a-fresh-long-passphrase-42';
const FIREFOX_ON_MAC = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:130.0) Gecko/20100101 Firefox/130.0';
/** Pages a copied cookie would open: the therapist's home, their account, the alerts queue. */
const PAGES = ['/caseload', '/account', '/alerts'];

const swallowRedirect = async (run: () => Promise<unknown>) => {
  try {
    return await run();
  } catch (error) {
    if (isRedirectError(error)) return { redirected: true };
    throw error;
  }
};

async function signInAs(email: string, password = TEST_PASSWORD): Promise<SessionClaims> {
  const attempt = await attemptSignIn({ email, password }, { userAgent: FIREFOX_ON_MAC });
  if (attempt.status !== 'ok') throw new Error(`sign-in ${attempt.status}`);
  return attempt.claims;
}

/** What the page does for the current cookie: rendered, or sent to sign in (or elsewhere). */
async function openPage(route: string): Promise<string> {
  const page = listPages().find((p) => p.route === route);
  if (!page) throw new Error(`no page ${route}`);
  try {
    for (const file of page.layouts) await ((await import(file)) as { default: (p: unknown) => unknown }).default({ children: null, params: Promise.resolve({}) });
    await ((await import(page.file)) as { default: (p: unknown) => unknown }).default({ params: Promise.resolve({}), searchParams: Promise.resolve({}) });
    return 'ok';
  } catch (error) {
    const outcome = classifyThrow(error);
    if (!outcome) throw error;
    return outcome;
  }
}

/** Two server actions the cookie's owner may call; each answers "session ended" or does its work. */
const ACTIONS: Record<string, () => Promise<boolean>> = {
  'account.changePassword': async () => {
    const result = await changePassword(null, { currentPassword: 'not-my-password-at-all', newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    return !(result.ok === false && result.formError === MESSAGES.signedOut);
  },
  'account.endSessions': async () => (await endOtherSessions(null, { sessionId: 'others' })).ok,
};

type Tally = { probes: number; accepted: string[] };

/** Every page and action with the cookie: counted, and each acceptance of it named. */
async function replay(claims: SessionClaims, label: string, tally: Tally, expectAlive: boolean): Promise<void> {
  actWithClaims(claims);
  try {
    for (const route of PAGES) {
      const outcome = await openPage(route);
      if (expectAlive) expect(outcome, `${label}: ${route} before`).toBe('ok');
      else {
        tally.probes += 1;
        if (outcome !== 'login') tally.accepted.push(`${label}: ${route} answered ${outcome}`);
      }
    }
    for (const [name, run] of Object.entries(ACTIONS)) {
      const accepted = await run();
      if (expectAlive) expect(accepted, `${label}: ${name} before`).toBe(true);
      else {
        tally.probes += 1;
        if (accepted) tally.accepted.push(`${label}: ${name} ran`);
      }
    }
  } finally {
    actWithClaims(null);
  }
}

async function sessionRow(id: string) {
  const [row] = await (await owner()).select().from(sessions).where(eq(sessions.id, id));
  return row!;
}

async function backdate(id: string, minutes: number) {
  await (await owner()).update(sessions).set({ lastSeenAt: sql`now() - make_interval(mins => ${minutes})` }).where(eq(sessions.id, id));
}

async function auditRows(practiceId: string) {
  return ownerScoped(await owner(), practiceId, (tx) =>
    tx.select({ action: auditEvents.action, entityId: auditEvents.entityId, meta: auditEvents.meta }).from(auditEvents).where(eq(auditEvents.practiceId, practiceId)),
  );
}

/** Each way a session ends, done the way a person would do it. */
const WAYS: Record<string, { reason: string; end: (a: TestPractice, claims: SessionClaims) => Promise<void> }> = {
  'signed out': {
    reason: 'signOut',
    end: async (_a, claims) => {
      actWithClaims(claims);
      await swallowRedirect(() => signOutAction());
      actWithClaims(null);
    },
  },
  'password changed': {
    reason: 'passwordChanged',
    end: async (_a, claims) => {
      actWithClaims(claims);
      await swallowRedirect(() => changePassword(null, { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }));
      actWithClaims(null);
    },
  },
  'password reset': {
    reason: 'passwordReset',
    end: async (a) => {
      actAs(a.admin, a.id);
      const result = await sendPasswordReset(null, { membershipId: a.therapist.membershipId });
      const link = (result as { ok: boolean; data?: { link?: string } }).data?.link;
      await acceptPasswordReset(link!.split('/').pop()!, { password: NEW_PASSWORD });
    },
  },
  deactivated: {
    reason: 'deactivated',
    end: async (a) => {
      actAs(a.admin, a.id);
      expect(await deactivateMember(null, { membershipId: a.therapist.membershipId })).toMatchObject({ ok: true });
    },
  },
  'idle limit lowered by the practice': {
    reason: 'idle',
    end: async (a, claims) => {
      // Ten minutes idle is within the 15-minute default; the practice then lowers its limit to 5.
      await backdate(claims.sessionId, 10);
      actAs(a.admin, a.id);
      expect(
        await updateSettings(null, { name: a.name, timeZone: 'America/New_York', safetyQuestionEnabled: 'on', idleTimeoutMinutes: '5' }),
      ).toMatchObject({ ok: true });
    },
  },
  'idle past the limit': { reason: 'idle', end: async (_a, claims) => backdate(claims.sessionId, 16) },
  'ended from Account in another browser': {
    reason: 'endedByUser',
    end: async (a, claims) => {
      actWithClaims(await signInAs(a.therapist.email));
      expect(await endOtherSessions(null, { sessionId: claims.sessionId })).toMatchObject({ ok: true });
      actWithClaims(null);
    },
  },
};

describe('sessions end on the server', () => {
  it('after every way a session ends, a cookie copied before is refused by pages and actions, and its idle clock stands still', async ({ task }) => {
    const tally: Tally = { probes: 0, accepted: [] };
    for (const [label, way] of Object.entries(WAYS)) {
      const a = await makePractice();
      const claims = await signInAs(a.therapist.email);
      await replay(claims, label, tally, true);
      await way.end(a, claims);
      const ended = await sessionRow(claims.sessionId);
      if (label !== 'idle limit lowered by the practice' && label !== 'idle past the limit') {
        expect(ended.endedAt, label).not.toBeNull();
      }
      // Replayed twice: the first replay of an idle session ends it; neither may touch its clock.
      const seenBefore = ended.lastSeenAt.getTime();
      await replay(claims, label, tally, false);
      await replay(claims, `${label} (again)`, tally, false);
      const after = await sessionRow(claims.sessionId);
      expect(after.endedAt, label).not.toBeNull();
      expect(after.endedReason, label).toBe(way.reason);
      expect(after.lastSeenAt.getTime(), `${label}: the idle clock moved`).toBe(seenBefore);
      // The end is in the audit log, by session id only.
      const rows = await auditRows(a.id);
      const action = way.reason === 'signOut' ? 'auth.signOut' : 'session.end';
      expect(rows.filter((r) => r.entityId === claims.sessionId).map((r) => r.action), label).toEqual(expect.arrayContaining(['auth.signIn', action]));
    }
    recordReport(task, { sessions: { probes: tally.probes, accepted: tally.accepted.length } });
    expect(tally.accepted, tally.accepted.join('\n')).toEqual([]);
    expect(tally.probes).toBeGreaterThanOrEqual(Object.keys(WAYS).length * (PAGES.length + Object.keys(ACTIONS).length) * 2);
  });

  it('Account lists where a person is signed in, and nobody can end another person\u2019s session', async () => {
    const a = await makePractice();
    const mine = await signInAs(a.therapist.email);
    const theirs = await signInAs(a.otherTherapist.email);
    const { listActiveSessions } = await import('../../lib/auth/sessions');
    const { loadActor } = await import('../../lib/auth/actor');
    const actor = (await loadActor(mine))!;
    const listed = await listActiveSessions(actor);
    expect(listed).toEqual([expect.objectContaining({ id: mine.sessionId, device: 'Firefox on macOS', current: true })]);

    actWithClaims(mine);
    expect(await endOtherSessions(null, { sessionId: theirs.sessionId })).toMatchObject({ ok: false, formError: expect.stringContaining('not found') });
    // Nor the current one: signing out is the way to end that.
    expect(await endOtherSessions(null, { sessionId: mine.sessionId })).toMatchObject({ ok: false });
    actWithClaims(null);
    expect((await sessionRow(theirs.sessionId)).endedAt).toBeNull();
    expect(await loadActor(theirs)).not.toBeNull();
    expect(await loadActor(mine)).not.toBeNull();
  });
});
