import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { careTeam, clients, memberships, users } from '../../db/schema';
import { sendDueEmail } from '../../lib/email/outbox';
import { createMember, ownerScoped } from '../../db/seed/factories';
import { loadActor } from '../../lib/auth/actor';
import { verifyCredentials } from '../../lib/auth/credentials';
import { changeClientStatus, moveClients, setCareTeam, updateClient } from '../../lib/clients/actions';
import { sendPasswordReset } from '../../lib/invitations/actions';
import { listOutbox } from '../../lib/email/dev-outbox';
import { acceptInvitation, acceptPasswordReset, lookupLink } from '../../lib/invitations/service';
import { changeRole, deactivateMember, reactivateMember } from '../../lib/practice/actions';
import { LAST_ADMIN_MESSAGE } from '../../lib/practice/rules';
import { TEST_PASSWORD, actAs, actorFor, claimsFor, makePractice, owner } from '../support/factories';
import { auditActions, invite, mail, tokenOf } from '../support/admin';

const NEW_PASSWORD = 'violet-kettle-harbour-42';

beforeAll(() => {
  // Links are handed back rather than emailed, so the tests can follow them.
  delete process.env.SMTP_URL;
});




describe('account changes', () => {
  it("deactivation ends the person's open session at the next request; reactivation lets them sign in again", async () => {
    const a = await makePractice();
    const claims = await claimsFor(a.therapist, a.id);
    expect(await loadActor(claims)).not.toBeNull();
    actAs(a.admin, a.id);
    expect(await deactivateMember(null, { membershipId: a.therapist.membershipId })).toMatchObject({ ok: true });
    expect(await loadActor(claims)).toBeNull();
    expect(await verifyCredentials({ email: a.therapist.email, password: TEST_PASSWORD })).toBeNull();
    expect(await reactivateMember(null, { membershipId: a.therapist.membershipId })).toMatchObject({ ok: true });
    expect(await verifyCredentials({ email: a.therapist.email, password: TEST_PASSWORD })).not.toBeNull();
    // The old session stays ended: reactivation restores the login, not the sessions.
    expect(await loadActor(claims)).toBeNull();
    expect(await auditActions(a.id)).toEqual(expect.arrayContaining(['account.deactivate', 'account.reactivate']));
  });

  it('the last active admin can be neither deactivated nor demoted; with a second admin both work', async () => {
    const a = await makePractice();
    actAs(a.admin, a.id);
    expect(await deactivateMember(null, { membershipId: a.admin.membershipId })).toMatchObject({ ok: false, formError: LAST_ADMIN_MESSAGE });
    expect(await changeRole(null, { membershipId: a.admin.membershipId, role: 'therapist' })).toMatchObject({ ok: false, formError: LAST_ADMIN_MESSAGE });
    expect(await changeRole(null, { membershipId: a.therapist.membershipId, role: 'admin' })).toMatchObject({ ok: true });
    expect(await changeRole(null, { membershipId: a.admin.membershipId, role: 'therapist' })).toMatchObject({ ok: true });
    // The one-time therapist is now the only admin.
    actAs(a.therapist, a.id);
    expect(await deactivateMember(null, { membershipId: a.therapist.membershipId })).toMatchObject({ ok: false, formError: LAST_ADMIN_MESSAGE });
  });

  it('two admins removing each other at once leave one active admin', async () => {
    const a = await makePractice();
    const second = await createMember(await owner(), a.id, 'admin', { email: `second-${Date.now()}@test.example`, name: 'Second Admin' });
    const { actAsForTests } = await import('../../lib/access/current-actor');
    const first = await actorFor(a.admin, a.id);
    const other = await actorFor(second, a.id);
    actAsForTests(async () => first);
    const p1 = deactivateMember(null, { membershipId: second.membershipId });
    actAsForTests(async () => other);
    const p2 = deactivateMember(null, { membershipId: a.admin.membershipId });
    const results = await Promise.all([p1, p2]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ formError: LAST_ADMIN_MESSAGE });
    const active = await ownerScoped(await owner(), a.id, (tx) =>
      tx
        .select({ id: memberships.id })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(and(eq(memberships.practiceId, a.id), eq(memberships.role, 'admin'), eq(memberships.status, 'active'))),
    );
    expect(active).toHaveLength(1);
  });

  it('refuses non-admins, other practices\u2019 ids, and roles that cannot be granted', async () => {
    const a = await makePractice();
    const b = await makePractice();
    actAs(a.therapist, a.id);
    expect(await deactivateMember(null, { membershipId: a.otherTherapist.membershipId })).toMatchObject({ ok: false, formError: 'You do not have permission to do that.' });
    expect(await sendPasswordReset(null, { membershipId: a.otherTherapist.membershipId })).toMatchObject({ ok: false, formError: 'You do not have permission to do that.' });
    actAs(a.admin, a.id);
    expect(await deactivateMember(null, { membershipId: b.therapist.membershipId })).toMatchObject({ ok: false, formError: expect.stringContaining('not found') });
    expect(await changeRole(null, { membershipId: b.therapist.membershipId, role: 'admin' })).toMatchObject({ ok: false, formError: expect.stringContaining('not found') });
    expect(await sendPasswordReset(null, { membershipId: b.therapist.membershipId })).toMatchObject({ ok: false, formError: expect.stringContaining('not found') });
    expect(await changeRole(null, { membershipId: a.therapist.membershipId, role: 'client' })).toMatchObject({ ok: false, fieldErrors: { role: ['Choose admin or therapist.'] } });
    expect(await changeRole(null, { membershipId: a.clientA1.membershipId, role: 'admin' })).toMatchObject({ ok: false, fieldErrors: { role: [expect.stringContaining('client login')] } });
    expect(await loadActor(await claimsFor(b.therapist, b.id))).not.toBeNull();
  });

  it('without SMTP no link is ever logged: the admin sees it, and in development the outbox holds the email', async () => {
    const a = await makePractice();
    actAs(a.admin, a.id);
    const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
    const spies = methods.map((m) => vi.spyOn(console, m).mockImplementation(() => {}));
    try {
      const invitee = mail('outbox.invitee');
      const inviteToken = tokenOf(await invite(a, { email: invitee, role: 'admin' }));
      const resetToken = tokenOf(await sendPasswordReset(null, { membershipId: a.otherTherapist.membershipId }));
      const lines = spies.flatMap((spy) => spy.mock.calls.map((call) => call.map(String).join(' '))).join('\n');
      expect(lines).not.toContain(inviteToken);
      expect(lines).not.toContain(resetToken);
      expect(lines).not.toMatch(/\/invite\/|\/reset-password\//);
      // Written to the email outbox with the link, then sent (here: to the development outbox) by the email job.
      expect(await sendDueEmail(a.id)).toEqual({ sent: 2, failed: 0 });
      const [invitation] = await listOutbox({ to: invitee });
      expect(invitation?.subject).toContain(a.name);
      expect(invitation?.text).toContain(`/invite/${inviteToken}`);
      const everything = (await listOutbox()).map((m) => m.text).join('\n');
      expect(everything).toContain(`/reset-password/${resetToken}`);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });

  it('a password-reset link sets a new password, ends older sessions, and works once', async () => {
    const a = await makePractice();
    const oldClaims = await claimsFor(a.otherTherapist, a.id);
    actAs(a.admin, a.id);
    const token = tokenOf(await sendPasswordReset(null, { membershipId: a.otherTherapist.membershipId }));
    expect(await lookupLink(token)).toMatchObject({ state: 'pending', kind: 'reset' });
    await acceptPasswordReset(token, { password: NEW_PASSWORD });
    expect(await loadActor(oldClaims)).toBeNull();
    expect(await verifyCredentials({ email: a.otherTherapist.email, password: TEST_PASSWORD })).toBeNull();
    expect(await verifyCredentials({ email: a.otherTherapist.email, password: NEW_PASSWORD })).not.toBeNull();
    await expect(acceptPasswordReset(token, { password: 'yet-another-long-phrase' })).rejects.toThrow(/already been used/);
    // A reset link cannot be used as an invitation to create a second login.
    actAs(a.admin, a.id);
    const second = tokenOf(await sendPasswordReset(null, { membershipId: a.otherTherapist.membershipId }));
    await expect(acceptInvitation(second, { name: 'Dup', password: NEW_PASSWORD })).rejects.toThrow(/This link is not valid/);
    expect(await auditActions(a.id)).toEqual(expect.arrayContaining(['account.sendPasswordReset', 'account.resetPassword']));
  });
});

describe('clients and care teams', () => {
  it('moves clients between therapists in bulk, with an audit row per client', async () => {
    const a = await makePractice();
    actAs(a.admin, a.id);
    const result = await moveClients(null, {
      clientIds: [a.clientA1.clientId, a.clientA2.clientId],
      fromMembershipId: a.therapist.membershipId,
      toMembershipId: a.otherTherapist.membershipId,
    });
    expect(result).toMatchObject({ ok: true, data: { moved: 2 } });
    const team = await ownerScoped(await owner(), a.id, (tx) =>
      tx.select().from(careTeam).where(eq(careTeam.practiceId, a.id)),
    );
    expect(team.map((t) => [t.clientId, t.membershipId]).sort()).toEqual(
      [
        [a.clientA1.clientId, a.otherTherapist.membershipId],
        [a.clientA2.clientId, a.otherTherapist.membershipId],
      ].sort(),
    );
    const therapist = await actorFor(a.therapist, a.id);
    expect(therapist?.careTeamClientIds.size).toBe(0);
    expect((await auditActions(a.id)).filter((x) => x === 'client.careTeamChanged')).toHaveLength(2);
  });

  it("refuses another practice's client or therapist, and non-admins, writing nothing", async () => {
    const a = await makePractice();
    const b = await makePractice();
    actAs(a.admin, a.id);
    expect(await moveClients(null, { clientIds: [b.clientA1.clientId], toMembershipId: a.therapist.membershipId })).toMatchObject({ ok: false });
    expect(await moveClients(null, { clientIds: [a.clientA1.clientId], toMembershipId: b.therapist.membershipId })).toMatchObject({
      ok: false,
      fieldErrors: { toMembershipId: [expect.any(String)] },
    });
    expect(await setCareTeam(null, { clientId: a.clientA1.clientId, membershipIds: [b.therapist.membershipId] })).toMatchObject({ ok: false });
    expect(await changeClientStatus(null, { clientId: b.clientA1.clientId, status: 'paused' })).toMatchObject({ ok: false, formError: expect.stringContaining('not found') });
    expect(await updateClient(null, { clientId: b.clientA1.clientId, firstName: 'Hijack', lastName: 'X' })).toMatchObject({ ok: false });
    actAs(a.therapist, a.id);
    expect(await setCareTeam(null, { clientId: a.clientA1.clientId, membershipIds: [] })).toMatchObject({ ok: false, formError: 'You do not have permission to do that.' });
    const teamB = await ownerScoped(await owner(), b.id, (tx) => tx.select().from(careTeam).where(eq(careTeam.practiceId, b.id)));
    expect(teamB).toHaveLength(2);
    const [bClient] = await ownerScoped(await owner(), b.id, (tx) => tx.select().from(clients).where(eq(clients.id, b.clientA1.clientId)));
    expect(bClient?.status).toBe('active');
    expect(bClient?.firstName).toBe('Client');
  });

  it('sets a care team exactly, and pauses, discharges and archives in order', async () => {
    const a = await makePractice();
    actAs(a.admin, a.id);
    expect(await setCareTeam(null, { clientId: a.clientA1.clientId, membershipIds: [a.otherTherapist.membershipId, a.admin.membershipId] })).toMatchObject({
      ok: true,
      data: { added: 2, removed: 1 },
    });
    expect(await changeClientStatus(null, { clientId: a.clientA1.clientId, status: 'archived' })).toMatchObject({ ok: false, fieldErrors: { status: [expect.any(String)] } });
    for (const status of ['paused', 'discharged', 'archived'] as const) {
      expect(await changeClientStatus(null, { clientId: a.clientA1.clientId, status })).toMatchObject({ ok: true });
    }
    expect(await updateClient(null, { clientId: a.clientA2.clientId, firstName: 'Renamed', lastName: 'Person', email: 'bad' })).toMatchObject({
      ok: false,
      fieldErrors: { email: ['Enter a valid email address.'] },
    });
    expect(await updateClient(null, { clientId: a.clientA2.clientId, firstName: 'Renamed', lastName: 'Person' })).toMatchObject({ ok: true });
  });
});
