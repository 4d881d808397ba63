'use server';

import { randomUUID } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { clients, invitations, memberships, users } from '@/db/schema';
import { defineAction } from '@/lib/access/action';
import { ActionRefusal, NotFoundRefusal } from '@/lib/access/errors';
import { homeFor } from '@/lib/auth/home';
import { runPublicAction } from '@/lib/practice/public-action';
import { acceptInput, acceptWithLoginInput, invitationIdInput, inviteInput, resetInput } from './schemas';
import { LINK_UNUSABLE, acceptInvitation, acceptPasswordReset, deliverLink, linkKindFor, lookupLink, memberOf } from './service';
import { assertStrongPassword } from '@/lib/auth/password-strength';
import { joinWithExistingLogin } from './join';
import { checkLoginPassword } from '@/lib/auth/credentials';
import { THROTTLED_MESSAGE, clientAddress } from '@/lib/auth/throttle';
import { invitationPending } from './pending';
import { invitationExpiry, invitationState, newToken, resetExpiry } from './token';
import { signInAfterChange } from '@/lib/auth/sign-in-after-change';
import { wakeJob } from '@/lib/jobs/queue';

// A queued email goes out at once rather than at the next minute's run.
const sendQueuedEmailNow = async () => wakeJob('email.dispatch');

/** Invite a therapist, an admin, or a client (tied to their clinical record). */
export const inviteMember = defineAction({
  name: 'invitation.create',
  refresh: true,
  permission: 'invitation.manage',
  input: inviteInput,
  run: async ({ actor, input, tx, audit }) => {
    if (await memberOf(tx, actor.practiceId, input.email)) {
      throw new ActionRefusal('That email already has an account in this practice.', {
        email: ['That email already has an account in this practice. Use People to manage it.'],
      });
    }
    const [pending] = await tx
      .select({ id: invitations.id })
      .from(invitations)
      .where(
        and(
          eq(invitations.practiceId, actor.practiceId),
          sql`lower(${invitations.email}) = ${input.email}`,
          invitationPending,
        ),
      )
      .limit(1);
    if (pending) {
      throw new ActionRefusal('That email already has an open invitation.', {
        email: ['That email already has an open invitation: resend or revoke it from the list below.'],
      });
    }
    if (input.clientId) {
      const [record] = await tx
        .select({ userId: clients.userId, status: clients.status })
        .from(clients)
        .where(and(eq(clients.practiceId, actor.practiceId), eq(clients.id, input.clientId)));
      if (!record) throw new ActionRefusal('Choose a client record from the list.', { clientId: ['Choose a client record from the list.'] });
      if (record.userId) {
        throw new ActionRefusal('That client already has a portal login.', { clientId: ['That client already has a portal login.'] });
      }
      if (record.status === 'archived') {
        throw new ActionRefusal('That client record is archived.', { clientId: ['Restore the client record before inviting them.'] });
      }
      const [openForClient] = await tx
        .select({ id: invitations.id })
        .from(invitations)
        .where(
          and(
            eq(invitations.practiceId, actor.practiceId),
            eq(invitations.clientId, input.clientId),
            invitationPending,
          ),
        )
        .limit(1);
      if (openForClient) {
        throw new ActionRefusal('That client already has an open invitation.', {
          clientId: ['That client already has an open invitation: resend or revoke it.'],
        });
      }
    }
    const id = randomUUID();
    const { token, hash } = newToken();
    await tx.insert(invitations).values({
      practiceId: actor.practiceId,
      id,
      email: input.email,
      role: input.role,
      clientId: input.clientId,
      tokenHash: hash,
      invitedByMembershipId: actor.membershipId,
      expiresAt: invitationExpiry(),
    });
    const delivery = await deliverLink(tx, { practiceId: actor.practiceId, kind: 'invite', token, email: input.email, practiceName: actor.practice.name });
    audit({ entityType: 'invitation', entityId: id, clientId: input.clientId, meta: { role: input.role, emailed: delivery.emailed } });
    return { invitationId: id, ...delivery };
  },
  afterCommit: sendQueuedEmailNow,
  afterCommitFailure: 'the email could not be sent at once; it goes out with the next run, within a minute',
});

