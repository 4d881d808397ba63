import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { runScoped } from '../../db/connection';
import { rowsOf } from '../../db/rows';
import { auditEvents, clients, emailOutbox, pendingSignups, users } from '../../db/schema';
import { ownerScoped } from '../../db/seed/factories';
import { loadActor } from '../../lib/auth/actor';
import { verifyCredentials } from '../../lib/auth/credentials';
import { confirmSignUpAction, signUpPractice } from '../../lib/practice/actions';
import { practiceOverview } from '../../lib/practice/overview';
import { PLATFORM_PRACTICE_ID } from '../../lib/practice/platform';
import { listMembers } from '../../lib/practice/queries';
import { confirmSignUp, lookupPendingSignUp, NO_EMAIL_TRANSPORT } from '../../lib/practice/signup';
import { openTestDatabase } from '../support/database';
import { actAs, makePractice, owner } from '../support/factories';

const NEW_PASSWORD = 'violet-kettle-harbour-42';
const RUN = Date.now().toString(36);
let seq = 0;
const freshEmail = () => `founder-${RUN}-${++seq}@new.example`;

const form = (email: string, practiceName = `Harbour Therapy ${RUN}`) => ({
  practiceName,
  timeZone: 'Europe/London',
  name: 'Founder Person',
  email,
  password: NEW_PASSWORD,
  confirmPassword: NEW_PASSWORD,
});

/** Mail queued by the accounts desk for one address, oldest first. */
async function mailTo(email: string) {
  return ownerScoped(await owner(), PLATFORM_PRACTICE_ID, (tx) =>
    tx
      .select({ subject: emailOutbox.subject, body: emailOutbox.body, kind: emailOutbox.kind })
      .from(emailOutbox)
      .where(and(eq(emailOutbox.practiceId, PLATFORM_PRACTICE_ID), sql`lower(${emailOutbox.toAddress}) = ${email.toLowerCase()}`))
      .orderBy(emailOutbox.createdAt),
  );
}

async function pendingFor(email: string) {
  return ownerScoped(await owner(), PLATFORM_PRACTICE_ID, (tx) =>
    tx.select().from(pendingSignups).where(and(eq(pendingSignups.practiceId, PLATFORM_PRACTICE_ID), eq(pendingSignups.email, email))),
  );
}

async function userCount(email: string): Promise<number> {
  const db = await owner();
  const rows = await db.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
  return rows.length;
}

const tokenIn = (body: string | null) => /\/signup\/confirm\/([A-Za-z0-9_-]{43})/.exec(body ?? '')?.[1] ?? null;

beforeAll(() => {
  // The development outbox is the transport here (no SMTP_URL outside production).
  delete process.env.SMTP_URL;
});
afterEach(() => vi.unstubAllEnvs());

