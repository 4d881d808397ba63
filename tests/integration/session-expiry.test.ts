import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents, sessions } from '../../db/schema';
import { ownerScoped } from '../../db/seed/factories';
import { loadActor } from '../../lib/auth/actor';
import type { SessionClaims } from '../../lib/auth/sessions';
import { claimsFor, makePractice, owner } from '../support/factories';

/**
 * Each request checks its session row (session_actor, docs/architecture.md §4.2): the idle clock slides with use,
 * the 12-hour absolute limit does not, and a session that runs out is ended on the row and audited.
 */

async function row(sessionId: string) {
  const [found] = await (await owner()).select().from(sessions).where(eq(sessions.id, sessionId));
  return found!;
}

/** Moves the session's clocks back, as time passing would: started and last used this many minutes ago. */
async function age(claims: SessionClaims, ago: { startedMinutes?: number; lastSeenMinutes?: number }) {
  const at = (minutes: number) => sql`now() - make_interval(mins => ${minutes})`;
  await (await owner())
    .update(sessions)
    .set({
      ...(ago.startedMinutes === undefined ? {} : { createdAt: at(ago.startedMinutes) }),
      ...(ago.lastSeenMinutes === undefined ? {} : { lastSeenAt: at(ago.lastSeenMinutes) }),
    })
    .where(eq(sessions.id, claims.sessionId));
}

async function endAudits(practiceId: string, sessionId: string) {
  return ownerScoped(await owner(), practiceId, (tx) =>
    tx
      .select({ meta: auditEvents.meta })
      .from(auditEvents)
      .where(and(eq(auditEvents.practiceId, practiceId), eq(auditEvents.action, 'session.end'), eq(auditEvents.entityId, sessionId))),
  );
}

const minutesSince = (date: Date) => (Date.now() - date.getTime()) / 60_000;

describe('sliding idle expiry', () => {
  it('a request within the idle limit moves the clock, so a session in use outlives the limit many times over', async () => {
    const a = await makePractice();
    const claims = await claimsFor(a.therapist, a.id, { startedMinutes: 8 * 60, lastSeenMinutes: 14 });
    for (let round = 0; round < 3; round += 1) {
      expect(await loadActor(claims), `request ${round + 1}`).toMatchObject({ sessionId: claims.sessionId });
      expect(minutesSince((await row(claims.sessionId)).lastSeenAt)).toBeLessThan(1);
      await age(claims, { lastSeenMinutes: 14 });
    }
    // Three idle gaps of 14 minutes (42 in all, well past the 15-minute limit) and the session is still alive.
    expect(await loadActor(claims)).not.toBeNull();
    expect((await row(claims.sessionId)).endedAt).toBeNull();
  });

  it('a gap longer than the idle limit ends it at the next request, on the row and in the audit log', async () => {
    const a = await makePractice();
    const claims = await claimsFor(a.therapist, a.id, { lastSeenMinutes: 16 });
    expect(await loadActor(claims)).toBeNull();
    expect(await row(claims.sessionId)).toMatchObject({ endedReason: 'idle', endedAt: expect.any(Date) });
    expect(await endAudits(a.id, claims.sessionId)).toEqual([{ meta: { reason: 'idle' } }]);
    // Ended for good: a fresh request, however soon, does not bring it back.
    await age(claims, { lastSeenMinutes: 0 });
    expect(await loadActor(claims)).toBeNull();
  });

  it('repeated requests within a few seconds write the clock once', async () => {
    const a = await makePractice();
    const claims = await claimsFor(a.therapist, a.id, { lastSeenMinutes: 10 });
    await loadActor(claims);
    const first = (await row(claims.sessionId)).lastSeenAt.getTime();
    await loadActor(claims);
    await loadActor(claims);
    expect((await row(claims.sessionId)).lastSeenAt.getTime()).toBe(first);
  });
});

describe('absolute expiry', () => {
  it('ends a session 12 hours after sign-in however recently it was used', async () => {
    const a = await makePractice();
    const fresh = await claimsFor(a.admin, a.id, { startedMinutes: 12 * 60 - 2, lastSeenMinutes: 1 });
    expect(await loadActor(fresh)).not.toBeNull();

    const old = await claimsFor(a.admin, a.id, { startedMinutes: 12 * 60 + 1, lastSeenMinutes: 1 });
    expect(await loadActor(old)).toBeNull();
    expect(await row(old.sessionId)).toMatchObject({ endedReason: 'absolute' });
    expect(await endAudits(a.id, old.sessionId)).toEqual([{ meta: { reason: 'absolute' } }]);
  });

  it('sliding never stretches the absolute limit', async () => {
    const a = await makePractice();
    const claims = await claimsFor(a.admin, a.id, { startedMinutes: 12 * 60 - 2, lastSeenMinutes: 1 });
    expect(await loadActor(claims)).not.toBeNull();
    // Used a minute ago and every few minutes before: three minutes later it is past 12 hours all the same.
    await age(claims, { startedMinutes: 12 * 60 + 1, lastSeenMinutes: 1 });
    expect(await loadActor(claims)).toBeNull();
    expect(await row(claims.sessionId)).toMatchObject({ endedReason: 'absolute' });
  });
});