/** A fresh link for an open or expired invitation; the old link stops working. */
export const resendInvitation = defineAction({
  name: 'invitation.resend',
  refresh: true,
  permission: 'invitation.manage',
  input: invitationIdInput,
  run: async ({ actor, input, tx, audit }) => {
    const [row] = await tx
      .select()
      .from(invitations)
      .where(and(eq(invitations.practiceId, actor.practiceId), eq(invitations.id, input.invitationId)))
      .for('update');
    if (!row) throw new NotFoundRefusal();
    const state = invitationState(row);
    if (state === 'accepted' || state === 'revoked') throw new ActionRefusal(`That link was already ${state}; send a new one instead.`);
    const kind = await linkKindFor(tx, actor.practiceId, row.email, row.createdAt);
    const { token, hash } = newToken();
    await tx
      .update(invitations)
      .set({ tokenHash: hash, expiresAt: kind === 'invite' ? invitationExpiry() : resetExpiry() })
      .where(and(eq(invitations.practiceId, actor.practiceId), eq(invitations.id, row.id)));
    const delivery = await deliverLink(tx, { practiceId: actor.practiceId, kind, token, email: row.email, practiceName: actor.practice.name });
    audit({ entityType: 'invitation', entityId: row.id, clientId: row.clientId, meta: { kind, emailed: delivery.emailed } });
    return { invitationId: row.id, ...delivery };
  },
  afterCommit: sendQueuedEmailNow,
  afterCommitFailure: 'the email could not be sent at once; it goes out with the next run, within a minute',
});

export const revokeInvitation = defineAction({
  name: 'invitation.revoke',
  refresh: true,
  permission: 'invitation.manage',
  input: invitationIdInput,
  run: async ({ actor, input, tx, audit }) => {
    const revoked = await tx
      .update(invitations)
      .set({ revokedAt: sql`now()` })
      .where(
        and(
          eq(invitations.practiceId, actor.practiceId),
          eq(invitations.id, input.invitationId),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
        ),
      )
      .returning({ id: invitations.id, clientId: invitations.clientId });
    if (!revoked[0]) {
      const [exists] = await tx
        .select({ id: invitations.id })
        .from(invitations)
        .where(and(eq(invitations.practiceId, actor.practiceId), eq(invitations.id, input.invitationId)));
      if (!exists) throw new NotFoundRefusal();
      throw new ActionRefusal('That link was already used or withdrawn.');
    }
    audit({ entityType: 'invitation', entityId: revoked[0].id, clientId: revoked[0].clientId });
    return { invitationId: revoked[0].id };
  },
  successMessage: 'Link withdrawn.',
});

/** A password-reset link for a member, reusing the invitations table (see linkKindFor). */
export const sendPasswordReset = defineAction({
  name: 'account.sendPasswordReset',
  refresh: true,
  permission: 'people.manage',
  input: z.object({ membershipId: z.uuid('That person was not found.') }),
  run: async ({ actor, input, tx, audit }) => {
    const [member] = await tx
      .select({ userId: users.id, email: users.email, status: memberships.status, role: memberships.role })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.practiceId, actor.practiceId), eq(memberships.id, input.membershipId)));
    if (!member) throw new NotFoundRefusal();
    if (member.status !== 'active') throw new ActionRefusal('Reactivate this account before sending a password-reset link.');
    const email = member.email.toLowerCase();
    // One working reset link per person: an older one stops working.
    await tx
      .update(invitations)
      .set({ revokedAt: sql`now()` })
      .where(
        and(
          eq(invitations.practiceId, actor.practiceId),
          sql`lower(${invitations.email}) = ${email}`,
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
        ),
      );
    const id = randomUUID();
    const { token, hash } = newToken();
    await tx.insert(invitations).values({
      practiceId: actor.practiceId,
      id,
      email,
      role: member.role,
      tokenHash: hash,
      invitedByMembershipId: actor.membershipId,
      expiresAt: resetExpiry(),
    });
    const delivery = await deliverLink(tx, { practiceId: actor.practiceId, kind: 'reset', token, email, practiceName: actor.practice.name });
    audit({ entityType: 'user', entityId: member.userId, meta: { invitationId: id, emailed: delivery.emailed } });
    return { invitationId: id, ...delivery };
  },
  afterCommit: sendQueuedEmailNow,
  afterCommitFailure: 'the email could not be sent at once; it goes out with the next run, within a minute',
});