describe('signed-out sign-up reveals nothing', () => {
  it('answers a registered email (a client’s too) exactly as an unregistered one, and creates nothing', async () => {
    const a = await makePractice();
    actAs(null);
    const fresh = freshEmail();
    const answers = [
      await signUpPractice(null, form(fresh)),
      await signUpPractice(null, form(a.clientA1.email.toUpperCase())),
      await signUpPractice(null, form(a.therapist.email)),
    ];
    expect(answers[0]).toMatchObject({ ok: true, data: { message: expect.stringContaining('Check your email') } });
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    // Nothing exists before the link is opened: no login, no practice.
    expect(await userCount(fresh)).toBe(0);
    const [pending] = await pendingFor(fresh);
    const db = await owner();
    const practiceRows = await db.execute(sql`select count(*)::int as n from practices where id = ${pending!.id}`);
    expect(rowsOf(practiceRows)[0]).toMatchObject({ n: 0 });
    // The registered addresses get a note that they already have an account, and no pending sign-up.
    for (const email of [a.clientA1.email, a.therapist.email]) {
      const mails = await mailTo(email);
      expect(mails).toHaveLength(1);
      expect(mails[0]!.subject).toBe('You already have a Mend account');
      expect(mails[0]!.body).toContain('/login');
      expect(tokenIn(mails[0]!.body)).toBeNull();
      expect(await pendingFor(email)).toHaveLength(0);
    }
  });

  it('keeps only the SHA-256 of the token and the argon2 hash of the password, expiring in 24 hours', async () => {
    actAs(null);
    const email = freshEmail();
    await signUpPractice(null, form(email));
    const [mail] = await mailTo(email);
    expect(mail!.subject).toBe('Confirm your new practice on Mend');
    const token = tokenIn(mail!.body)!;
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    const [row] = await pendingFor(email);
    expect(row!.tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(row!.passwordHash).toMatch(/^\$argon2id\$/);
    expect(JSON.stringify(row)).not.toContain(token);
    expect(JSON.stringify(row)).not.toContain(NEW_PASSWORD);
    const hours = (row!.expiresAt.getTime() - row!.createdAt.getTime()) / 3_600_000;
    expect(hours).toBeGreaterThan(23.99);
    expect(hours).toBeLessThan(24.01);
  });

  it('refuses bad fields beside each field, echoing all but the passwords, and creates nothing', async () => {
    actAs(null);
    const bad = await signUpPractice(null, {
      practiceName: 'X',
      timeZone: 'EST',
      name: '',
      email: 'not-an-email',
      password: 'password1234',
      confirmPassword: 'different',
    });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(Object.keys(bad.fieldErrors).sort()).toEqual(['confirmPassword', 'email', 'name', 'password', 'practiceName', 'timeZone']);
    expect(bad.fieldErrors.password).toEqual([expect.stringContaining('This password would be easy to guess.')]);
    expect(bad.values?.practiceName).toBe('X');
    expect(bad.values?.password).toBeUndefined();
    expect(await mailTo('not-an-email')).toHaveLength(0);
  });

  it('with no way to send email, refuses every address alike once the deployment has a practice', async () => {
    const a = await makePractice();
    actAs(null);
    vi.stubEnv('NODE_ENV', 'production');
    const email = freshEmail();
    const fresh = await signUpPractice(null, form(email));
    const taken = await signUpPractice(null, form(a.admin.email));
    expect(fresh).toMatchObject({ ok: false, formError: NO_EMAIL_TRANSPORT });
    expect(taken).toMatchObject({ ok: false, formError: NO_EMAIL_TRANSPORT });
    if (!fresh.ok && !taken.ok) expect(taken.fieldErrors).toEqual(fresh.fieldErrors);
    expect(await pendingFor(email)).toHaveLength(0);
  });
});

describe('opening the confirmation link', () => {
  it('creates an empty, isolated practice whose first admin can act at once, once', async () => {
    const other = await makePractice('Existing');
    actAs(null);
    const email = freshEmail();
    await signUpPractice(null, form(email, 'Harbour Therapy'));
    const token = tokenIn((await mailTo(email))[0]!.body)!;
    expect(await lookupPendingSignUp(token)).toEqual({ state: 'pending', email, practiceName: 'Harbour Therapy' });

    // The wrong password creates nothing and says so beside the field.
    const wrong = await confirmSignUpAction(null, { token, password: 'not-the-password-at-all' });
    expect(wrong).toMatchObject({ ok: false, fieldErrors: { password: [expect.stringContaining('not the password')] } });
    expect(await userCount(email)).toBe(0);

    const created = await confirmSignUp(token, NEW_PASSWORD);
    const claims = await verifyCredentials({ email, password: NEW_PASSWORD });
    expect(claims).toMatchObject({ practiceId: created.practiceId, userId: created.userId });
    const actor = await loadActor(claims);
    expect(actor).toMatchObject({ role: 'admin', practice: { name: 'Harbour Therapy', timeZone: 'Europe/London' } });
    const members = await listMembers(actor!);
    expect(members.map((m) => m.email)).toEqual([email]);
    const overview = await practiceOverview(actor!);
    expect(overview.clientsByStatus).toEqual({ active: 0, paused: 0, discharged: 0, archived: 0 });
    const handle = await openTestDatabase();
    const seen = await runScoped(handle.app, { practiceId: created.practiceId }, (tx) => tx.select().from(clients));
    expect(seen).toHaveLength(0);
    expect(members.some((m) => m.email === other.admin.email)).toBe(false);
    const audit = await ownerScoped(await owner(), created.practiceId, (tx) =>
      tx.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.practiceId, created.practiceId)),
    );
    expect(audit.map((r) => r.action)).toContain('practice.signUp');
    // The pending row no longer holds the password's hash.
    expect((await pendingFor(email))[0]!.passwordHash).toBeNull();

    // Single use: the link now says so, and a second confirmation creates nothing more.
    expect(await lookupPendingSignUp(token)).toEqual({ state: 'used' });
    const again = await confirmSignUpAction(null, { token, password: NEW_PASSWORD });
    expect(again).toMatchObject({ ok: false, formError: expect.stringContaining('already been used') });
    expect(await userCount(email)).toBe(1);
  });

  it('refuses an expired or unknown link and creates nothing', async () => {
    actAs(null);
    const email = freshEmail();
    await signUpPractice(null, form(email));
    const token = tokenIn((await mailTo(email))[0]!.body)!;
    await ownerScoped(await owner(), PLATFORM_PRACTICE_ID, (tx) =>
      tx.update(pendingSignups).set({ expiresAt: sql`now() - interval '1 minute'` }).where(eq(pendingSignups.email, email)),
    );
    expect(await lookupPendingSignUp(token)).toEqual({ state: 'expired' });
    const expired = await confirmSignUpAction(null, { token, password: NEW_PASSWORD });
    expect(expired).toMatchObject({ ok: false, formError: expect.stringContaining('expired') });
    expect(await userCount(email)).toBe(0);
    expect(await lookupPendingSignUp('z'.repeat(43))).toEqual({ state: 'invalid' });
    expect(await confirmSignUpAction(null, { token: 'z'.repeat(43), password: NEW_PASSWORD })).toMatchObject({ ok: false });
  });

  it('refuses to create a login for an address that registered after the sign-up was asked for', async () => {
    const a = await makePractice();
    actAs(null);
    const email = freshEmail();
    await signUpPractice(null, form(email));
    const token = tokenIn((await mailTo(email))[0]!.body)!;
    // Meanwhile the address joined a practice.
    await ownerScoped(await owner(), a.id, (tx) => tx.update(users).set({ email }).where(eq(users.id, a.otherTherapist.userId)));
    const result = await confirmSignUpAction(null, { token, password: NEW_PASSWORD });
    expect(result.ok).toBe(false);
    expect(await userCount(email)).toBe(1);
  });
});
