import 'server-only';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { cache } from 'react';
import type { Tx } from '@/db/client';
import { careTeam, clients, memberships, users } from '@/db/schema';
import { assertCan } from '@/lib/access/guard';
import { withActor } from '@/lib/access/scope';
import type { Actor } from '@/lib/auth/types';
import { isUuid } from '@/lib/access/ids';

export type ClientListItem = {
  id: string;
  name: string;
  pronouns: string | null;
  status: 'active' | 'paused' | 'discharged' | 'archived';
  intakeDate: string | null;
  therapists: string[];
  portalLinked: boolean;
  onMyCareTeam: boolean;
};

/** Who is on each given client's care team, alphabetical by name. */
export async function careTeamMembers(
  tx: Tx,
  practiceId: string,
  clientIds: string[],
): Promise<{ clientId: string; membershipId: string; name: string }[]> {
  if (!clientIds.length) return [];
  return tx
    .select({ clientId: careTeam.clientId, membershipId: careTeam.membershipId, name: users.name })
    .from(careTeam)
    .innerJoin(memberships, and(eq(memberships.practiceId, careTeam.practiceId), eq(memberships.id, careTeam.membershipId)))
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(careTeam.practiceId, practiceId), inArray(careTeam.clientId, clientIds)))
    .orderBy(asc(users.name));
}

async function therapistNames(tx: Tx, practiceId: string, clientIds: string[]): Promise<Map<string, string[]>> {
  const byClient = new Map<string, string[]>();
  for (const row of await careTeamMembers(tx, practiceId, clientIds)) {
    byClient.set(row.clientId, [...(byClient.get(row.clientId) ?? []), row.name]);
  }
  return byClient;
}

export function displayName(c: { firstName: string; lastName: string; preferredName: string | null }): string {
  return c.preferredName ? `${c.preferredName} ${c.lastName}` : `${c.firstName} ${c.lastName}`;
}

/** What a list row or a record header reads from the client row: metadata only, nothing clinical. */
const listItemColumns = {
  id: clients.id,
  firstName: clients.firstName,
  lastName: clients.lastName,
  preferredName: clients.preferredName,
  pronouns: clients.pronouns,
  status: clients.status,
  intakeDate: clients.intakeDate,
  userId: clients.userId,
};

type ListItemRow = Pick<typeof clients.$inferSelect, keyof typeof listItemColumns>;

function toListItem(actor: Actor, r: ListItemRow, therapists: Map<string, string[]>): ClientListItem {
  return {
    id: r.id,
    name: displayName(r),
    pronouns: r.pronouns,
    status: r.status,
    intakeDate: r.intakeDate,
    therapists: therapists.get(r.id) ?? [],
    portalLinked: r.userId !== null,
    onMyCareTeam: actor.careTeamClientIds.has(r.id),
  };
}

/**
 * The clients an actor may list: a therapist's care team; for an admin, every client of the
 * practice (non-clinical metadata only, docs/clinical.md §6.2).
 */
export async function listClients(actor: Actor): Promise<ClientListItem[]> {
  assertCan(actor, 'caseload.view');
  return withActor(actor, async (tx) => {
    const base = tx
      .select(listItemColumns)
      .from(clients);
    const scoped =
      actor.role === 'admin'
        ? base.where(eq(clients.practiceId, actor.practiceId))
        : base
            .innerJoin(careTeam, and(eq(careTeam.practiceId, clients.practiceId), eq(careTeam.clientId, clients.id)))
            .where(and(eq(clients.practiceId, actor.practiceId), eq(careTeam.membershipId, actor.membershipId)));
    const rows = await scoped.orderBy(asc(clients.lastName), asc(clients.firstName));
    const names = await therapistNames(tx, actor.practiceId, rows.map((r) => r.id));
    return rows.map((r) => toListItem(actor, r, names));
  });
}

/**
 * One client's record header, or null when it is not the actor's to see (the two look the same). Memoised for
 * the request (React cache, keyed on the request's actor object): the page and its sections read it once.
 */
export const getClientHeader = cache(async function getClientHeader(actor: Actor, clientId: string): Promise<ClientListItem | null> {
  assertCan(actor, 'client.viewRecord');
  const mayView = actor.role === 'admin' || actor.careTeamClientIds.has(clientId);
  if (!mayView || !isUuid(clientId)) return null;
  return withActor(actor, async (tx) => {
    // The care team is asked for alongside the row rather than after it (its key is the id asked for): one round
    // trip, not two. For a client that is not there (or not visible), the care team's read finds nothing either.
    const [[r], names] = await Promise.all([
      tx
        .select(listItemColumns)
        .from(clients)
        .where(and(eq(clients.practiceId, actor.practiceId), eq(clients.id, clientId))),
      therapistNames(tx, actor.practiceId, [clientId]),
    ]);
    if (!r) return null;
    return toListItem(actor, r, names);
  });
});
