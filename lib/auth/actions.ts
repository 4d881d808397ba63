'use server';

import { AuthError } from 'next-auth';
import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import { sessions, users } from '@/db/schema';
import { defineAction } from '@/lib/access/action';
import { ActionRefusal, NotFoundRefusal } from '@/lib/access/errors';
import { formToObject } from '@/lib/access/form-data';
import { auth, signIn, signOut } from './index';
import { endSession, endUserSessions, type SessionClaims } from './sessions';
import { signInSchema } from './credentials';
import { hashPassword, verifyPassword } from './password';
import { assertStrongPassword, newPasswordField, refuseWeakPassword } from './password-strength';
import { signInAfterChange } from './sign-in-after-change';
import { THROTTLED_MESSAGE } from './throttle';
import { forgetListSearches } from '@/lib/ui/list-search';

export type SignInState = { ok: false; formError: string; fieldErrors: Record<string, string[]>; values: { email: string } } | null;

const GENERIC_FAILURE = 'That email and password do not match an active account.';

/**
 * Sign-in is the one action that runs before there is an actor. Unknown email, wrong password
 * and a deactivated account all get the same answer; so do a paused known and unknown email.
 * The client's address reaches the throttle through the request Auth.js hands to authorize.
 */
export async function signInAction(_prev: SignInState, formData: FormData): Promise<SignInState> {
  const raw = formToObject(formData);
  const email = typeof raw.email === 'string' ? raw.email.slice(0, 254) : '';
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors = z.flattenError(parsed.error).fieldErrors as Record<string, string[]>;
    return { ok: false, formError: 'Please enter your email and password.', fieldErrors, values: { email } };
  }
  try {
    await signIn('credentials', { email: parsed.data.email, password: parsed.data.password, redirectTo: '/' });
  } catch (error) {
    if (error instanceof AuthError) {
      const throttled = (error as { code?: string }).code === 'throttled';
      return { ok: false, formError: throttled ? THROTTLED_MESSAGE : GENERIC_FAILURE, fieldErrors: {}, values: { email } };
    }
    throw error; // Next's redirect after a successful sign-in.
  }
  return null;
}
Object.assign(signInAction, { definition: { name: 'auth.signIn', permission: null } });

/** Ends the session row first (a copied cookie is refused from the next request on), then the cookie. */
export async function signOutAction(): Promise<void> {
  const session = (await auth()) as { claims?: SessionClaims } | null;
  await endSession(session?.claims, 'signOut');
  await forgetListSearches();
  await signOut({ redirectTo: '/login' });
}
Object.assign(signOutAction, { definition: { name: 'auth.signOut', permission: null } });


export const changePassword = defineAction({
  name: 'account.changePassword',
  permission: 'account.changePassword',
  secretFields: ['currentPassword', 'newPassword', 'confirmPassword'],
  input: z
    .object({
      currentPassword: z.string().min(1, 'Enter your current password.').max(1024),
      newPassword: newPasswordField,
      confirmPassword: z.string().max(1024),
    })
    .refine((v) => v.newPassword === v.confirmPassword, { path: ['confirmPassword'], message: 'The two new passwords differ.' })
    .refine((v) => v.newPassword !== v.currentPassword, { path: ['newPassword'], message: 'Choose a password you have not used here.' })
    .superRefine(refuseWeakPassword('newPassword')),
  run: async ({ actor, input, tx, audit }) => {
    await assertStrongPassword(input.newPassword, [actor.name, actor.email], 'newPassword');
    const [user] = await tx
      .select({ hash: users.passwordHash })
      .from(users)
      .where(eq(users.id, actor.userId))
      .for('update');
    if (!(await verifyPassword(user?.hash, input.currentPassword))) {
      throw new ActionRefusal('Your current password is not right.', { currentPassword: ['Your current password is not right.'] });
    }
    await tx.update(users).set({ passwordHash: await hashPassword(input.newPassword) }).where(eq(users.id, actor.userId));
    // Every session ends, this one included; this browser gets a fresh one after the commit.
    await endUserSessions(tx, actor, actor.userId, 'passwordChanged');
    audit({ entityType: 'user', entityId: actor.userId });
    return { email: actor.email };
  },
  // A fresh session for this browser, carrying the new session version; then a fresh navigation, so
  // the page renders with the new cookie rather than the request's old one.
  afterCommit: async ({ actor, input, data }) => {
    await signInAfterChange(data.email, input.newPassword, actor.role === 'client' ? '/portal/account?updated=password' : '/account?updated=password');
  },
  afterCommitFailure: 'this browser could not be signed in again: sign in with your new password',
});

/**
 * Ends one of the person's other sessions (a lost phone, a shared computer), or all of them with
 * `others`. Only the actor's own sessions, never the current one (that is what signing out is for).
 */
export const endOtherSessions = defineAction({
  name: 'account.endSessions',
  refresh: true,
  permission: 'account.manageSessions',
  input: z.object({ sessionId: z.union([z.literal('others'), z.uuid('Choose a session to end.')]) }),
  run: async ({ actor, input, tx, alsoAudit }) => {
    const ended = await tx
      .update(sessions)
      .set({ endedAt: sql`now()`, endedReason: 'endedByUser' })
      .where(
        and(
          eq(sessions.userId, actor.userId),
          ne(sessions.id, actor.sessionId),
          isNull(sessions.endedAt),
          input.sessionId === 'others' ? undefined : eq(sessions.id, input.sessionId),
        ),
      )
      .returning({ id: sessions.id });
    if (input.sessionId !== 'others' && !ended.length) throw new NotFoundRefusal();
    for (const { id } of ended) {
      alsoAudit({ action: 'session.end', entityType: 'session', entityId: id, meta: { reason: 'endedByUser' } });
    }
    return { ended: ended.length };
  },
  successMessage: 'Signed out there.',
});
