import 'server-only';
import { and, eq } from 'drizzle-orm';
import { careTeam, memberships, users } from '@/db/schema';
import { withActor } from '@/lib/access/scope';
import type { Actor } from '@/lib/auth/types';

/** The client's own care team, by name, for their portal. */
export async function myCareTeam(actor: Actor): Promise<string[]> {
  if (actor.role !== 'client' || !actor.clientId) return [];
  const clientId = actor.clientId;
  return withActor(actor, async (tx) => {
    const rows = await tx
      .select({ name: users.name })
      .from(careTeam)
      .innerJoin(memberships, and(eq(memberships.practiceId, careTeam.practiceId), eq(memberships.id, careTeam.membershipId)))
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(careTeam.practiceId, actor.practiceId), eq(careTeam.clientId, clientId)));
    return rows.map((r) => r.name);
  });
}
