import 'server-only';
import { sql } from 'drizzle-orm';
import { cache } from 'react';
import { callSelfScoped } from '@/lib/access/system-scope';
import { isUuid } from '@/lib/access/ids';
import type { SessionClaims } from './sessions';
import { SESSION_POLICY } from './session-policy';
import type { Actor, Role } from './types';

/** A live session: its person, and the actor when a practice has been chosen (null until then). */
export type LiveSession = { sessionId: string; userId: string; name: string; email: string; actor: Actor | null };

type SessionRow = {
  sessionId: string;
  userId: string;
  name: string;
  email: string;
  membershipId: string | null;
  practiceId?: string;
  role?: Role;
  clientId?: string | null;
  careTeamClientIds?: string[];
  otherPractices?: boolean;
  practice?: Actor['practice'];
};

/**
 * Resolves the session from the database, never from the cookie alone: sign-out, a password change
 * or reset, deactivation and the practice's current idle limit all take effect at the very next
 * request. One statement (`session_actor`, db/migrations): it checks the session row, touches its
 * idle clock only while it is alive, and returns the actor.
 */
export async function loadSession(claims: Partial<SessionClaims> | null | undefined): Promise<LiveSession | null> {
  if (!claims || !isUuid(claims.sessionId)) return null;
  const [row] = await callSelfScoped<{ session: SessionRow | string | null }>(
    sql`select session_actor(${claims.sessionId}::uuid, ${SESSION_POLICY.defaultIdleMinutes}::int,
                             ${SESSION_POLICY.maxIdleMinutes}::int, ${SESSION_POLICY.absoluteHours * 60}::int) as session`,
  );
  const raw = row?.session;
  const session: SessionRow | null = typeof raw === 'string' ? (JSON.parse(raw) as SessionRow) : (raw ?? null);
  if (!session || (claims.userId && claims.userId !== session.userId)) return null;
  const base = { sessionId: session.sessionId, userId: session.userId, name: session.name, email: session.email };
  if (!session.membershipId || !session.practiceId || !session.role || !session.practice) return { ...base, actor: null };
  return {
    ...base,
    actor: {
      ...base,
      membershipId: session.membershipId,
      practiceId: session.practiceId,
      role: session.role,
      clientId: session.clientId ?? null,
      careTeamClientIds: new Set(session.careTeamClientIds ?? []),
      hasOtherPractices: session.otherPractices === true,
      practice: session.practice,
    },
  };
}

/** The actor of a session, or null when it has ended or no practice is chosen yet. */
export async function loadActor(claims: Partial<SessionClaims> | null | undefined): Promise<Actor | null> {
  return (await loadSession(claims))?.actor ?? null;
}

/** The current request's session (from the Auth.js cookie), or null when signed out. Memoised for one request. */
export const getSession = cache(async (): Promise<LiveSession | null> => {
  const { auth } = await import('./index');
  const session = (await auth()) as { claims?: SessionClaims } | null;
  return loadSession(session?.claims);
});

/** The current request's actor, or null when signed out. Memoised for one request. */
export const getActor = cache(async (): Promise<Actor | null> => (await getSession())?.actor ?? null);
