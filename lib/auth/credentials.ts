import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import { CredentialsSignin } from '@auth/core/errors';
import { z } from 'zod';
import { withOwnLogin, withSignInLookup } from '@/lib/access/system-scope';
import { memberships, users } from '@/db/schema';
import { verifyPassword } from './password';
import { deviceSummary, startSession, type StartedSession } from './sessions';
import type { Role } from './types';
import { clientAddress, isThrottled, recordFailure, recordSuccess, throttleKeys } from './throttle';

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().email('Enter your email address.').max(254),
  password: z.string().min(1, 'Enter your password.').max(1024),
});

export type SignInClaims = StartedSession;

export type SignInAttempt = { status: 'ok'; claims: SignInClaims } | { status: 'invalid' } | { status: 'throttled' };

type SignInContext = { address?: string | null; userAgent?: string | null };

/**
 * Checks an email and password, counting failures per account and address, per address and per
 * account (lib/auth/throttle.ts),
 * and on success starts a server-side session (lib/auth/sessions.ts).
 * Unknown email, wrong password and an inactive account all give the same `invalid`, after the
 * same argon2 work, and all count the same; a paused account or address answers `throttled`
 * whether or not the email exists, without checking the password.
 */
export async function attemptSignIn(input: unknown, context: SignInContext = {}): Promise<SignInAttempt> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return { status: 'invalid' };
  const keys = throttleKeys(parsed.data.email, context.address);
  if (await isThrottled(keys)) return { status: 'throttled' };
  const verified = await checkPassword(parsed.data);
  if (!verified) {
    await recordFailure(keys);
    return { status: 'invalid' };
  }
  await recordSuccess(keys);
  const claims = await startSession({ ...verified, device: deviceSummary(context.userAgent) });
  return { status: 'ok', claims };
}

/** `attemptSignIn` for callers that only need the claims (a refusal of any kind is `null`). */
export async function verifyCredentials(input: unknown, context: SignInContext = {}): Promise<SignInClaims | null> {
  const attempt = await attemptSignIn(input, context);
  return attempt.status === 'ok' ? attempt.claims : null;
}

type Verified = { userId: string; membership: { id: string; practiceId: string; role: Role } | null };

/** The active login of this email whose password this is, or null (after the same argon2 work either way). */
async function verifiedLogin({ email, password }: z.output<typeof signInSchema>): Promise<{ id: string } | null> {
  // Row-level security reveals a user row to the sign-in lookup only for this exact email.
  const user = await withSignInLookup(email, async (tx) => {
    const [row] = await tx
      .select({ id: users.id, passwordHash: users.passwordHash, status: users.status })
      .from(users)
      .where(sql`lower(${users.email}) = ${email}`)
      .limit(1);
    return row ?? null;
  });
  const passwordOk = await verifyPassword(user?.passwordHash, password);
  if (!user || !passwordOk || user.status !== 'active') return null;
  return { id: user.id };
}

async function checkPassword(credentials: z.output<typeof signInSchema>): Promise<Verified | null> {
  const user = await verifiedLogin(credentials);
  if (!user) return null;
  // Then the caller's own active memberships (visible before any practice is chosen). With exactly one
  // the session starts in it; with several the person picks one after signing in (lib/auth/practices.ts).
  // Deactivation is per practice: a practice that deactivated them is simply not offered.
  const own = await withOwnLogin(user.id, (tx) =>
    tx
      .select({ id: memberships.id, practiceId: memberships.practiceId, role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.userId, user.id), eq(memberships.status, 'active')))
      .orderBy(asc(memberships.createdAt))
      .limit(2),
  );
  if (!own.length) return null;
  return { userId: user.id, membership: own.length === 1 ? own[0]! : null };
}

export type PasswordCheck = { status: 'ok'; userId: string } | { status: 'invalid' } | { status: 'throttled' };

/**
 * Proves a person holds an existing login (accepting an invitation with an account they already
 * have) without starting a session: the same throttle and the same answers as sign-in.
 */
export async function checkLoginPassword(input: unknown, context: SignInContext = {}): Promise<PasswordCheck> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return { status: 'invalid' };
  const keys = throttleKeys(parsed.data.email, context.address);
  if (await isThrottled(keys)) return { status: 'throttled' };
  const user = await verifiedLogin(parsed.data);
  if (!user) {
    await recordFailure(keys);
    return { status: 'invalid' };
  }
  await recordSuccess(keys);
  return { status: 'ok', userId: user.id };
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
  const attempt = await attemptSignIn(credentials, {
    address: clientAddress(request?.headers),
    userAgent: request?.headers.get('user-agent'),
  });
  if (attempt.status === 'throttled') throw new ThrottledSignIn();
  if (attempt.status !== 'ok') return null;
  // Auth.js passes this object to the jwt callback, which keeps only the session id and user id.
  return { id: attempt.claims.userId, userId: attempt.claims.userId, sessionId: attempt.claims.sessionId };
}
