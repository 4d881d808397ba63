import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, clients, memberships, users } from '../../db/schema';
import { addMembership, addToCareTeam, createClientRecord, ownerScoped } from '../../db/seed/factories';
import { loadPage, withActor } from '../../lib/access/scope';
import { accountOverview, accountPractices, accountSessions } from '../../lib/auth/account';
import { loadActor, loadSession } from '../../lib/auth/actor';
import { checkLoginPassword, verifyCredentials } from '../../lib/auth/credentials';
import { listOwnPractices, PRACTICE_UNAVAILABLE, switchSessionPractice } from '../../lib/auth/practices';
import { acceptWithExistingLoginAction, inviteMember } from '../../lib/invitations/actions';
import { joinWithExistingLogin } from '../../lib/invitations/join';
import { acceptInvitation, EXISTING_ACCOUNT, lookupLink } from '../../lib/invitations/service';
import { deactivateMember, reactivateMember } from '../../lib/practice/actions';
import { TEST_PASSWORD, type TestPractice, actAs, actorFor, claimsFor, makePractice, owner } from '../support/factories';

beforeAll(() => {
  delete process.env.SMTP_URL;
});

async function auditIn(practiceId: string, action: string) {
  return ownerScoped(await owner(), practiceId, (tx) =>
    tx.select().from(auditEvents).where(and(eq(auditEvents.practiceId, practiceId), eq(auditEvents.action, action))),
  );
}

/** A's therapist also works at B, on the care team of B's first client. */
async function twoPractices() {
  const A = await makePractice('Alder');
  const B = await makePractice('Birch');
  const db = await owner();
  const inB = await addMembership(db, B.id, A.therapist.userId, 'therapist');
  await addToCareTeam(db, B.id, B.clientA1.clientId, inB.id);
  return { A, B, person: A.therapist, inA: A.therapist.membershipId, inB: inB.id };
}

async function visibleClients(actor: NonNullable<Awaited<ReturnType<typeof loadActor>>>) {
  // No filter of the app's own: row-level security alone decides what the transaction sees.
  return withActor(actor, (tx) => tx.select({ id: clients.id, practiceId: clients.practiceId }).from(clients));
}

describe('one login, several practices', () => {
  it('signs in to no practice, picks one, and the session, the actor and row-level security carry only that one', async () => {
    const { A, B, person, inA, inB } = await twoPractices();
    const claims = (await verifyCredentials({ email: person.email, password: TEST_PASSWORD }))!;
    expect(claims.practiceId).toBeNull();
    expect((await loadSession(claims))?.actor).toBeNull();
    expect((await listOwnPractices(person.userId)).map((p) => p.practiceName).sort()).toEqual([A.name, B.name].sort());

    await switchSessionPractice(claims, inB);
    const inBirch = (await loadActor(claims))!;
    expect(inBirch).toMatchObject({ practiceId: B.id, membershipId: inB, role: 'therapist' });
    expect(await visibleClients(inBirch)).toEqual([{ id: B.clientA1.clientId, practiceId: B.id }]);
    expect(await auditIn(B.id, 'session.choosePractice')).toHaveLength(1);
    expect(await auditIn(A.id, 'session.choosePractice')).toHaveLength(0);

    // Switching later: the same session now sees A's care team and nothing of B.
    await switchSessionPractice(claims, inA);
    const inAlder = (await loadActor(claims))!;
    expect(inAlder).toMatchObject({ practiceId: A.id, membershipId: inA });
    expect(await visibleClients(inAlder)).toEqual([{ id: A.clientA1.clientId, practiceId: A.id }]);
    expect(await auditIn(A.id, 'session.choosePractice')).toHaveLength(1);

    // Nobody else's membership, and nothing changes when refused.
    await expect(switchSessionPractice(claims, B.admin.membershipId)).rejects.toThrow(PRACTICE_UNAVAILABLE);
    expect((await loadActor(claims))?.practiceId).toBe(A.id);
  });

  it('deactivation is per practice: the person keeps their other practice, and sign-in goes straight to it', async () => {
    const { A, B, person, inA, inB } = await twoPractices();
    const sessionA = await claimsFor(person, A.id);
    const sessionB = await claimsFor({ ...person, membershipId: inB }, B.id);
    actAs(A.admin, A.id);
    expect(await deactivateMember(null, { membershipId: inA })).toMatchObject({ ok: true });

    expect(await loadActor(sessionA)).toBeNull();
    expect(await loadActor(sessionB)).toMatchObject({ practiceId: B.id });
    const fresh = (await verifyCredentials({ email: person.email, password: TEST_PASSWORD }))!;
    expect(fresh).toMatchObject({ practiceId: B.id, membershipId: inB });
    await expect(switchSessionPractice(sessionB, inA)).rejects.toThrow(PRACTICE_UNAVAILABLE);
    expect((await listOwnPractices(person.userId)).map((p) => p.practiceId)).toEqual([B.id]);
    // The login itself stays active; the membership carries the state.
    const [login] = await (await owner()).select({ status: users.status }).from(users).where(eq(users.id, person.userId));
    expect(login!.status).toBe('active');

    actAs(A.admin, A.id);
    expect(await reactivateMember(null, { membershipId: inA })).toMatchObject({ ok: true });
    expect((await listOwnPractices(person.userId)).map((p) => p.practiceId).sort()).toEqual([A.id, B.id].sort());
  });

  it('the Account page lists the practices to switch to when the person has another active one, and only then', async () => {
    const { A, B, person, inA, inB } = await twoPractices();
    const inBirch = (await loadActor(await claimsFor({ ...person, membershipId: inB }, B.id)))!;
    expect(inBirch.hasOtherPractices).toBe(true);
    // As the clinic's Account page reads them: the sessions in the page's transaction, the practices beside it.
    const [[sessions], practices] = await Promise.all([loadPage(inBirch, () => Promise.all([accountSessions(inBirch)])), accountPractices(inBirch)]);
    expect(sessions.some((x) => x.current)).toBe(true);
    expect(practices.map((p) => p.practiceId).sort()).toEqual([A.id, B.id].sort());
    expect((await accountOverview(inBirch)).practices.map((p) => [p.practiceName, p.role]).sort()).toEqual(
      [
        [A.name, 'therapist'],
        [B.name, 'therapist'],
      ].sort(),
    );
    // A colleague in Birch alone.
    const alone = (await actorFor(B.therapist, B.id))!;
    expect(alone.hasOtherPractices).toBe(false);
    expect((await accountOverview(alone)).practices.map((p) => p.practiceId)).toEqual([B.id]);

    // Deactivated in Alder: Birch is all there is to show, from the very next request.
    actAs(A.admin, A.id);
    expect(await deactivateMember(null, { membershipId: inA })).toMatchObject({ ok: true });
    const later = (await loadActor(await claimsFor({ ...person, membershipId: inB }, B.id)))!;
    expect(later.hasOtherPractices).toBe(false);
    expect((await accountOverview(later)).practices.map((p) => p.practiceId)).toEqual([B.id]);
  });

  it('the per-request check itself refuses a session whose membership is deactivated, even when no change ended it', async () => {
    const { A, person, inA } = await twoPractices();
    const session = await claimsFor(person, A.id);
    expect(await loadActor(session)).toMatchObject({ practiceId: A.id });
    // Deactivated behind the app's back (no session ended by the action): session_actor alone must refuse it.
    await ownerScoped(await owner(), A.id, (tx) => tx.update(memberships).set({ status: 'deactivated' }).where(eq(memberships.id, inA)));
    expect(await loadActor(session)).toBeNull();
  });
});

