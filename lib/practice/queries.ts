import 'server-only';
import { and, asc, count, eq } from 'drizzle-orm';
import { careTeam, memberships, users } from '@/db/schema';
import { assertCan } from '@/lib/access/guard';
import { withActor } from '@/lib/access/scope';
import type { Actor } from '@/lib/auth/types';

export type PracticeMember = {
  membershipId: string;
  name: string;
  email: string;
  role: 'admin' | 'therapist' | 'client';
  status: 'invited' | 'active' | 'deactivated';
  lastSignInAt: Date | null;
  caseload: number;
};

/** Everyone with a membership in the actor's practice, for admins. */
export async function listMembers(actor: Actor): Promise<PracticeMember[]> {
  assertCan(actor, 'people.view');
  return withActor(actor, async (tx) => {
    const caseloads = tx
      .select({ membershipId: careTeam.membershipId, n: count().as('n') })
      .from(careTeam)
      .where(eq(careTeam.practiceId, actor.practiceId))
      .groupBy(careTeam.membershipId)
      .as('caseloads');
    const rows = await tx
      .select({
        membershipId: memberships.id,
        name: users.name,
        email: users.email,
        role: memberships.role,
        status: users.status,
        lastSignInAt: users.lastSignInAt,
        caseload: caseloads.n,
      })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .leftJoin(caseloads, eq(caseloads.membershipId, memberships.id))
      .where(and(eq(memberships.practiceId, actor.practiceId)))
      .orderBy(asc(memberships.role), asc(users.name));
    return rows.map((r) => ({ ...r, caseload: Number(r.caseload ?? 0) }));
  });
}
