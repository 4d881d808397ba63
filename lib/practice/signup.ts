import 'server-only';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { withPracticeSystem, withSignInLookup } from '@/lib/access/system-scope';
import { memberships, practices, users } from '@/db/schema';
import { ActionRefusal } from '@/lib/access/errors';
import { recordAudit } from '@/lib/audit/record';
import { hashPassword } from '@/lib/auth/password';
import type { signUpInput } from './schemas';

/** Same words whether the email is taken or merely looks taken: sign-up must not confirm who has an account. */
export const EMAIL_UNAVAILABLE = 'This email cannot be used to start a practice. If you already have an account, sign in instead.';

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

const isUniqueViolation = (error: unknown) => (error as { code?: string })?.code === '23505' || (error as { cause?: { code?: string } })?.cause?.code === '23505';

/**
 * A new practice with its first admin. Ids are made here: the practice row is only visible inside
 * a transaction scoped to it, and a users row only to itself, so nothing is read back.
 */
export async function createPracticeWithAdmin(input: z.output<typeof signUpInput>) {
  if (await emailRegistered(input.email)) throw new ActionRefusal(EMAIL_UNAVAILABLE, { email: [EMAIL_UNAVAILABLE] });
  const practiceId = randomUUID();
  const userId = randomUUID();
  const membershipId = randomUUID();
  const passwordHash = await hashPassword(input.password);
  try {
    await withPracticeSystem({ practiceId, userId }, async (tx) => {
      await tx.insert(practices).values({ id: practiceId, name: input.practiceName, timeZone: input.timeZone });
      await tx.insert(users).values({ id: userId, email: input.email, name: input.name, passwordHash, status: 'active' });
      await tx.insert(memberships).values({ practiceId, id: membershipId, userId, role: 'admin' });
      await recordAudit(tx, { practiceId, userId, role: 'admin' }, { action: 'practice.signUp', entityType: 'practice', entityId: practiceId });
    });
  } catch (error) {
    // Two sign-ups racing for one email: the unique index decides, and the loser hears the same words.
    if (isUniqueViolation(error)) throw new ActionRefusal(EMAIL_UNAVAILABLE, { email: [EMAIL_UNAVAILABLE] });
    throw error;
  }
  return { practiceId, userId, membershipId, email: input.email };
}
