import 'server-only';
import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Tx } from '@/db/client';
import { withPracticeSystem, withSignInLookup, withoutPractice } from '@/lib/access/system-scope';
import { rowsOf } from '@/db/rows';
import { emailOutbox, memberships, pendingSignups, practices, users } from '@/db/schema';
import { ActionRefusal } from '@/lib/access/errors';
import { recordAudit } from '@/lib/audit/record';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { emailTransport } from '@/lib/email';
import { enqueueEmail } from '@/lib/email/outbox';
import { existingAccountEmail, signUpConfirmationEmail } from '@/lib/email/templates';
import { appOrigin } from '@/lib/invitations/links';
import { hashToken, looksLikeToken, newToken } from '@/lib/invitations/token';
import { PLATFORM_PRACTICE_ID } from './platform';
import type { signUpInput } from './schemas';

/** A confirmation link works this long. */
export const SIGNUP_TTL_HOURS = 24;

/** Said after every sign-up, whoever the email belongs to. */
export const CHECK_YOUR_EMAIL = 'Check your email: we have sent a link to confirm the practice. It works once, for 24 hours.';

/**
 * At most this many sign-up emails (confirmation or "you already have an account") go to one address
 * in an hour: sign-up is signed out, so without a cap anyone could fill a stranger's inbox. Past it the
 * answer stays the same and nothing more is written.
 */
export const SIGNUP_EMAILS_PER_ADDRESS_PER_HOUR = 3;

export const NO_EMAIL_TRANSPORT =
  'This Mend server cannot send email yet, so a new practice cannot be confirmed. Whoever runs it needs to set SMTP_URL.';


async function emailRegistered(email: string): Promise<boolean> {
  return withSignInLookup(email, async (tx) => {
    const rows = await tx
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.email}) = ${email}`)
      .limit(1);
    return rows.length > 0;
  });
}

/** A fresh deployment has no practice but the accounts desk (db/migrations/0019). */
export async function deploymentHasPractice(): Promise<boolean> {
  const result = await withoutPractice((tx) => tx.execute(sql`select deployment_has_practice() as present`));
  return rowsOf<{ present: boolean }>(result)[0]?.present === true;
}

const isUniqueViolation = (error: unknown) => (error as { code?: string })?.code === '23505' || (error as { cause?: { code?: string } })?.cause?.code === '23505';

type NewPractice = { practiceId: string; practiceName: string; timeZone: string; name: string; email: string; passwordHash: string };

/** The practice, its first admin and the audit row, in the new practice's own scope. */
async function insertPracticeWithAdmin(tx: Tx, p: NewPractice & { userId: string; membershipId: string }) {
  await tx.insert(practices).values({ id: p.practiceId, name: p.practiceName, timeZone: p.timeZone });
  await tx.insert(users).values({ id: p.userId, email: p.email, name: p.name, passwordHash: p.passwordHash, status: 'active' });
  await tx.insert(memberships).values({ practiceId: p.practiceId, id: p.membershipId, userId: p.userId, role: 'admin' });
  await recordAudit(tx, { practiceId: p.practiceId, userId: p.userId, role: 'admin' }, { action: 'practice.signUp', entityType: 'practice', entityId: p.practiceId });
}

async function createPractice(p: NewPractice) {
  const userId = randomUUID();
  const membershipId = randomUUID();
  await withPracticeSystem({ practiceId: p.practiceId, userId }, (tx) => insertPracticeWithAdmin(tx, { ...p, userId, membershipId }));
  return { practiceId: p.practiceId, userId, membershipId, email: p.email };
}

/**
 * Whether this address has had its hour's share of sign-up email. Concurrent sign-ups for one address
 * wait for each other (a transaction-scoped advisory lock on the address), so the cap holds under a burst.
 */
async function addressHadEnoughMail(tx: Tx, email: string): Promise<boolean> {
  const address = email.toLowerCase();
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`signup:${address}`}, 0))`);
  const [row] = await tx
    .select({ sent: sql<number>`count(*)::int` })
    .from(emailOutbox)
    .where(
      and(
        eq(emailOutbox.practiceId, PLATFORM_PRACTICE_ID),
        eq(emailOutbox.kind, 'verification'),
        sql`lower(${emailOutbox.toAddress}) = ${address}`,
        sql`${emailOutbox.createdAt} > now() - interval '1 hour'`,
      ),
    );
  return (row?.sent ?? 0) >= SIGNUP_EMAILS_PER_ADDRESS_PER_HOUR;
}

export type SignUpOutcome = { kind: 'emailSent' } | { kind: 'created'; practiceId: string; email: string };

/**
 * Signed-out sign-up. Whoever the email belongs to, the answer is the same ("check your email") after
 * the same work (one argon2 hash, one lookup, one transaction writing to the outbox): an unknown
 * address gets a confirmation link and a pending sign-up (the token's SHA-256 and the password's hash
 * only); a registered one (a client's too) gets an email saying it already has an account. Nothing of
 * the practice exists until the link is opened.
 *
 * The one exception is a fresh deployment with no way to send email (production without SMTP_URL):
 * there is no account to protect and no other way in, so its first practice is created at once.
 */
