import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { memberships, users } from '@/db/schema';

export type Clinician = { membershipId: string; userId: string; email: string; role: 'therapist' | 'admin' };

/** The practice's active therapists and admins (accounts only, nothing clinical). */
export async function activeClinicians(tx: Tx, practiceId: string): Promise<Clinician[]> {
  const rows = await tx
    .select({ membershipId: memberships.id, userId: users.id, email: users.email, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.practiceId, practiceId), inArray(memberships.role, ['therapist', 'admin']), eq(memberships.status, 'active')));
  return rows as Clinician[];
}
