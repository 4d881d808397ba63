import 'server-only';
import { randomUUID } from 'node:crypto';
import { and, eq, isNull, lt, ne, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { withoutPractice, withPracticeSystem, withSignInLookup } from '@/lib/access/system-scope';
import { clients, invitations, memberships, practices, users } from '@/db/schema';
import { ActionRefusal } from '@/lib/access/errors';
import { recordAudit } from '@/lib/audit/record';
import { hashPassword } from '@/lib/auth/password';
import { endUserSessions } from '@/lib/auth/sessions';
import type { Role } from '@/lib/auth/types';
import { emailTransport } from '@/lib/email';
import { enqueueEmail } from '@/lib/email/outbox';
import { invitationEmail, passwordResetEmail } from '@/lib/email/templates';
import { appOrigin, type LinkKind, linkPath } from './links';
import { invitationPending } from './pending';
import { INVITATION_TTL_DAYS, RESET_TTL_HOURS, hashToken, invitationState, looksLikeToken, type InvitationState } from './token';
import { rowsOf } from '@/db/rows';

/**
 * An invitations row is a password-reset link when its email belonged to a member of the practice
 * before the link was made (the schema has no kind column; a reset is only ever issued to a member,
 * and accepting an invitation revokes every other pending link for that email). Judging by the
 * moment the link was made keeps a used invitation reading as an invitation afterwards.
 */
export async function linkKindFor(tx: Tx, practiceId: string, email: string, linkCreatedAt: Date): Promise<LinkKind> {
  const [row] = await tx
    .select({ id: memberships.id })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.practiceId, practiceId),
        sql`lower(${users.email}) = ${email.toLowerCase()}`,
        lt(memberships.createdAt, linkCreatedAt),
      ),
    )
    .limit(1);
  return row ? 'reset' : 'invite';
}

export async function memberOf(tx: Tx, practiceId: string, email: string) {
  const [row] = await tx
    .select({ userId: users.id, membershipId: memberships.id, role: memberships.role, status: memberships.status })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.practiceId, practiceId), sql`lower(${users.email}) = ${email.toLowerCase()}`))
    .limit(1);
  return row ?? null;
}

export type Delivery = { emailed: boolean; link: string | null };

/**
 * Writes the link's email into the outbox in the caller's transaction (the email job sends it,
 * retrying while the mail server is down). Without SMTP the link is also handed back, to be shown only
 * to the admin who made it; in development the job then writes the message to the local outbox
 * (/dev/outbox), as an email would be. A link opens an account, so it is never written to the server log.
 */
export async function deliverLink(
  tx: Tx,
  input: { practiceId: string; kind: LinkKind; token: string; email: string; practiceName: string },
): Promise<Delivery> {
  const link = `${await appOrigin()}${linkPath(input.kind, input.token)}`;
  const mail =
    input.kind === 'invite'
      ? invitationEmail({ practiceName: input.practiceName, link, expiresInDays: INVITATION_TTL_DAYS })
      : passwordResetEmail({ practiceName: input.practiceName, link, expiresInHours: RESET_TTL_HOURS });
  const transport = emailTransport();
  if (transport) {
    await enqueueEmail(tx, { practiceId: input.practiceId, kind: input.kind === 'invite' ? 'invitation' : 'reset', to: input.email, ...mail });
  }
  return transport === 'smtp' ? { emailed: true, link: null } : { emailed: false, link };
}

export type LinkView =
  | { state: 'invalid' }
  | {
      state: InvitationState;
      kind: LinkKind;
      email: string;
      role: Role;
      practiceName: string;
      /** The address already has a Mend login (in another practice): it joins by signing in with it. */
      existingAccount: boolean;
    };