/**
 * What an attacker would know of the person a link is for (their email and practice), for the password check.
 * Nothing for a link that no longer works: accepting it is refused anyway, with the reason.
 */
async function linkPerson(token: string): Promise<string[]> {
  const link = await lookupLink(token);
  return link.state === 'pending' ? [link.email, link.practiceName] : [];
}

/** Public: accepting an invitation link, then signing the new member in. */
export async function acceptInvitationAction(_prev: unknown, payload: FormData | Record<string, unknown>) {
  return runPublicAction(
    {
      name: 'invitation.accept',
      input: acceptInput,
      secretFields: ['password', 'confirmPassword', 'token'],
      run: async (input) => {
        await assertStrongPassword(input.password, [input.name, ...(await linkPerson(input.token))]);
        const accepted = await acceptInvitation(input.token, input);
        await signInAfterChange(accepted.email, input.password, homeFor(accepted.role));
        return { role: accepted.role };
      },
    },
    payload,
  );
}
Object.assign(acceptInvitationAction, { definition: { name: 'invitation.accept', permission: null } });

/**
 * Public: accepting an invitation with the Mend login the address already has (another practice's). The
 * password proves the login is theirs, through the same throttle as sign-in; then a membership is added
 * and they are signed in, to choose which practice to open.
 */
export async function acceptWithExistingLoginAction(_prev: unknown, payload: FormData | Record<string, unknown>) {
  return runPublicAction(
    {
      name: 'invitation.acceptWithLogin',
      input: acceptWithLoginInput,
      secretFields: ['password', 'token'],
      run: async (input) => {
        const link = await lookupLink(input.token);
        if (link.state !== 'pending' || link.kind !== 'invite' || !link.existingAccount) throw new ActionRefusal(LINK_UNUSABLE.invalid);
        const checked = await checkLoginPassword({ email: link.email, password: input.password }, await requestContext());
        if (checked.status === 'throttled') throw new ActionRefusal(THROTTLED_MESSAGE);
        if (checked.status !== 'ok') throw new ActionRefusal(WRONG_LOGIN_PASSWORD, { password: [WRONG_LOGIN_PASSWORD] });
        const accepted = await joinWithExistingLogin(input.token, checked.userId);
        await signInAfterChange(accepted.email, input.password, '/');
        return { role: accepted.role };
      },
    },
    payload,
  );
}
Object.assign(acceptWithExistingLoginAction, { definition: { name: 'invitation.acceptWithLogin', permission: null } });

const WRONG_LOGIN_PASSWORD = 'That is not the password of this Mend account.';

/** The caller's address and browser, for the sign-in throttle (none outside a request). */
async function requestContext() {
  try {
    const { headers } = await import('next/headers');
    const h = await headers();
    return { address: clientAddress(h), userAgent: h.get('user-agent') };
  } catch {
    return {};
  }
}

/** Public: choosing a new password through a reset link, then signing in with it. */
export async function resetPasswordAction(_prev: unknown, payload: FormData | Record<string, unknown>) {
  return runPublicAction(
    {
      name: 'account.resetPassword',
      input: resetInput,
      secretFields: ['password', 'confirmPassword', 'token'],
      run: async (input) => {
        await assertStrongPassword(input.password, await linkPerson(input.token));
        const accepted = await acceptPasswordReset(input.token, input);
        await signInAfterChange(accepted.email, input.password, homeFor(accepted.role));
        return { role: accepted.role };
      },
    },
    payload,
  );
}
Object.assign(resetPasswordAction, { definition: { name: 'account.resetPassword', permission: null } });
