import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { assert, beforeAll, describe, expect, it, vi } from 'vitest';
import { runScoped } from '../../db/connection';
import { auditEvents, careTeam, clients, emailOutbox, invitations, memberships, practices, users } from '../../db/schema';
import { sendDueEmail } from '../../lib/email/outbox';
import { createClientRecord, createMember, ownerScoped } from '../../db/seed/factories';
import { loadActor } from '../../lib/auth/actor';
import { verifyCredentials } from '../../lib/auth/credentials';
import { exportAuditCsv, listAuditEvents, parseAuditFilters } from '../../lib/audit/queries';
import { changeClientStatus, moveClients, setCareTeam, updateClient } from '../../lib/clients/actions';
import {
  acceptInvitationAction,
  inviteMember,
  resendInvitation,
  revokeInvitation,
  sendPasswordReset,
} from '../../lib/invitations/actions';
import { listOutbox } from '../../lib/email/dev-outbox';
import { parseCsv } from '../support/csv';
import { acceptInvitation, acceptPasswordReset, lookupLink } from '../../lib/invitations/service';
import { changeRole, deactivateMember, reactivateMember, updateSettings } from '../../lib/practice/actions';
import { LAST_ADMIN_MESSAGE } from '../../lib/practice/rules';
import { practiceOverview } from '../../lib/practice/overview';
import { passwordStrength } from '../../lib/auth/password-strength';
import { openTestDatabase } from '../support/database';
import { TEST_PASSWORD, actAs, actorFor, claimsFor, makePractice, owner } from '../support/factories';
import { expectPermissionDenied } from '../support/refusals';
import { insertCheckins } from '../support/clinical';

const NEW_PASSWORD = 'violet-kettle-harbour-42';
// Users are shared across practices (and across runs on a server database): every new address is unique.
const RUN = Date.now().toString(36);
const mail = (local: string) => `${local}-${RUN}@test.example`;

beforeAll(() => {
  // Links are handed back rather than emailed, so the tests can follow them.
  delete process.env.SMTP_URL;
});

type Result = { ok: boolean; data?: unknown; formError?: string | null; fieldErrors?: Record<string, string[]> };

function tokenOf(result: Result): string {
  expect(result.ok).toBe(true);
  const link = (result.data as { link: string | null }).link;
  expect(link).toBeTruthy();
  return link!.split('/').pop()!;
}

async function invitationRows(practiceId: string) {
  return ownerScoped(await owner(), practiceId, (tx) => tx.select().from(invitations).where(eq(invitations.practiceId, practiceId)));
}

async function auditActions(practiceId: string): Promise<string[]> {
  const rows = await ownerScoped(await owner(), practiceId, (tx) =>
    tx.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.practiceId, practiceId)),
  );
  return rows.map((r) => r.action);
}

async function invite(practice: Awaited<ReturnType<typeof makePractice>>, fields: Record<string, string>) {
  actAs(practice.admin, practice.id);
  return inviteMember(null, fields);
}