/** Whether a login exists for this exact email (the sign-in lookup's scope, nothing else). */
async function loginExists(email: string): Promise<boolean> {
  const rows = await withSignInLookup(email.toLowerCase(), (tx) =>
    tx.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${email.toLowerCase()}`).limit(1),
  );
  return rows.length > 0;
}

/** Which practice a token belongs to, through the one SECURITY DEFINER lookup; then everything else is scoped. */
export async function practiceForToken(tokenHash: string): Promise<string | null> {
  const result = await withoutPractice((tx) => tx.execute(sql`select invitation_practice(${tokenHash}) as practice_id`));
  return rowsOf<{ practice_id: string | null }>(result)[0]?.practice_id ?? null;
}

/** What the link page shows: whether the link still works, and for whom. Nothing clinical. */
export async function lookupLink(token: string): Promise<LinkView> {
  if (!looksLikeToken(token)) return { state: 'invalid' };
  const tokenHash = hashToken(token);
  const practiceId = await practiceForToken(tokenHash);
  if (!practiceId) return { state: 'invalid' };
  const view = await withPracticeSystem({ practiceId }, async (tx) => {
    const [row] = await tx
      .select({
        email: invitations.email,
        role: invitations.role,
        acceptedAt: invitations.acceptedAt,
        revokedAt: invitations.revokedAt,
        expiresAt: invitations.expiresAt,
        createdAt: invitations.createdAt,
        practiceName: practices.name,
      })
      .from(invitations)
      .innerJoin(practices, eq(practices.id, invitations.practiceId))
      .where(and(eq(invitations.practiceId, practiceId), eq(invitations.tokenHash, tokenHash)));
    if (!row) return { state: 'invalid' } as const;
    return {
      state: invitationState(row),
      kind: await linkKindFor(tx, practiceId, row.email, row.createdAt),
      email: row.email,
      role: row.role,
      practiceName: row.practiceName,
    };
  });
  if (view.state === 'invalid') return view;
  if (view.state !== 'pending' || view.kind !== 'invite') return { ...view, existingAccount: false };
  return { ...view, existingAccount: await loginExists(view.email) };
}

export const LINK_UNUSABLE: Record<Exclude<InvitationState, 'pending'> | 'invalid', string> = {
  invalid: 'This link is not valid. Check that it was copied completely, or ask your practice for a new one.',
  accepted: 'This link has already been used. If that was you, sign in; otherwise ask your practice for a new link.',
  revoked: 'This link was withdrawn by your practice. Ask them for a new one if you still need it.',
  expired: 'This link has expired. Ask your practice to send a new one.',
};

const isUniqueViolation = (error: unknown) =>
  (error as { code?: string })?.code === '23505' || (error as { cause?: { code?: string } })?.cause?.code === '23505';

/**
 * Claims the link exactly once: a conditional UPDATE takes the row lock, so of two concurrent
 * acceptances the second waits, re-reads `accepted_at` and claims nothing.
 */
export async function claim(tx: Tx, practiceId: string, tokenHash: string) {
  const [row] = await tx
    .update(invitations)
    .set({ acceptedAt: sql`now()` })
    .where(
      and(
        eq(invitations.practiceId, practiceId),
        eq(invitations.tokenHash, tokenHash),
        invitationPending,
      ),
    )
    .returning({ id: invitations.id, email: invitations.email, role: invitations.role, clientId: invitations.clientId });
  return row ?? null;
}

export async function unusableReason(token: string): Promise<string> {
  const view = await lookupLink(token);
  return view.state === 'pending' ? LINK_UNUSABLE.accepted : LINK_UNUSABLE[view.state];
}

/**
 * The end of every acceptance, with a new login or an existing one: the membership in the practice, for a
 * client their record linked to the login (refused if it already has one), other open links for the address
 * withdrawn (they would otherwise read as password resets for the new member), and the step audited.
 */
export async function finishAcceptance(
  tx: Tx,
  practiceId: string,
  invitation: { id: string; email: string; role: Role; clientId: string | null },
  userId: string,
  meta: Record<string, string | boolean> = {},
) {
  await tx.insert(memberships).values({ practiceId, id: randomUUID(), userId, role: invitation.role });
  if (invitation.role === 'client') {
    const linked = await tx
      .update(clients)
      .set({ userId })
      .where(and(eq(clients.practiceId, practiceId), eq(clients.id, invitation.clientId!), isNull(clients.userId)))
      .returning({ id: clients.id });
    if (!linked.length) throw new ActionRefusal('This client record already has a portal login. Ask your practice for help.');
  }
  await tx
    .update(invitations)
    .set({ revokedAt: sql`now()` })
    .where(
      and(
        eq(invitations.practiceId, practiceId),
        sql`lower(${invitations.email}) = ${invitation.email.toLowerCase()}`,
        ne(invitations.id, invitation.id),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
      ),
    );
  await recordAudit(tx, { practiceId, userId, role: invitation.role }, {
    action: 'invitation.accept',
    entityType: 'invitation',
    entityId: invitation.id,
    clientId: invitation.clientId,
    meta: { role: invitation.role, ...meta },
  });
}

/** Said when an invitation's address already has a login: it joins by signing in, never by a new password. */
export const EXISTING_ACCOUNT = 'This email already has a Mend account. Enter its password on this page to join with it.';

export type Accepted = { email: string; role: Role; kind: LinkKind; userId: string; practiceId: string };

/** Accepting an invitation: a new login, its membership, and for a client the link to their record. */
export async function acceptInvitation(token: string, input: { name: string; password: string }): Promise<Accepted> {
  if (!looksLikeToken(token)) throw new ActionRefusal(LINK_UNUSABLE.invalid);
  const tokenHash = hashToken(token);
  const practiceId = await practiceForToken(tokenHash);
  if (!practiceId) throw new ActionRefusal(LINK_UNUSABLE.invalid);
  const passwordHash = await hashPassword(input.password);
  const userId = randomUUID();
  try {
    const accepted = await withPracticeSystem({ practiceId, userId }, async (tx) => {
      const invitation = await claim(tx, practiceId, tokenHash);
      if (!invitation) return null;
      if (await memberOf(tx, practiceId, invitation.email)) throw new ActionRefusal(LINK_UNUSABLE.invalid);
      // A login elsewhere keeps its own password: this link must not become a way to set it.
      await tx.execute(sql`select set_config('app.login_email', ${invitation.email.toLowerCase()}, true)`);
      const existing = await tx.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${invitation.email.toLowerCase()}`);
      if (existing.length) {
        throw new ActionRefusal(EXISTING_ACCOUNT);
      }
      await tx.insert(users).values({ id: userId, email: invitation.email.toLowerCase(), name: input.name, passwordHash, status: 'active' });
      await finishAcceptance(tx, practiceId, invitation, userId);
      return { email: invitation.email.toLowerCase(), role: invitation.role, kind: 'invite' as const, userId, practiceId };
    });
    if (!accepted) throw new ActionRefusal(await unusableReason(token));
    return accepted;
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new ActionRefusal(EXISTING_ACCOUNT);
    }
    throw error;
  }
}

