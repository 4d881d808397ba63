import 'server-only';
import { and, eq } from 'drizzle-orm';
import { cache } from 'react';
import { withMembershipLookup } from '@/lib/access/system-scope';
import { careTeam, clients, memberships, practices, users } from '@/db/schema';
import type { SessionClaims } from './config';
import { sessionExpiry } from './session-policy';
import type { Actor } from './types';

/**
 * Resolves the actor from the database, never from the cookie alone: a deactivated account,
 * a changed role or a changed password takes effect at the very next request.
 */
export async function loadActor(claims: Partial<SessionClaims> | null | undefined, now = Date.now()): Promise<Actor | null> {
  if (!claims?.userId || !claims.membershipId || !claims.practiceId) return null;
  const { userId, membershipId, practiceId } = claims;
  return withMembershipLookup(practiceId, userId, async (tx) => {
    const [row] = await tx
      .select({
        name: users.name,
        email: users.email,
        status: users.status,
        sessionVersion: users.sessionVersion,
        role: memberships.role,
        practiceName: practices.name,
        timeZone: practices.timeZone,
        safetyQuestionEnabled: practices.safetyQuestionEnabled,
        idleTimeoutMinutes: practices.idleTimeoutMinutes,
        isDemo: practices.isDemo,
      })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .innerJoin(practices, eq(practices.id, memberships.practiceId))
      .where(
        and(eq(memberships.practiceId, practiceId), eq(memberships.id, membershipId), eq(memberships.userId, userId)),
      )
      .limit(1);
    if (!row || row.status !== 'active' || row.sessionVersion !== claims.sessionVersion) return null;
    if (
      typeof claims.loginAt !== 'number' ||
      typeof claims.lastActiveAt !== 'number' ||
      sessionExpiry({ loginAt: claims.loginAt, lastActiveAt: claims.lastActiveAt, idleMinutes: row.idleTimeoutMinutes }, now)
    ) {
      return null;
    }

    let clientId: string | null = null;
    if (row.role === 'client') {
      const [record] = await tx
        .select({ id: clients.id })
        .from(clients)
        .where(and(eq(clients.practiceId, practiceId), eq(clients.userId, userId)))
        .limit(1);
      if (!record) return null;
      clientId = record.id;
    }
    const team =
      row.role === 'client'
        ? []
        : await tx
            .select({ clientId: careTeam.clientId })
            .from(careTeam)
            .where(and(eq(careTeam.practiceId, practiceId), eq(careTeam.membershipId, membershipId)));

    return {
      userId,
      membershipId,
      practiceId,
      role: row.role,
      name: row.name,
      email: row.email,
      clientId,
      careTeamClientIds: new Set(team.map((t) => t.clientId)),
      practice: {
        name: row.practiceName,
        timeZone: row.timeZone,
        safetyQuestionEnabled: row.safetyQuestionEnabled,
        idleTimeoutMinutes: row.idleTimeoutMinutes,
        isDemo: row.isDemo,
      },
    } satisfies Actor;
  });
}

/** The current request's actor, or null when signed out. Memoised for one request. */
export const getActor = cache(async (): Promise<Actor | null> => {
  const { auth } = await import('./index');
  const session = (await auth()) as { claims?: SessionClaims } | null;
  return loadActor(session?.claims);
});
