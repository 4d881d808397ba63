import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { scopedTransaction } from '@/db/client';
import { memberships, practices, users } from '@/db/schema';
import { verifyPassword } from './password';
import type { SessionClaims } from './config';

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().email('Enter your email address.').max(254),
  password: z.string().min(1, 'Enter your password.').max(1024),
});

export type SignInClaims = Omit<SessionClaims, 'loginAt' | 'lastActiveAt'>;

/**
 * Checks an email and password. Unknown email, wrong password and an inactive account all give
 * the same `null`, after the same argon2 work.
 */
export async function verifyCredentials(input: unknown): Promise<SignInClaims | null> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;

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