/** Using a password-reset link: a new password for an existing, active member, ending their other sessions. */
export async function acceptPasswordReset(token: string, input: { password: string }): Promise<Accepted> {
  if (!looksLikeToken(token)) throw new ActionRefusal(LINK_UNUSABLE.invalid);
  const tokenHash = hashToken(token);
  const practiceId = await practiceForToken(tokenHash);
  if (!practiceId) throw new ActionRefusal(LINK_UNUSABLE.invalid);
  const passwordHash = await hashPassword(input.password);
  const accepted = await withPracticeSystem({ practiceId }, async (tx) => {
    const invitation = await claim(tx, practiceId, tokenHash);
    if (!invitation) return null;
    const member = await memberOf(tx, practiceId, invitation.email);
    if (!member) throw new ActionRefusal(LINK_UNUSABLE.invalid);
    if (member.status !== 'active') throw new ActionRefusal('This account is deactivated. Ask your practice to reactivate it first.');
    await tx.update(users).set({ passwordHash }).where(eq(users.id, member.userId));
    await endUserSessions(tx, { practiceId, userId: member.userId, role: member.role }, member.userId, 'passwordReset');
    await recordAudit(tx, { practiceId, userId: member.userId, role: member.role }, {
      action: 'account.resetPassword',
      entityType: 'user',
      entityId: member.userId,
      meta: { invitationId: invitation.id },
    });
    return { email: invitation.email.toLowerCase(), role: member.role, kind: 'reset' as const, userId: member.userId, practiceId };
  });
  if (!accepted) throw new ActionRefusal(await unusableReason(token));
  return accepted;
}
