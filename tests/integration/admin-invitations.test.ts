import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { assert, beforeAll, describe, expect, it } from 'vitest';
import { clients, emailOutbox, invitations, memberships, users } from '../../db/schema';
import { sendDueEmail } from '../../lib/email/outbox';
import { createClientRecord, ownerScoped } from '../../db/seed/factories';
import { loadActor } from '../../lib/auth/actor';
import { verifyCredentials } from '../../lib/auth/credentials';
import {
  acceptInvitationAction,
  inviteMember,
  resendInvitation,
  revokeInvitation,
} from '../../lib/invitations/actions';
import { acceptInvitation, lookupLink } from '../../lib/invitations/service';
import { passwordStrength } from '../../lib/auth/password-strength';
import { actAs, makePractice, owner } from '../support/factories';
import { RUN, auditActions, invite, mail, tokenOf } from '../support/admin';

const NEW_PASSWORD = 'violet-kettle-harbour-42';

beforeAll(() => {
  // Links are handed back rather than emailed, so the tests can follow them.
  delete process.env.SMTP_URL;
});


async function invitationRows(practiceId: string) {
  return ownerScoped(await owner(), practiceId, (tx) => tx.select().from(invitations).where(eq(invitations.practiceId, practiceId)));
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
