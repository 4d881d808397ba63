import 'server-only';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { withMembershipLookup, withOwnLogin } from '@/lib/access/system-scope';
import { clients, memberships, practices, sessions } from '@/db/schema';
import type { Tx } from '@/db/client';
import { ActionRefusal } from '@/lib/access/errors';
import { recordAudit } from '@/lib/audit/record';
import type { Role } from './types';

/**
 * One login, several practices. A session carries exactly one practice and membership at a time
 * (`sessions.current_*`, read by `session_actor` at every request): the actor, the scoped transaction and
 * row-level security therefore see one practice only. Choosing or switching rewrites the session row on
 * the server, after checking that the membership is the person's own and still active.
 */
export type OwnPractice = { membershipId: string; practiceId: string; practiceName: string; role: Role };

export const PRACTICE_UNAVAILABLE = 'That practice is not available to you. Choose one from the list.';

export type OwnMembership = Omit<OwnPractice, 'practiceName'>;

/** The person's active memberships, oldest first, inside a transaction scoped to the login alone (withOwnLogin). */
export function ownMemberships(tx: Tx, userId: string): Promise<OwnMembership[]> {
  return tx
    .select({ membershipId: memberships.id, practiceId: memberships.practiceId, role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.status, 'active')))
    .orderBy(asc(memberships.createdAt));
}

/**
 * The practices' names for the memberships. A practice's row is visible only inside a transaction scoped to it:
 * one small read per practice, except those whose name the caller already knows (the session's own practice).
 */
export function namePractices(own: readonly OwnMembership[], userId: string, known: ReadonlyMap<string, string> = new Map()): Promise<OwnPractice[]> {
  return Promise.all(
    own.map(async (m) => {
      const knownName = known.get(m.practiceId);
      if (knownName !== undefined) return { ...m, practiceName: knownName };
      const [practice] = await withMembershipLookup(m.practiceId, userId, (tx) =>
        tx.select({ name: practices.name }).from(practices).where(eq(practices.id, m.practiceId)),
      );
      return { ...m, practiceName: practice?.name ?? 'Practice' };
    }),
  );
}

/** The person's active memberships with their practices' names, oldest first. */
export async function listOwnPractices(userId: string): Promise<OwnPractice[]> {
  return namePractices(await withOwnLogin(userId, (tx) => ownMemberships(tx, userId)), userId);
}

/**
 * Moves a live session into one of its person's practices. Everything is checked again inside the
 * target practice's transaction (the membership is theirs and active; a client's record is linked), and
 * the move is audited there, by session id only: the trail of one practice never names another.
 */
export async function switchSessionPractice(session: { sessionId: string; userId: string }, membershipId: string): Promise<{ practiceId: string; role: Role }> {
  const { sessionId, userId } = session;
  const [own] = await withOwnLogin(userId, (tx) =>
    tx
      .select({ practiceId: memberships.practiceId })
      .from(memberships)
      .where(and(eq(memberships.userId, userId), eq(memberships.id, membershipId))),
  );
  if (!own) throw new ActionRefusal(PRACTICE_UNAVAILABLE);
  const { practiceId } = own;
  return withMembershipLookup(practiceId, userId, async (tx) => {
    const [member] = await tx
      .select({ role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.practiceId, practiceId), eq(memberships.id, membershipId), eq(memberships.userId, userId), eq(memberships.status, 'active')))
      .for('share');
    if (!member) throw new ActionRefusal(PRACTICE_UNAVAILABLE);
    if (member.role === 'client') {
      const [record] = await tx
        .select({ id: clients.id })
        .from(clients)
        .where(and(eq(clients.practiceId, practiceId), eq(clients.userId, userId)));
      if (!record) throw new ActionRefusal(PRACTICE_UNAVAILABLE);
    }
    const moved = await tx
      .update(sessions)
      .set({ currentPracticeId: practiceId, currentMembershipId: membershipId })
      .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId), isNull(sessions.endedAt)))
      .returning({ id: sessions.id });
    if (!moved.length) throw new ActionRefusal('Your session has ended. Please sign in again.');
    await recordAudit(tx, { practiceId, userId, role: member.role }, { action: 'session.choosePractice', entityType: 'session', entityId: sessionId });
    return { practiceId, role: member.role };
  });
}
