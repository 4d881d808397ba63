import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import { CredentialsSignin } from '@auth/core/errors';
import { z } from 'zod';
import { scopedTransaction } from '@/db/client';
import { memberships, practices, users } from '@/db/schema';
import { verifyPassword } from './password';
import type { SessionClaims } from './config';
import { clearAccount, clientAddress, isThrottled, recordFailure, throttleKeys } from './throttle';

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().email('Enter your email address.').max(254),
  password: z.string().min(1, 'Enter your password.').max(1024),
});

export type SignInClaims = Omit<SessionClaims, 'loginAt' | 'lastActiveAt'>;

export type SignInAttempt = { status: 'ok'; claims: SignInClaims } | { status: 'invalid' } | { status: 'throttled' };

/**
 * Checks an email and password, counting failures per account and per address (lib/auth/throttle.ts).
 * Unknown email, wrong password and an inactive account all give the same `invalid`, after the
 * same argon2 work, and all count the same; a paused account or address answers `throttled`
 * whether or not the email exists, without checking the password.
 */
export async function attemptSignIn(input: unknown, context: { address?: string | null; now?: Date } = {}): Promise<SignInAttempt> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return { status: 'invalid' };
  const keys = throttleKeys(parsed.data.email, context.address);
  if (await isThrottled(keys, context.now)) return { status: 'throttled' };
  const claims = await checkPassword(parsed.data);
  if (!claims) {
    await recordFailure(keys, context.now);
    return { status: 'invalid' };
  }
  await clearAccount(keys);
  return { status: 'ok', claims };
}

/** `attemptSignIn` for callers that only need the claims (a refusal of any kind is `null`). */
export async function verifyCredentials(input: unknown, context: { address?: string | null; now?: Date } = {}): Promise<SignInClaims | null> {
  const attempt = await attemptSignIn(input, context);
  return attempt.status === 'ok' ? attempt.claims : null;
}

async function checkPassword({ email, password }: z.output<typeof signInSchema>): Promise<SignInClaims | null> {

  const user = await scopedTransaction({ loginEmail: email }, async (tx) => {
    const [row] = await tx
      .select({ id: users.id, passwordHash: users.passwordHash, status: users.status, sv: users.sessionVersion })
      .from(users)
      .where(sql`lower(${users.email}) = ${email}`)
      .limit(1);
    return row ?? null;
  });
  const passwordOk = await verifyPassword(user?.passwordHash, password);
  if (!user || !passwordOk || user.status !== 'active') return null;

  return scopedTransaction({ userId: user.id }, async (tx) => {
    const [membership] = await tx
      .select({ id: memberships.id, practiceId: memberships.practiceId })
      .from(memberships)
      .where(eq(memberships.userId, user.id))
      .orderBy(asc(memberships.createdAt))
      .limit(1);
    if (!membership) return null;
    await tx.update(users).set({ lastSignInAt: new Date() }).where(and(eq(users.id, user.id)));
    return { membership, idleMinutes: null as number | null };
  }).then(async (found) => {
    if (!found) return null;
    const idleMinutes = await scopedTransaction({ practiceId: found.membership.practiceId }, async (tx) => {
      const [practice] = await tx.select({ idle: practices.idleTimeoutMinutes }).from(practices).limit(1);
      return practice?.idle ?? 15;
    });
    return {
      userId: user.id,
      membershipId: found.membership.id,
      practiceId: found.membership.practiceId,
      sessionVersion: user.sv,
      idleMinutes,
    };
  });
}

/** Thrown from authorize so the sign-in form can say why (Auth.js passes its `code` through). */
export class ThrottledSignIn extends CredentialsSignin {
  code = 'throttled';
}

/**
 * Auth.js's authorize, behind both doors: the sign-in form's server action and Auth.js's own
 * POST /api/auth/callback/credentials, which an attacker can call directly. The request is the
 * one Auth.js rebuilt from the incoming headers, so it carries the proxy's address headers.
 */
export async function authorizeCredentials(credentials: unknown, request: Request | undefined) {
  const attempt = await attemptSignIn(credentials, { address: clientAddress(request?.headers) });
  if (attempt.status === 'throttled') throw new ThrottledSignIn();
  if (attempt.status !== 'ok') return null;
  // Auth.js passes this object to the jwt callback, which keeps only the claims.
  return { id: attempt.claims.userId, ...attempt.claims };
}
