import 'server-only';
import { and, desc, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { withMembershipLookup, withOwnLogin } from '@/lib/access/system-scope';
import { memberships, sessions, users } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { SESSION_POLICY } from './session-policy';
import type { Actor, Role } from './types';

/** Why a session ended; recorded on the row and in the audit log (ids and this word only). */
export type SessionEndReason =
  | 'signOut'
  | 'passwordChanged'
  | 'passwordReset'
  | 'deactivated'
  | 'endedByUser'
  | 'idle'
  | 'absolute'
  | 'membershipGone';

/** What the signed cookie carries: the session row's id and its user. Everything else is read from the database. */
export type SessionClaims = { sessionId: string; userId: string };

export type StartedSession = SessionClaims & { practiceId: string | null; membershipId: string | null };

/**
 * "Firefox on Android", from a user-agent string, for the Account page's list of sessions. The raw
 * string is never stored: it says more about a person's machine than they need to hand over.
 */
export function deviceSummary(userAgent: string | null | undefined): string {
  const ua = userAgent ?? '';
  const browser =
    /Edg\//.test(ua) ? 'Edge'
    : /OPR\/|Opera/.test(ua) ? 'Opera'
    : /Firefox\//.test(ua) ? 'Firefox'
    : /Chrome\/|Chromium\/|CriOS\//.test(ua) ? 'Chrome'
    : /Safari\//.test(ua) ? 'Safari'
    : null;
  const os =
    /iPhone/.test(ua) ? 'iPhone'
    : /iPad/.test(ua) ? 'iPad'
    : /Android/.test(ua) ? 'Android'
    : /Windows/.test(ua) ? 'Windows'
    : /Mac OS X|Macintosh/.test(ua) ? 'macOS'
    : /CrOS/.test(ua) ? 'ChromeOS'
    : /Linux/.test(ua) ? 'Linux'
    : null;
  if (browser && os) return `${browser} on ${os}`;
  return browser ?? os ?? 'Unknown device';
}

/**
 * Starts a session for a verified sign-in. With a membership the practice is set at once (and the
 * sign-in audited there); without one it waits for the person to choose among theirs.
 */
export async function startSession(input: {
  userId: string;
  device: string;
  membership: { id: string; practiceId: string; role: Role } | null;
}): Promise<StartedSession> {
  const { userId, membership } = input;
  const scoped = <T>(fn: (tx: Tx) => Promise<T>) =>
    membership ? withMembershipLookup(membership.practiceId, userId, fn) : withOwnLogin(userId, fn);
  const sessionId = await scoped(async (tx) => {
    const id = crypto.randomUUID();
    await tx.insert(sessions).values({
      id,
      userId,
      currentPracticeId: membership?.practiceId ?? null,
      currentMembershipId: membership?.id ?? null,
      device: input.device.slice(0, 80),
    });
    await tx.update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, userId));
    if (membership) {
      await recordAudit(tx, { practiceId: membership.practiceId, userId, role: membership.role }, {
        action: 'auth.signIn',
        entityType: 'session',
        entityId: id,
      });
    }
    return id;
  });
  return { sessionId, userId, practiceId: membership?.practiceId ?? null, membershipId: membership?.id ?? null };
}

/**
 * Ends one session (sign-out). Idempotent: an unknown or already ended session changes nothing.
 * Audited in the practice the session was in, when it had one.
 */
export async function endSession(claims: Partial<SessionClaims> | null | undefined, reason: SessionEndReason): Promise<void> {
  if (!claims?.sessionId || !claims.userId) return;
  const { sessionId, userId } = claims;
  const [ended] = await withOwnLogin(userId, (tx) =>
    tx
      .update(sessions)
      .set({ endedAt: sql`now()`, endedReason: reason })
      .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId), isNull(sessions.endedAt)))
      .returning({ practiceId: sessions.currentPracticeId, membershipId: sessions.currentMembershipId }),
  );
  if (!ended?.practiceId) return;
  const practiceId = ended.practiceId;
  await withMembershipLookup(practiceId, userId, async (tx) => {
    const [member] = await tx
      .select({ role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.practiceId, practiceId), eq(memberships.id, ended.membershipId ?? practiceId)));
    await recordAudit(tx, { practiceId, userId, role: member?.role ?? null }, {
      action: reason === 'signOut' ? 'auth.signOut' : 'session.end',
      entityType: 'session',
      entityId: sessionId,
      meta: reason === 'signOut' ? undefined : { reason },
    });
  });
}

/**
 * Ends every live session of a user inside the caller's transaction (password change, reset,
 * deactivation), optionally keeping one. One audit row per ended session, in the caller's practice.
 */
export async function endUserSessions(
  tx: Tx,
  auditAs: { practiceId: string; userId: string; role: Role | null },
  userId: string,
  reason: SessionEndReason,
  keep?: string,
): Promise<number> {
  const ended = await tx
    .update(sessions)
    .set({ endedAt: sql`now()`, endedReason: reason })
    .where(and(eq(sessions.userId, userId), isNull(sessions.endedAt), keep ? ne(sessions.id, keep) : undefined))
    .returning({ id: sessions.id });
  for (const { id } of ended) {
    await recordAudit(tx, auditAs, { action: 'session.end', entityType: 'session', entityId: id, meta: { reason } });
  }
  return ended.length;
}

/**
 * Ends every live session of a user that is in the caller's practice (deactivation there), inside the
 * caller's transaction. Sessions in the person's other practices, or not yet in any, carry on.
 */
export async function endPracticeSessions(
  tx: Tx,
  auditAs: { practiceId: string; userId: string; role: Role | null },
  userId: string,
  reason: SessionEndReason,
): Promise<number> {
  const ended = await tx
    .update(sessions)
    .set({ endedAt: sql`now()`, endedReason: reason })
    .where(and(eq(sessions.userId, userId), eq(sessions.currentPracticeId, auditAs.practiceId), isNull(sessions.endedAt)))
    .returning({ id: sessions.id });
  for (const { id } of ended) {
    await recordAudit(tx, auditAs, { action: 'session.end', entityType: 'session', entityId: id, meta: { reason } });
  }
  return ended.length;
}

export type SessionListItem = { id: string; device: string; createdAt: Date; lastSeenAt: Date; current: boolean };

/** The actor's own sessions that are still alive, most recently used first. */
export async function listActiveSessions(actor: Actor): Promise<SessionListItem[]> {
  return withOwnLogin(actor.userId, (tx) => activeSessions(tx, actor));
}

/** The same, inside the caller's transaction (one scoped to the login or to the actor: both see the person's own). */
export async function activeSessions(tx: Tx, actor: Actor): Promise<SessionListItem[]> {
  const idleMinutes = Math.min(actor.practice.idleTimeoutMinutes || SESSION_POLICY.defaultIdleMinutes, SESSION_POLICY.maxIdleMinutes);
  const rows = await tx
    .select({ id: sessions.id, device: sessions.device, createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt })
    .from(sessions)
    .where(
      and(
        eq(sessions.userId, actor.userId),
        isNull(sessions.endedAt),
        // The database's clock, as session_actor uses.
        gt(sessions.lastSeenAt, sql`now() - make_interval(mins => ${idleMinutes})`),
        gt(sessions.createdAt, sql`now() - make_interval(hours => ${SESSION_POLICY.absoluteHours})`),
      ),
    )
    .orderBy(desc(sessions.lastSeenAt))
    .limit(50);
  return rows.map((r) => ({ ...r, current: r.id === actor.sessionId }));
}
