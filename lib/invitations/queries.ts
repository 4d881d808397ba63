import 'server-only';
import { and, desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { clients, invitations, memberships, users } from '@/db/schema';
import { assertCan } from '@/lib/access/guard';
import { withActor } from '@/lib/access/scope';
import type { Actor } from '@/lib/auth/types';
import { displayName } from '@/lib/clients/queries';
import type { LinkKind } from './links';
import { invitationState, type InvitationState } from './token';

export type InvitationRow = {
  id: string;
  email: string;
  role: 'admin' | 'therapist' | 'client';
  kind: LinkKind;
  clientName: string | null;
  invitedBy: string;
  state: InvitationState;
  createdAt: Date;
  expiresAt: Date;
};

/** The practice's invitation and reset links, newest first (the last 200). */
export async function listInvitations(actor: Actor): Promise<InvitationRow[]> {
  assertCan(actor, 'invitation.manage');
  return withActor(actor, async (tx) => {
    const inviter = alias(users, 'inviter');
    const rows = await tx
      .select({
        id: invitations.id,
        email: invitations.email,
        role: invitations.role,
        acceptedAt: invitations.acceptedAt,
        revokedAt: invitations.revokedAt,
        expiresAt: invitations.expiresAt,
        createdAt: invitations.createdAt,
        firstName: clients.firstName,
        lastName: clients.lastName,
        preferredName: clients.preferredName,
        invitedBy: inviter.name,
        // A reset link is one whose address belongs to someone who was already a member when it was made.
        isReset: sql<boolean>`exists (
          select 1 from ${memberships} m join ${users} u on u.id = m.user_id
          where m.practice_id = ${invitations.practiceId} and lower(u.email) = lower(${invitations.email})
            and m.created_at < ${invitations.createdAt})`,
      })
      .from(invitations)
      .leftJoin(clients, and(eq(clients.practiceId, invitations.practiceId), eq(clients.id, invitations.clientId)))
      .innerJoin(memberships, and(eq(memberships.practiceId, invitations.practiceId), eq(memberships.id, invitations.invitedByMembershipId)))
      .innerJoin(inviter, eq(inviter.id, memberships.userId))
      .where(eq(invitations.practiceId, actor.practiceId))
      .orderBy(desc(invitations.createdAt))
      .limit(200);
    return rows.map((r) => ({
      id: r.id,
      email: r.email,
      role: r.role,
      kind: r.isReset ? 'reset' : 'invite',
      clientName: r.firstName && r.lastName ? displayName({ firstName: r.firstName, lastName: r.lastName, preferredName: r.preferredName }) : null,
      invitedBy: r.invitedBy,
      state: invitationState(r),
      createdAt: r.createdAt,
      expiresAt: r.expiresAt,
    }));
  });
}
