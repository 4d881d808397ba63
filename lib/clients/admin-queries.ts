import 'server-only';
import { and, asc, eq, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { careTeam, clients, invitations } from '@/db/schema';
import { assertCan } from '@/lib/access/guard';
import { withActor } from '@/lib/access/scope';
import type { Actor } from '@/lib/auth/types';
import { invitationPending } from '@/lib/invitations/pending';
import { careTeamMembers, displayName } from './queries';
import { isUuid } from '@/lib/access/ids';

export const CLIENT_STATUSES = ['active', 'paused', 'discharged', 'archived'] as const;
export type ClientStatus = (typeof CLIENT_STATUSES)[number];

export type AdminClientFilters = { q: string; status: ClientStatus | null; therapist: string | null; unassigned: boolean };

export function parseClientFilters(params: Record<string, string | string[] | undefined>, q = ''): AdminClientFilters {
  const one = (k: string) => (typeof params[k] === 'string' ? (params[k] as string) : '');
  const status = one('status');
  const therapist = one('therapist');
  return {
    // The search comes from the session (lib/ui/list-search.ts), never the URL: it names a person.
    q: q.trim().slice(0, 100),
    status: (CLIENT_STATUSES as readonly string[]).includes(status) ? (status as ClientStatus) : null,
    therapist: isUuid(therapist) ? therapist : null,
    unassigned: one('unassigned') === '1',
  };
}

export type AdminClientRow = {
  id: string;
  name: string;
  email: string | null;
  status: ClientStatus;
  intakeDate: string | null;
  careTeam: { membershipId: string; name: string }[];
  portal: 'linked' | 'invited' | 'none';
};

const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Every client of the practice with non-clinical metadata only (docs/clinical.md §6.2), for admins. */
export async function listClientsForAdmin(actor: Actor, filters: AdminClientFilters): Promise<AdminClientRow[]> {
  assertCan(actor, 'client.manage');
  return withActor(actor, async (tx) => {
    const conditions: SQL[] = [eq(clients.practiceId, actor.practiceId)];
    if (filters.status) conditions.push(eq(clients.status, filters.status));
    else conditions.push(sql`${clients.status} <> 'archived'`);
    if (filters.q) {
      const p = likePattern(filters.q);
      conditions.push(or(ilike(clients.firstName, p), ilike(clients.lastName, p), ilike(clients.preferredName, p), ilike(clients.email, p))!);
    }
    if (filters.therapist) {
      conditions.push(
        sql`exists (select 1 from ${careTeam} ct where ct.practice_id = ${clients.practiceId} and ct.client_id = ${clients.id} and ct.membership_id = ${filters.therapist})`,
      );
    }
    if (filters.unassigned) {
      conditions.push(sql`not exists (select 1 from ${careTeam} ct where ct.practice_id = ${clients.practiceId} and ct.client_id = ${clients.id})`);
    }
    const rows = await tx
      .select({
        id: clients.id,
        firstName: clients.firstName,
        lastName: clients.lastName,
        preferredName: clients.preferredName,
        email: clients.email,
        status: clients.status,
        intakeDate: clients.intakeDate,
        userId: clients.userId,
      })
      .from(clients)
      .where(and(...conditions))
      .orderBy(asc(clients.lastName), asc(clients.firstName))
      .limit(1000);
    const ids = rows.map((r) => r.id);
    const team = await careTeamMembers(tx, actor.practiceId, ids);
    const invited = ids.length
      ? await tx
          .select({ clientId: invitations.clientId })
          .from(invitations)
          .where(
            and(
              eq(invitations.practiceId, actor.practiceId),
              inArray(invitations.clientId, ids),
              invitationPending,
            ),
          )
      : [];
    const invitedIds = new Set(invited.map((i) => i.clientId));
    return rows.map((r) => ({
      id: r.id,
      name: displayName(r),
      email: r.email,
      status: r.status,
      intakeDate: r.intakeDate,
      careTeam: team.filter((t) => t.clientId === r.id).map(({ membershipId, name }) => ({ membershipId, name })),
      portal: r.userId ? 'linked' : invitedIds.has(r.id) ? 'invited' : 'none',
    }));
  });
}

export type AdminClientDetail = AdminClientRow & {
  firstName: string;
  lastName: string;
  preferredName: string | null;
  pronouns: string | null;
};

export async function getClientForAdmin(actor: Actor, clientId: string): Promise<AdminClientDetail | null> {
  assertCan(actor, 'client.manage');
  if (!isUuid(clientId)) return null;
  return withActor(actor, async (tx) => {
    const [r] = await tx
      .select()
      .from(clients)
      .where(and(eq(clients.practiceId, actor.practiceId), eq(clients.id, clientId)));
    if (!r) return null;
    const team = (await careTeamMembers(tx, actor.practiceId, [clientId])).map(({ membershipId, name }) => ({ membershipId, name }));
    const [open] = await tx
      .select({ id: invitations.id })
      .from(invitations)
      .where(
        and(
          eq(invitations.practiceId, actor.practiceId),
          eq(invitations.clientId, clientId),
          invitationPending,
        ),
      )
      .limit(1);
    return {
      id: r.id,
      name: displayName(r),
      firstName: r.firstName,
      lastName: r.lastName,
      preferredName: r.preferredName,
      pronouns: r.pronouns,
      email: r.email,
      status: r.status,
      intakeDate: r.intakeDate,
      careTeam: team,
      portal: r.userId ? 'linked' : open ? 'invited' : 'none',
    };
  });
}

/** Client records that can still be invited to the portal (no login yet, not archived). */
export async function invitableClients(actor: Actor): Promise<{ id: string; name: string; email: string | null }[]> {
  assertCan(actor, 'invitation.manage');
  return withActor(actor, async (tx) => {
    const rows = await tx
      .select({ id: clients.id, firstName: clients.firstName, lastName: clients.lastName, preferredName: clients.preferredName, email: clients.email })
      .from(clients)
      .where(and(eq(clients.practiceId, actor.practiceId), isNull(clients.userId), sql`${clients.status} <> 'archived'`))
      .orderBy(asc(clients.lastName), asc(clients.firstName));
    return rows.map((r) => ({ id: r.id, name: displayName(r), email: r.email }));
  });
}
