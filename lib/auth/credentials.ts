import 'server-only';
import { asc, eq, sql } from 'drizzle-orm';
import { CredentialsSignin } from '@auth/core/errors';
import { z } from 'zod';
import { withMembershipLookup, withOwnLogin, withSignInLookup } from '@/lib/access/system-scope';
import { memberships, practices, users } from '@/db/schema';
import { verifyPassword } from './password';
import { SESSION_POLICY } from './session-policy';
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
  // Row-level security reveals a user row to the sign-in lookup only for this exact email.
  const user = await withSignInLookup(email, async (tx) => {
    const [row] = await tx
      .select({ id: users.id, passwordHash: users.passwordHash, status: users.status, sessionVersion: users.sessionVersion })
      .from(users)
      .where(sql`lower(${users.email}) = ${email}`)
      .limit(1);
    return row ?? null;
  });
  const passwordOk = await verifyPassword(user?.passwordHash, password);
  if (!user || !passwordOk || user.status !== 'active') return null;

  // Then the caller's own memberships (visible before any practice is chosen); the first one is used.
  const [membership] = await withOwnLogin(user.id, (tx) =>
    tx
      .select({ id: memberships.id, practiceId: memberships.practiceId })
      .from(memberships)
      .where(eq(memberships.userId, user.id))
      .orderBy(asc(memberships.createdAt))
      .limit(1),
  );
  if (!membership) return null;

  const idleMinutes = await withMembershipLookup(membership.practiceId, user.id, async (tx) => {
    await tx.update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, user.id));
    const [practice] = await tx.select({ idle: practices.idleTimeoutMinutes }).from(practices).limit(1);
    return practice?.idle ?? SESSION_POLICY.defaultIdleMinutes;
  });
  return {
    userId: user.id,
    membershipId: membership.id,
    practiceId: membership.practiceId,
    sessionVersion: user.sessionVersion,
    idleMinutes,
  };
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
