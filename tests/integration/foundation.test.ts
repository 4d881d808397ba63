import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { runScoped } from '../../db/connection';
import { rowsOf } from '../../db/rows';
import { checkAccessWalls } from '../../db/self-check';
import { auditEvents, clients, practices, sessions, users } from '../../db/schema';
import { ownerScoped } from '../../db/seed/factories';
import { loadActor } from '../../lib/auth/actor';
import { verifyCredentials } from '../../lib/auth/credentials';
import { createClient } from '../../lib/clients/actions';
import { openTestDatabase } from '../support/database';
import { TEST_PASSWORD, actAs, actorFor, claimsFor, makePractice, owner } from '../support/factories';
import { expectPermissionDenied } from '../support/refusals';


async function countClientsAsOwner(practiceId: string, where?: { firstName?: string }) {
  const handle = await openTestDatabase();
  const owner = await handle.owner();
  return owner.transaction(async (tx) => {
    await tx.execute(sql`select set_config('app.practice_id', ${practiceId}, true)`);
    const rows = await tx
      .select({ id: clients.id })
      .from(clients)
      .where(where?.firstName ? and(eq(clients.practiceId, practiceId), eq(clients.firstName, where.firstName)) : eq(clients.practiceId, practiceId));
    return rows.length;
  });
}

describe('the database wall', () => {
  it('passes the start-up self-check on the live database', async () => {
    const handle = await openTestDatabase();
    expect(await checkAccessWalls(handle)).toEqual([]);
  });

  it('with practice B set, an unfiltered query returns no row of practice A and an insert for A is refused', async () => {
    const a = await makePractice('A');
    const b = await makePractice('B');
    const handle = await openTestDatabase();

    // As B's admin (an admin sees the practice's client records), so only the practice wall is in play.
    const asAdminOfB = { practiceId: b.id, userId: b.admin.userId, role: 'admin', membershipId: b.admin.membershipId } as const;
    const seen = await runScoped(handle.app, asAdminOfB, (tx) => tx.select().from(clients));
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((c) => c.practiceId === b.id)).toBe(true);
    expect(seen.some((c) => c.practiceId === a.id)).toBe(false);

    await expectPermissionDenied(
      runScoped(handle.app, asAdminOfB, (tx) =>
        tx.insert(clients).values({ practiceId: a.id, firstName: 'Smuggled', lastName: 'Row' }),
      ),
      "B's admin adding a client to A",
    );
    expect(await countClientsAsOwner(a.id, { firstName: 'Smuggled' })).toBe(0);

    const updated = await runScoped(handle.app, asAdminOfB, (tx) =>
      tx.update(clients).set({ firstName: 'Changed' }).where(eq(clients.practiceId, a.id)).returning({ id: clients.id }),
    );
    expect(updated).toHaveLength(0);
  });

  it('with no practice set, tenant tables return nothing', async () => {
    await makePractice();
    const handle = await openTestDatabase();
    const result = await runScoped(handle.app, {}, (tx) => tx.execute(sql`select count(*)::int as n from clients`));
    expect((rowsOf(result)[0] as { n: number }).n).toBe(0);
  });

  it('the application role cannot change or delete audit events', async () => {
    const a = await makePractice();
    const handle = await openTestDatabase();
    await runScoped(handle.app, { practiceId: a.id }, (tx) =>
      tx.insert(auditEvents).values({ practiceId: a.id, action: 'test.event' }),
    );
    await expectPermissionDenied(
      runScoped(handle.app, { practiceId: a.id }, (tx) => tx.update(auditEvents).set({ action: 'rewritten' })),
      'rewriting an audit event',
    );
    await expectPermissionDenied(runScoped(handle.app, { practiceId: a.id }, (tx) => tx.delete(auditEvents)), 'deleting an audit event');
    const kept = await ownerScoped(await owner(), a.id, (tx) => tx.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.practiceId, a.id)));
    expect(kept.map((row) => row.action)).toContain('test.event');
    expect(kept.map((row) => row.action)).not.toContain('rewritten');
  });
});

describe('sign-in', () => {
  it('accepts the right password with any letter case in the email', async () => {
    const a = await makePractice();
    const claims = await verifyCredentials({ email: a.therapist.email.toUpperCase(), password: TEST_PASSWORD });
    expect(claims).toMatchObject({ userId: a.therapist.userId, practiceId: a.id, membershipId: a.therapist.membershipId });
  });

  it('gives the same null for an unknown email, a wrong password and a deactivated account', async () => {
    const a = await makePractice();
    expect(await verifyCredentials({ email: 'nobody@test.example', password: TEST_PASSWORD })).toBeNull();
    expect(await verifyCredentials({ email: a.therapist.email, password: 'wrong-password-here' })).toBeNull();
    const owner = await (await openTestDatabase()).owner();
    await owner.update(users).set({ status: 'deactivated' }).where(eq(users.id, a.therapist.userId));
    expect(await verifyCredentials({ email: a.therapist.email, password: TEST_PASSWORD })).toBeNull();
  });
});