export async function requestSignUp(input: z.output<typeof signUpInput>): Promise<SignUpOutcome> {
  const passwordHash = await hashPassword(input.password);
  const transport = emailTransport();
  if (!transport) {
    if (await deploymentHasPractice()) throw new ActionRefusal(NO_EMAIL_TRANSPORT);
    try {
      const created = await createPractice({ ...input, practiceId: randomUUID(), passwordHash });
      return { kind: 'created', practiceId: created.practiceId, email: created.email };
    } catch (error) {
      if (isUniqueViolation(error)) throw new ActionRefusal(NO_EMAIL_TRANSPORT);
      throw error;
    }
  }
  const registered = await emailRegistered(input.email);
  const origin = await appOrigin();
  const { token, hash } = newToken();
  await withPracticeSystem({ practiceId: PLATFORM_PRACTICE_ID }, async (tx) => {
    if (await addressHadEnoughMail(tx, input.email)) return;
    if (registered) {
      await enqueueEmail(tx, { practiceId: PLATFORM_PRACTICE_ID, kind: 'verification', to: input.email, ...existingAccountEmail({ signInLink: `${origin}/login` }) });
      return;
    }
    await tx.insert(pendingSignups).values({
      practiceId: PLATFORM_PRACTICE_ID,
      id: randomUUID(),
      email: input.email,
      name: input.name,
      practiceName: input.practiceName,
      timeZone: input.timeZone,
      passwordHash,
      tokenHash: hash,
      expiresAt: new Date(Date.now() + SIGNUP_TTL_HOURS * 3_600_000),
    });
    const mail = signUpConfirmationEmail({ practiceName: input.practiceName, link: `${origin}/signup/confirm/${token}`, expiresInHours: SIGNUP_TTL_HOURS });
    await enqueueEmail(tx, { practiceId: PLATFORM_PRACTICE_ID, kind: 'verification', to: input.email, ...mail });
  });
  return { kind: 'emailSent' };
}

export type PendingSignUpView = { state: 'invalid' | 'used' | 'expired' } | { state: 'pending'; email: string; practiceName: string };

async function pendingByToken(token: string) {
  if (!looksLikeToken(token)) return null;
  const tokenHash = hashToken(token);
  const [row] = await withPracticeSystem({ practiceId: PLATFORM_PRACTICE_ID }, (tx) =>
    tx
      .select()
      .from(pendingSignups)
      .where(and(eq(pendingSignups.practiceId, PLATFORM_PRACTICE_ID), eq(pendingSignups.tokenHash, tokenHash))),
  );
  return row ?? null;
}

function stateOf(row: { verifiedAt: Date | null; expiresAt: Date } | null): 'invalid' | 'used' | 'expired' | 'pending' {
  if (!row) return 'invalid';
  if (row.verifiedAt) return 'used';
  if (row.expiresAt.getTime() <= Date.now()) return 'expired';
  return 'pending';
}

/** What the confirmation page shows: whether the link still works, and for which practice. */
export async function lookupPendingSignUp(token: string): Promise<PendingSignUpView> {
  const row = await pendingByToken(token);
  const state = stateOf(row);
  if (state !== 'pending' || !row) return { state: state === 'pending' ? 'invalid' : state };
  return { state, email: row.email, practiceName: row.practiceName };
}

export const SIGNUP_LINK_UNUSABLE = {
  invalid: 'This link is not valid. Check that it was copied completely, or start again from the sign-up page.',
  used: 'This link has already been used. If that was you, sign in.',
  expired: 'This link has expired. Start again from the sign-up page; nothing was created.',
} as const;

export const WRONG_SIGNUP_PASSWORD = 'That is not the password you chose when you signed up.';

/**
 * Opening the link: the person types the password they chose (proving they are the one who signed
 * up, and signing them in), and only then are the practice and its admin created, in one transaction
 * with the link's claim. The pending row's id becomes the practice's, so of two concurrent
 * confirmations the second fails on the practice's key and claims nothing.
 */
export async function confirmSignUp(token: string, password: string) {
  const row = await pendingByToken(token);
  const state = stateOf(row);
  if (state !== 'pending' || !row) throw new ActionRefusal(SIGNUP_LINK_UNUSABLE[state === 'pending' ? 'invalid' : state]);
  if (!(await verifyPassword(row.passwordHash, password))) throw new ActionRefusal(WRONG_SIGNUP_PASSWORD, { password: [WRONG_SIGNUP_PASSWORD] });
  try {
    const created = await createPractice({
      practiceId: row.id,
      practiceName: row.practiceName,
      timeZone: row.timeZone,
      name: row.name,
      email: row.email,
      passwordHash: row.passwordHash!,
    });
    await withPracticeSystem({ practiceId: PLATFORM_PRACTICE_ID }, (tx) =>
      tx
        .update(pendingSignups)
        .set({ verifiedAt: sql`now()`, passwordHash: null })
        .where(and(eq(pendingSignups.practiceId, PLATFORM_PRACTICE_ID), eq(pendingSignups.id, row.id))),
    );
    return created;
  } catch (error) {
    // The practice exists already (the link was used a moment ago), or the email registered meanwhile.
    if (isUniqueViolation(error)) throw new ActionRefusal(SIGNUP_LINK_UNUSABLE.used);
    throw error;
  }
}
