import 'server-only';
import { eq } from 'drizzle-orm';
import { withPracticeSystem } from '@/lib/access/system-scope';
import { users } from '@/db/schema';
import { ActionRefusal } from '@/lib/access/errors';
import { LINK_UNUSABLE, claim, finishAcceptance, memberOf, practiceForToken, unusableReason, type Accepted } from './service';
import { hashToken, looksLikeToken } from './token';

/**
 * Accepting an invitation with a login the person already has (one login, several practices): no new
 * user and no new password, only a membership here and, for a client, the link to their record. The
 * caller has proved the login is theirs (its password, through the sign-in throttle); the login must be
 * the invitation's very address.
 */
export async function joinWithExistingLogin(token: string, userId: string): Promise<Accepted> {
  if (!looksLikeToken(token)) throw new ActionRefusal(LINK_UNUSABLE.invalid);
  const tokenHash = hashToken(token);
  const practiceId = await practiceForToken(tokenHash);
  if (!practiceId) throw new ActionRefusal(LINK_UNUSABLE.invalid);
  const accepted = await withPracticeSystem({ practiceId, userId }, async (tx) => {
    const invitation = await claim(tx, practiceId, tokenHash);
    if (!invitation) return null;
    const email = invitation.email.toLowerCase();
    // The login visible as the caller's own must carry the invitation's address.
    const [login] = await tx.select({ email: users.email }).from(users).where(eq(users.id, userId));
    if (!login || login.email.toLowerCase() !== email) throw new ActionRefusal(LINK_UNUSABLE.invalid);
    if (await memberOf(tx, practiceId, email)) throw new ActionRefusal('You already belong to this practice. Sign in to open it.');
    await finishAcceptance(tx, practiceId, invitation, userId, { existingLogin: true });
    return { email, role: invitation.role, kind: 'invite' as const, userId, practiceId };
  });
  if (!accepted) throw new ActionRefusal(await unusableReason(token));
  return accepted;
}