describe('sessions', () => {
  it("a deactivated user's open session is refused at its next request", async () => {
    const a = await makePractice();
    const claims = await claimsFor(a.therapist, a.id);
    expect(await loadActor(claims)).not.toBeNull();
    const owner = await (await openTestDatabase()).owner();
    await owner.update(users).set({ status: 'deactivated' }).where(eq(users.id, a.therapist.userId));
    expect(await loadActor(claims)).toBeNull();
  });

  it('an ended session row is refused, whatever its cookie says', async () => {
    const a = await makePractice();
    const claims = await claimsFor(a.admin, a.id);
    const owner = await (await openTestDatabase()).owner();
    await owner.update(sessions).set({ endedAt: new Date(), endedReason: 'signOut' }).where(eq(sessions.id, claims.sessionId));
    expect(await loadActor(claims)).toBeNull();
    // A cookie naming another user's session, or no session at all, is nobody.
    const other = await claimsFor(a.therapist, a.id);
    expect(await loadActor({ sessionId: other.sessionId, userId: a.admin.userId })).toBeNull();
    expect(await loadActor({ sessionId: 'not-a-uuid', userId: a.admin.userId })).toBeNull();
  });

  it('idle and absolute limits end a session, and a practice idle limit never exceeds the maximum', async () => {
    const a = await makePractice();
    expect(await loadActor(await claimsFor(a.admin, a.id, { lastSeenMinutes: 14 }))).not.toBeNull();
    expect(await loadActor(await claimsFor(a.admin, a.id, { lastSeenMinutes: 16 }))).toBeNull();
    expect(await loadActor(await claimsFor(a.admin, a.id, { startedMinutes: 13 * 60 }))).toBeNull();
    const owner = await (await openTestDatabase()).owner();
    await ownerScoped(owner, a.id, (tx) => tx.update(practices).set({ idleTimeoutMinutes: 240 }).where(eq(practices.id, a.id)));
    expect(await loadActor(await claimsFor(a.admin, a.id, { lastSeenMinutes: 29 }))).not.toBeNull();
    expect(await loadActor(await claimsFor(a.admin, a.id, { lastSeenMinutes: 31 }))).toBeNull();
  });

  it('resolves the care team from the database', async () => {
    const a = await makePractice();
    const therapist = await actorFor(a.therapist, a.id);
    expect([...(therapist?.careTeamClientIds ?? [])]).toEqual([a.clientA1.clientId]);
    const client = await actorFor(a.clientA1, a.id);
    expect(client?.clientId).toBe(a.clientA1.clientId);
  });
});

describe('the action wall', () => {
  const form = (fields: Record<string, string>) => {
    const data = new FormData();
    for (const [k, v] of Object.entries(fields)) data.append(k, v);
    return data;
  };

  it('a signed-out caller is refused and nothing changes', async () => {
    const a = await makePractice();
    actAs(null);
    const result = await createClient(null, form({ firstName: 'Intruder', lastName: 'Client' }));
    expect(result).toMatchObject({ ok: false, formError: 'Your session has ended. Please sign in again.' });
    expect(await countClientsAsOwner(a.id, { firstName: 'Intruder' })).toBe(0);
  });

  it('a role without the permission is refused and nothing changes', async () => {
    const a = await makePractice();
    for (const person of [a.therapist, a.clientA1]) {
      actAs(person, a.id);
      const result = await createClient(null, form({ firstName: 'Intruder', lastName: 'Client' }));
      expect(result).toMatchObject({ ok: false, formError: 'You do not have permission to do that.' });
    }
    expect(await countClientsAsOwner(a.id, { firstName: 'Intruder' })).toBe(0);
  });

  it('invalid input comes back as field errors with the values echoed', async () => {
    const a = await makePractice();
    actAs(a.admin, a.id);
    const result = await createClient(null, form({ firstName: '', lastName: 'Kept', email: 'not-an-email' }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors.firstName).toEqual(['Enter a first name.']);
    expect(result.fieldErrors.email).toEqual(['Enter a valid email address.']);
    expect(result.values?.lastName).toBe('Kept');
  });

  it("a therapist id from another practice is refused, with nothing written", async () => {
    const a = await makePractice();
    const b = await makePractice();
    actAs(a.admin, a.id);
    const result = await createClient(
      null,
      form({ firstName: 'Cross', lastName: 'Practice', 'therapistMembershipIds[]': b.therapist.membershipId }),
    );
    expect(result).toMatchObject({ ok: false, fieldErrors: { therapistMembershipIds: ['Choose therapists from this practice.'] } });
    expect(await countClientsAsOwner(a.id, { firstName: 'Cross' })).toBe(0);
  });

  it('an allowed action writes the change and its audit row in one transaction', async () => {
    const a = await makePractice();
    actAs(a.admin, a.id);
    await expect(
      createClient(null, form({ firstName: 'New', lastName: 'Client', 'therapistMembershipIds[]': a.therapist.membershipId })),
    ).rejects.toThrow(/NEXT_REDIRECT/);
    expect(await countClientsAsOwner(a.id, { firstName: 'New' })).toBe(1);
    const handle = await openTestDatabase();
    const audit = await runScoped(handle.app, { practiceId: a.id }, (tx) =>
      tx.select().from(auditEvents).where(eq(auditEvents.action, 'client.create')),
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorUserId: a.admin.userId, actorRole: 'admin', entityType: 'client' });
  });
});
