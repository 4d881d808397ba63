import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { practices, sessions } from '../../db/schema';
import { ownerScoped } from '../../db/seed/factories';
import { loadActor } from '../../lib/auth/actor';
import type { SessionClaims } from '../../lib/auth/sessions';
import { openTestDatabase } from '../support/database';
import { claimsFor, makePractice } from '../support/factories';

/** Seconds since the session's idle clock last moved, on the database's clock. */
async function secondsSinceSeen(claims: SessionClaims): Promise<number> {
  const owner = await (await openTestDatabase()).owner();
  const [row] = await owner
    .select({ s: sql<number>`extract(epoch from now() - ${sessions.lastSeenAt})::float8` })
    .from(sessions)
    .where(eq(sessions.id, claims.sessionId));
  return Number(row!.s);
}

async function backdate(claims: SessionClaims, seconds: number) {
  const owner = await (await openTestDatabase()).owner();
  await owner
    .update(sessions)
    .set({ lastSeenAt: sql`now() - make_interval(secs => ${seconds})` })
    .where(eq(sessions.id, claims.sessionId));
}

describe('the session idle clock', () => {
  it('moves at most once a minute while pages are read, so a page view does not write the session each time', async () => {
    const a = await makePractice();
    const claims = await claimsFor(a.therapist, a.id);
    await backdate(claims, 30);
    expect(await loadActor(claims)).not.toBeNull();
    // Touched 30 s ago: within the minute, left alone.
    expect(await secondsSinceSeen(claims)).toBeGreaterThanOrEqual(29);
    await backdate(claims, 70);
    expect(await loadActor(claims)).not.toBeNull();
    // Over a minute: moved to now.
    expect(await secondsSinceSeen(claims)).toBeLessThan(5);
  });

  it('moves within a quarter of a short idle limit, so someone active under a 1-minute limit stays signed in', async () => {
    const a = await makePractice();
    const owner = await (await openTestDatabase()).owner();
    await ownerScoped(owner, a.id, (tx) => tx.update(practices).set({ idleTimeoutMinutes: 1 }).where(eq(practices.id, a.id)));
    const claims = await claimsFor(a.therapist, a.id);
    await backdate(claims, 20);
    expect(await loadActor(claims)).not.toBeNull();
    expect(await secondsSinceSeen(claims)).toBeLessThan(5);
    // Active every 40 s: never a minute since the clock last moved, so never signed out.
    for (let i = 0; i < 3; i++) {
      await backdate(claims, 40);
      expect(await loadActor(claims)).not.toBeNull();
    }
  });
});