describe('invitations', () => {
  it('stores only the SHA-256 of a 32-byte token, valid for 7 days, and records the step', async () => {
    const a = await makePractice();
    const result = await invite(a, { email: `New.Therapist-${RUN}@Test.example`, role: 'therapist' });
    const token = tokenOf(result);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    const [row] = await invitationRows(a.id);
    expect(row!.tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row!.email).toBe(mail('new.therapist'));
    const days = (row!.expiresAt.getTime() - row!.createdAt.getTime()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThan(7.01);
    expect(await auditActions(a.id)).toContain('invitation.create');
    expect(await lookupLink(token)).toMatchObject({ state: 'pending', kind: 'invite', role: 'therapist' });
  });

  it('refuses an existing member, an invalid email, an ungrantable role, a missing or foreign client record', async () => {
    const a = await makePractice();
    const b = await makePractice();
    const member = await invite(a, { email: a.therapist.email.toUpperCase(), role: 'therapist' });
    expect(member).toMatchObject({ ok: false, fieldErrors: { email: [expect.stringContaining('already has an account in this practice')] } });
    const invalid = await invite(a, { email: 'nope', role: 'therapist' });
    expect(invalid).toMatchObject({ ok: false, fieldErrors: { email: ['Enter a valid email address.'] } });
    const ownerRole = await invite(a, { email: mail('x'), role: 'owner' });
    expect(ownerRole).toMatchObject({ ok: false, fieldErrors: { role: [expect.stringContaining('Choose a role')] } });
    const noRecord = await invite(a, { email: mail('x'), role: 'client' });
    expect(noRecord).toMatchObject({ ok: false, fieldErrors: { clientId: [expect.stringContaining('Choose the client record')] } });
    const foreignRecord = await createClientRecord(await owner(), b.id, { firstName: 'Foreign', lastName: 'Record' });
    const foreign = await invite(a, { email: mail('x'), role: 'client', clientId: foreignRecord.id });
    expect(foreign).toMatchObject({ ok: false, fieldErrors: { clientId: ['Choose a client record from the list.'] } });
    const linked = await invite(a, { email: mail('x'), role: 'client', clientId: a.clientA1.clientId });
    expect(linked).toMatchObject({ ok: false, fieldErrors: { clientId: ['That client already has a portal login.'] } });
    const first = await invite(a, { email: mail('twice'), role: 'admin' });
    expect(first.ok).toBe(true);
    const twice = await invite(a, { email: mail('twice'), role: 'therapist' });
    expect(twice).toMatchObject({ ok: false, fieldErrors: { email: [expect.stringContaining('open invitation')] } });
    expect((await invitationRows(a.id)).length).toBe(1);
  });

  it('refuses non-admins and signed-out callers', async () => {
    const a = await makePractice();
    for (const person of [a.therapist, a.clientA1]) {
      actAs(person, a.id);
      expect(await inviteMember(null, { email: mail('x'), role: 'admin' })).toMatchObject({
        ok: false,
        formError: 'You do not have permission to do that.',
      });
    }
    actAs(null);
    expect(await inviteMember(null, { email: mail('x'), role: 'admin' })).toMatchObject({ ok: false });
    expect(await invitationRows(a.id)).toHaveLength(0);
  });

  it('accepting creates an active login and membership, once; the link then reads as used', async () => {
    const a = await makePractice();
    const token = tokenOf(await invite(a, { email: mail('joiner'), role: 'therapist' }));
    const accepted = await acceptInvitation(token, { name: 'Joiner Person', password: NEW_PASSWORD });
    expect(accepted).toMatchObject({ role: 'therapist', practiceId: a.id });
    const claims = await verifyCredentials({ email: mail('joiner'), password: NEW_PASSWORD });
    expect(claims?.practiceId).toBe(a.id);
    // Still an invitation (not a reset) once its address has become a member: the page says it was used.
    expect(await lookupLink(token)).toMatchObject({ state: 'accepted', kind: 'invite' });
    await expect(acceptInvitation(token, { name: 'Again', password: NEW_PASSWORD })).rejects.toThrow(/already been used/);
    expect(await auditActions(a.id)).toContain('invitation.accept');
  });

  it('a client invitation links the login to that clinical record', async () => {
    const a = await makePractice();
    const record = await createClientRecord(await owner(), a.id, { firstName: 'Robin', lastName: 'Record' });
    const token = tokenOf(await invite(a, { email: mail('robin'), role: 'client', clientId: record.id }));
    const accepted = await acceptInvitation(token, { name: 'Robin Record', password: NEW_PASSWORD });
    const [linked] = await ownerScoped(await owner(), a.id, (tx) =>
      tx.select({ userId: clients.userId }).from(clients).where(and(eq(clients.practiceId, a.id), eq(clients.id, record.id))),
    );
    expect(linked?.userId).toBe(accepted.userId);
    const claims = await verifyCredentials({ email: mail('robin'), password: NEW_PASSWORD });
    const actor = await loadActor(claims);
    expect(actor).toMatchObject({ role: 'client', clientId: record.id });
  });

  it('two concurrent acceptances of one invitation: exactly one succeeds', async () => {
    const a = await makePractice();
    const token = tokenOf(await invite(a, { email: mail('race'), role: 'therapist' }));
    const results = await Promise.allSettled([
      acceptInvitation(token, { name: 'First', password: NEW_PASSWORD }),
      acceptInvitation(token, { name: 'Second', password: 'another-long-passphrase-9' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1);
    const members = await ownerScoped(await owner(), a.id, (tx) =>
      tx.select().from(memberships).innerJoin(users, eq(users.id, memberships.userId)).where(and(eq(memberships.practiceId, a.id), eq(users.email, mail('race')))),
    );
    expect(members).toHaveLength(1);
  });

  it('an expired, revoked or resent link is refused with a clear reason; the resent one works', async () => {
    const a = await makePractice();
    const expiredToken = tokenOf(await invite(a, { email: mail('late'), role: 'therapist' }));
    await ownerScoped(await owner(), a.id, (tx) =>
      tx.update(invitations).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(invitations.email, mail('late'))),
    );
    expect(await lookupLink(expiredToken)).toMatchObject({ state: 'expired' });
    await expect(acceptInvitation(expiredToken, { name: 'Late', password: NEW_PASSWORD })).rejects.toThrow(/expired/);

    const revokeResult = await invite(a, { email: mail('withdrawn'), role: 'therapist' });
    const revokedToken = tokenOf(revokeResult);
    actAs(a.admin, a.id);
    const revoked = await revokeInvitation(null, { invitationId: ((revokeResult as { data: { invitationId: string } }).data).invitationId });
    expect(revoked.ok).toBe(true);
    expect(await lookupLink(revokedToken)).toMatchObject({ state: 'revoked' });
    const viaAction = await acceptInvitationAction(null, { token: revokedToken, name: 'W', password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    expect(viaAction).toMatchObject({ ok: false, formError: expect.stringContaining('withdrawn') });

    const [late] = (await invitationRows(a.id)).filter((r) => r.email === mail('late'));
    actAs(a.admin, a.id);
    const resent = await resendInvitation(null, { invitationId: late!.id });
    const freshToken = tokenOf(resent);
    expect(freshToken).not.toBe(expiredToken);
    expect(await lookupLink(expiredToken)).toEqual({ state: 'invalid' });
    await expect(acceptInvitation(freshToken, { name: 'Late After All', password: NEW_PASSWORD })).resolves.toMatchObject({ role: 'therapist' });
    expect(await lookupLink('not-a-token')).toEqual({ state: 'invalid' });
  });

  it('acceptance refuses a short or guessable password beside the field, echoing nothing secret', async () => {
    const a = await makePractice();
    const token = tokenOf(await invite(a, { email: mail('weak'), role: 'therapist' }));
    const short = await acceptInvitationAction(null, { token, name: 'Weak', password: 'short', confirmPassword: 'short' });
    expect(short).toMatchObject({ ok: false, fieldErrors: { password: ['Use at least 12 characters.'] } });
    const breached = await acceptInvitationAction(null, { token, name: 'Weak', password: 'Password1234', confirmPassword: 'Password1234' });
    expect(breached).toMatchObject({ ok: false, fieldErrors: { password: [expect.stringContaining('similar to a commonly used password')] } });
    assert(!breached.ok);
    expect(breached.values?.password).toBeUndefined();
    expect(breached.values?.token).toBeUndefined();
    // Strong for anyone else, guessable for this person: built from the invited address, which only the server knows.
    const personal = `${RUN}weak`;
    expect((await passwordStrength(personal)).score).toBeGreaterThanOrEqual(3);
    const aboutThem = await acceptInvitationAction(null, { token, name: 'Sam Lee', password: personal, confirmPassword: personal });
    expect(aboutThem).toMatchObject({ ok: false, fieldErrors: { password: [expect.stringContaining('personal')] }, values: { name: 'Sam Lee' } });
    expect(await lookupLink(token)).toMatchObject({ state: 'pending' });
  });

  it("admins cannot revoke or resend another practice's invitation", async () => {
    const a = await makePractice();
    const b = await makePractice();
    const result = await invite(b, { email: mail('theirs'), role: 'therapist' });
    const invitationId = (result as { data: { invitationId: string } }).data.invitationId;
    actAs(a.admin, a.id);
    expect(await revokeInvitation(null, { invitationId })).toMatchObject({ ok: false, formError: expect.stringContaining('not found') });
    expect(await resendInvitation(null, { invitationId })).toMatchObject({ ok: false, formError: expect.stringContaining('not found') });
    const [row] = await invitationRows(b.id);
    expect(row?.revokedAt).toBeNull();
  });
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

describe('settings', () => {
  const valid = {
    name: 'Renamed Practice',
    timeZone: 'Europe/Berlin',
    safetyQuestionEnabled: 'on',
    idleTimeoutMinutes: '20',
    crisisContacts: [{ label: 'Practice duty line', phone: '+44 20 7946 0000' }],
    measureDefaults: [{ measure: 'phq9', everyDays: '14', atIntake: 'on' }],
  };

  it('refuses an idle time above 30 minutes, an unknown time zone and half-filled crisis numbers', async () => {
    const a = await makePractice();
    actAs(a.admin, a.id);
    const result = await updateSettings(null, {
      ...valid,
      idleTimeoutMinutes: '31',
      timeZone: 'Mars/Olympus',
      crisisContacts: [{ label: 'Line', phone: '' }],
      measureDefaults: [{ measure: 'phq9', everyDays: '0' }],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors.idleTimeoutMinutes).toEqual([expect.stringContaining('at most 30')]);
    expect(result.fieldErrors.timeZone).toBeDefined();
    expect(result.fieldErrors['crisisContacts.0.phone']).toEqual(['Enter the number.']);
    expect(result.fieldErrors['measureDefaults.0.everyDays']).toBeDefined();
    expect(await updateSettings(null, { ...valid, idleTimeoutMinutes: '0' })).toMatchObject({ ok: false, fieldErrors: { idleTimeoutMinutes: [expect.any(String)] } });
  });

  it('saves valid settings for the actor\u2019s own practice only; non-admins are refused', async () => {
    const a = await makePractice();
    actAs(a.therapist, a.id);
    expect(await updateSettings(null, valid)).toMatchObject({ ok: false, formError: 'You do not have permission to do that.' });
    actAs(a.admin, a.id);
    expect(await updateSettings(null, valid)).toMatchObject({ ok: true });
    const [row] = await ownerScoped(await owner(), a.id, (tx) => tx.select().from(practices).where(eq(practices.id, a.id)));
    expect(row).toMatchObject({
      name: 'Renamed Practice',
      timeZone: 'Europe/Berlin',
      idleTimeoutMinutes: 20,
      safetyQuestionEnabled: true,
      crisisContacts: [{ label: 'Practice duty line', phone: '+44 20 7946 0000' }],
      measureDefaults: [{ measure: 'phq9', everyDays: 14, atIntake: true }],
    });
    expect(await updateSettings(null, { ...valid, safetyQuestionEnabled: '' })).toMatchObject({ ok: true });
    const actor = await actorFor(a.admin, a.id);
    expect(actor?.practice.safetyQuestionEnabled).toBe(false);
  });
});

describe('overview and audit trail', () => {
  it('overview counts clients and caseloads without any client answers', async () => {
    const a = await makePractice();
    const actor = await actorFor(a.admin, a.id);
    const overview = await practiceOverview(actor!);
    expect(overview.clientsByStatus.active).toBe(2);
    expect(overview.caseloads.find((c) => c.membershipId === a.therapist.membershipId)?.activeClients).toBe(1);
    expect(JSON.stringify(overview)).not.toMatch(/answers|note/);
    const therapist = await actorFor(a.therapist, a.id);
    await expect(practiceOverview(therapist!)).rejects.toThrow(/forbidden/);
  });

  it("counts check-in engagement over the practice's last seven local days", async () => {
    const a = await makePractice();
    // Noon UTC on the 10th is the 10th in New York: seven local days are the 4th to the 10th, not the 3rd.
    const now = new Date('2026-03-10T12:00:00Z');
    await insertCheckins(a.id, a.clientA1.clientId, [{ localDay: '2026-03-04' }]);
    await insertCheckins(a.id, a.clientA2.clientId, [{ localDay: '2026-03-03' }]);
    const overview = await practiceOverview((await actorFor(a.admin, a.id))!, now);
    expect(overview.engagement).toMatchObject({ activeClients: 2, checkedIn: 1, checkins: 1, days: 7 });
  });

  it('filters the trail by person, client and action, and exports neutralised CSV', async () => {
    const a = await makePractice();
    actAs(a.admin, a.id);
    await updateClient(null, { clientId: a.clientA1.clientId, firstName: '=HYPERLINK("x")', lastName: 'Evil' });
    await changeClientStatus(null, { clientId: a.clientA2.clientId, status: 'paused' });
    const actor = (await actorFor(a.admin, a.id))!;
    const byClient = await listAuditEvents(actor, parseAuditFilters({ client: a.clientA1.clientId }));
    expect(byClient.rows.map((r) => r.action)).toEqual(['client.update']);
    const byAction = await listAuditEvents(actor, parseAuditFilters({ action: 'client.changeStatus', person: a.admin.userId }));
    expect(byAction.rows).toHaveLength(1);
    expect(byAction.rows[0]).toMatchObject({ clientId: a.clientA2.clientId, actorName: a.admin.name });
    const future = await listAuditEvents(actor, parseAuditFilters({ from: '2999-01-01' }));
    expect(future.rows).toHaveLength(0);
    const ranged = await listAuditEvents(actor, parseAuditFilters({ from: '2000-01-01', to: '2999-12-31', action: 'client.update' }));
    expect(ranged.rows.length).toBe(1);
    const csv = await exportAuditCsv(actor, parseAuditFilters({ client: a.clientA1.clientId }));
    const [header, ...rows] = parseCsv(csv);
    expect(header).toEqual(['at', 'actor', 'actor_role', 'action', 'action_label', 'entity_type', 'entity_id', 'client_id', 'client', 'details']);
    expect(rows.map((r) => r[8])).toContain(`'=HYPERLINK("x") Evil`);
    // Times are the practice's wall clock with its offset (the test practice is in New York), as on the screen.
    const update = rows.find((r) => r[3] === 'client.update')!;
    expect(update[4]).toBe('Edited a client’s details');
    expect(update[0]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}-0[45]:00$/);
    const listed = byClient.rows[0]!.at;
    expect(new Date(update[0]!).getTime()).toBe(Math.floor(listed.getTime() / 1000) * 1000);
    expect(await auditActions(a.id)).toContain('audit.export');
    const therapist = (await actorFor(a.therapist, a.id))!;
    await expect(listAuditEvents(therapist, parseAuditFilters({}))).rejects.toThrow(/forbidden/);
  });

  it('the app role can add audit rows but never rewrite them', async () => {
    const a = await makePractice();
    const handle = await openTestDatabase();
    const action = `test.added-${RUN}`;
    await runScoped(handle.app, { practiceId: a.id }, (tx) => tx.insert(auditEvents).values({ practiceId: a.id, action }));
    const added = async () =>
      ownerScoped(await owner(), a.id, (tx) => tx.select({ action: auditEvents.action }).from(auditEvents).where(and(eq(auditEvents.practiceId, a.id), eq(auditEvents.action, action))));
    expect(await added()).toEqual([{ action }]);
    await expectPermissionDenied(
      runScoped(handle.app, { practiceId: a.id }, (tx) => tx.execute(sql`update audit_events set action = 'rewritten'`)),
      'rewriting an audit row',
    );
    await expectPermissionDenied(runScoped(handle.app, { practiceId: a.id }, (tx) => tx.execute(sql`delete from audit_events`)), 'deleting an audit row');
    expect(await added()).toEqual([{ action }]);
  });
});

describe('email delivery', () => {
  /** A minimal SMTP server that keeps each message it is handed. */
  async function startSmtp() {
    const net = await import('node:net');
    const messages: string[] = [];
    const server = net.createServer((socket) => {
      let inData = false;
      let buffer = '';
      socket.write('220 test ESMTP\r\n');
      socket.on('data', (chunk) => {
        buffer += chunk.toString('utf8');
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end === -1) return;
          messages.push(buffer.slice(0, end));
          buffer = buffer.slice(end + 5);
          inData = false;
          socket.write('250 queued\r\n');
        }
        let newline: number;
        while (!inData && (newline = buffer.indexOf('\r\n')) !== -1) {
          const line = buffer.slice(0, newline);
          buffer = buffer.slice(newline + 2);
          const verb = line.slice(0, 4).toUpperCase();
          if (verb === 'EHLO' || verb === 'HELO') socket.write('250 test\r\n');
          else if (verb === 'DATA') {
            inData = true;
            socket.write('354 go ahead\r\n');
          } else if (verb === 'QUIT') socket.end('221 bye\r\n');
          else socket.write('250 ok\r\n');
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    return { url: `smtp://127.0.0.1:${port}`, messages, close: () => new Promise<void>((r) => server.close(() => r())) };
  }

  it('with SMTP_URL set, the link is emailed (not shown) and the mail carries no clinical information', async () => {
    const smtp = await startSmtp();
    process.env.SMTP_URL = smtp.url;
    try {
      const a = await makePractice();
      const record = await createClientRecord(await owner(), a.id, { firstName: 'Marlowe', lastName: 'Unseen' });
      const result = await invite(a, { email: mail('emailed'), role: 'client', clientId: record.id });
      expect(result).toMatchObject({ ok: true, data: { emailed: true, link: null } });
      // Queued in the outbox with the invitation, then sent by the email job.
      expect(await sendDueEmail(a.id)).toEqual({ sent: 1, failed: 0 });
      expect(smtp.messages).toHaveLength(1);
      // Quoted-printable: undo soft line breaks and escapes before reading the text.
      const message = smtp.messages[0]!.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
      expect(message).toMatch(/\/invite\/[A-Za-z0-9_-]{43}/);
      expect(message).toContain(a.name);
      expect(message).not.toMatch(/Marlowe|Unseen|client record|therap/i);
    } finally {
      delete process.env.SMTP_URL;
      await smtp.close();
    }
  });

  it('a mail server that is down loses nothing: the invitation is saved and its email waits in the outbox', async () => {
    process.env.SMTP_URL = 'smtp://127.0.0.1:1';
    try {
      const a = await makePractice();
      const result = await invite(a, { email: mail('undelivered'), role: 'therapist' });
      expect(result).toMatchObject({ ok: true, data: { emailed: true, link: null } });
      expect(await invitationRows(a.id)).toHaveLength(1);
      await expect(sendDueEmail(a.id)).rejects.toThrow('email delivery failed');
      const waiting = await ownerScoped(await owner(), a.id, (tx) => tx.select().from(emailOutbox).where(eq(emailOutbox.practiceId, a.id)));
      expect(waiting).toMatchObject([{ status: 'pending', attempts: 1, kind: 'invitation' }]);
    } finally {
      delete process.env.SMTP_URL;
    }
  });
});
