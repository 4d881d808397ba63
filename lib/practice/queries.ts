import 'server-only';
import { and, asc, count, eq, ilike, or, type SQL } from 'drizzle-orm';
import { careTeam, memberships, practices, users } from '@/db/schema';
import { assertCan } from '@/lib/access/guard';
import { withActor } from '@/lib/access/scope';
import type { Actor } from '@/lib/auth/types';

export type PracticeMember = {
  membershipId: string;
  userId: string;
  name: string;
  email: string;
  role: 'admin' | 'therapist' | 'client';
  status: 'invited' | 'active' | 'deactivated';
  lastSignInAt: Date | null;
  caseload: number;
};

export const MEMBER_ROLES = ['admin', 'therapist', 'client'] as const;
export const MEMBER_STATUSES = ['active', 'deactivated'] as const;

export type MemberFilters = {
  q?: string;
  role?: (typeof MEMBER_ROLES)[number] | null;
  status?: (typeof MEMBER_STATUSES)[number] | null;
};

/** Reads the People filters from the URL; anything unrecognised is ignored rather than trusted. */
export function parseMemberFilters(params: Record<string, string | string[] | undefined>, q = ''): MemberFilters {
  const one = (k: string) => (typeof params[k] === 'string' ? (params[k] as string) : '');
  const role = one('role');
  const status = one('status');
  return {
    // The search comes from the session (lib/ui/list-search.ts), never the URL: it names a person.
    q: q.trim().slice(0, 100),
    role: (MEMBER_ROLES as readonly string[]).includes(role) ? (role as MemberFilters['role']) : null,
    status: (MEMBER_STATUSES as readonly string[]).includes(status) ? (status as MemberFilters['status']) : null,
  };
}

const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Everyone with a membership in the actor's practice, for admins, filtered as the URL asks. */
export async function listMembers(actor: Actor, filters: MemberFilters = {}): Promise<PracticeMember[]> {
  assertCan(actor, 'people.view');
  return withActor(actor, async (tx) => {
    const caseloads = tx
      .select({ membershipId: careTeam.membershipId, n: count().as('n') })
      .from(careTeam)
      .where(eq(careTeam.practiceId, actor.practiceId))
      .groupBy(careTeam.membershipId)
      .as('caseloads');
    const conditions: SQL[] = [eq(memberships.practiceId, actor.practiceId)];
    if (filters.role) conditions.push(eq(memberships.role, filters.role));
    if (filters.status) conditions.push(eq(memberships.status, filters.status));
    if (filters.q) conditions.push(or(ilike(users.name, likePattern(filters.q)), ilike(users.email, likePattern(filters.q)))!);
    const rows = await tx
      .select({
        membershipId: memberships.id,
        userId: users.id,
        name: users.name,
        email: users.email,
        role: memberships.role,
        status: memberships.status,
        lastSignInAt: users.lastSignInAt,
        caseload: caseloads.n,
      })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .leftJoin(caseloads, eq(caseloads.membershipId, memberships.id))
      .where(and(...conditions))
      .orderBy(asc(memberships.role), asc(users.name));
    return rows.map((r) => ({ ...r, caseload: Number(r.caseload ?? 0) }));
  });
}

/** Active clinicians who can join a care team (therapists, and admins who also treat clients). */
export async function listClinicians(actor: Actor): Promise<{ membershipId: string; name: string; role: 'admin' | 'therapist' }[]> {
  assertCan(actor, 'client.manage');
  return withActor(actor, async (tx) => {
    const rows = await tx
      .select({ membershipId: memberships.id, name: users.name, role: memberships.role })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.practiceId, actor.practiceId), eq(memberships.status, 'active'), or(eq(memberships.role, 'therapist'), eq(memberships.role, 'admin'))))
      .orderBy(asc(memberships.role), asc(users.name));
    return rows.filter((r): r is typeof r & { role: 'admin' | 'therapist' } => r.role !== 'client');
  });
}

export type PracticeSettings = typeof practices.$inferSelect;

export async function getPracticeSettings(actor: Actor): Promise<PracticeSettings> {
  assertCan(actor, 'practice.settings');
  return withActor(actor, async (tx) => {
    const [row] = await tx.select().from(practices).where(eq(practices.id, actor.practiceId));
    if (!row) throw new Error('practice not found');
    return row;
  });
}