async function inviteLink(practice: TestPractice, fields: Record<string, string>): Promise<string> {
  actAs(practice.admin, practice.id);
  const result = await inviteMember(null, fields);
  expect(result.ok).toBe(true);
  const link = (result as { data: { link: string | null } }).data.link!;
  return link.split('/').pop()!;
}

describe('an invitation for an address that already has a Mend login', () => {
  it('says so, refuses a second password, and joins the existing login after its own password', async () => {
    const A = await makePractice('Alder');
    const B = await makePractice('Birch');
    const token = await inviteLink(B, { email: A.therapist.email, role: 'therapist' });
    expect(await lookupLink(token)).toMatchObject({ state: 'pending', existingAccount: true, practiceName: B.name });

    await expect(acceptInvitation(token, { name: 'Someone', password: 'a-brand-new-password-77' })).rejects.toThrow(EXISTING_ACCOUNT);
    actAs(null);
    const wrong = await acceptWithExistingLoginAction(null, { token, password: 'not-their-password-at-all' });
    expect(wrong).toMatchObject({ ok: false, fieldErrors: { password: [expect.stringContaining('not the password')] } });
    expect(await lookupLink(token)).toMatchObject({ state: 'pending' });

    const checked = await checkLoginPassword({ email: A.therapist.email, password: TEST_PASSWORD });
    expect(checked.status).toBe('ok');
    const joined = await joinWithExistingLogin(token, A.therapist.userId);
    expect(joined).toMatchObject({ practiceId: B.id, userId: A.therapist.userId, role: 'therapist' });
    const db = await owner();
    expect(await db.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${A.therapist.email}`)).toHaveLength(1);
    const rows = await db.select({ practiceId: memberships.practiceId }).from(memberships).where(eq(memberships.userId, A.therapist.userId));
    expect(rows.map((r) => r.practiceId).sort()).toEqual([A.id, B.id].sort());
    const [audit] = await auditIn(B.id, 'invitation.accept');
    expect(audit!.meta).toMatchObject({ existingLogin: true, role: 'therapist' });
    // Used once.
    await expect(joinWithExistingLogin(token, A.therapist.userId)).rejects.toThrow(/already been used/);
  });

  it("links a client's record in the second practice to their one login", async () => {
    const A = await makePractice('Alder');
    const B = await makePractice('Birch');
    const db = await owner();
    const record = await createClientRecord(db, B.id, { firstName: 'Client', lastName: 'Shared', email: A.clientA1.email });
    await addToCareTeam(db, B.id, record.id, B.therapist.membershipId);
    const token = await inviteLink(B, { email: A.clientA1.email, role: 'client', clientId: record.id });
    await joinWithExistingLogin(token, A.clientA1.userId);
    const [linked] = await ownerScoped(db, B.id, (tx) => tx.select({ userId: clients.userId }).from(clients).where(and(eq(clients.practiceId, B.id), eq(clients.id, record.id))));
    expect(linked!.userId).toBe(A.clientA1.userId);
    const inB = await ownerScoped(db, B.id, (tx) => tx.select({ id: memberships.id }).from(memberships).where(and(eq(memberships.practiceId, B.id), eq(memberships.userId, A.clientA1.userId))));
    const session = await claimsFor({ ...A.clientA1, membershipId: inB[0]!.id }, B.id);
    const actor = (await loadActor(session))!;
    expect(actor).toMatchObject({ practiceId: B.id, role: 'client', clientId: record.id });
    expect(await visibleClients(actor)).toEqual([{ id: record.id, practiceId: B.id }]);
  });
});
