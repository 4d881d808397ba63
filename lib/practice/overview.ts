import 'server-only';
import { and, eq, gte, isNull, lte, sql } from 'drizzle-orm';
import { alertStatuses, careTeam, checkinDays, clients, memberships, occurrenceStatuses, users } from '@/db/schema';
import { assertCan } from '@/lib/access/guard';
import { withActor } from '@/lib/access/scope';
import { adherence } from '@/lib/assignments/adherence';
import { OUR_RULES } from '@/lib/measures/rules';
import type { Actor } from '@/lib/auth/types';
import { alertAgeBucket, type AlertAgeBucket, type OutcomeSummary, summariseOutcomes } from './outcomes';
import { addDays, localDay } from '@/lib/time/day';
import { rowsOf } from '@/db/rows';

const ENGAGEMENT_DAYS = 7;

export type PracticeOverview = {
  clientsByStatus: Record<'active' | 'paused' | 'discharged' | 'archived', number>;
  caseloads: { membershipId: string; name: string; role: string; activeClients: number }[];
  unassignedActive: number;
  engagement: { activeClients: number; checkedIn: number; checkins: number; days: number };
  homework: { due: number; completed: number; ratio: number | null; clients: number; days: number };
  outcomes: OutcomeSummary;
  urgentAlerts: Record<AlertAgeBucket, number>;
  followUpAlerts: number;
};

/**
 * Practice-wide figures for admins. Every number is a count or a share: no client's answers, scores
 * or notes leave this function (docs/clinical.md §6.2).
 */
export async function practiceOverview(actor: Actor, now = new Date()): Promise<PracticeOverview> {
  assertCan(actor, 'practice.overview');
  const practiceId = actor.practiceId;
  return withActor(actor, async (tx) => {
    const statusRows = await tx
      .select({ status: clients.status, n: sql<number>`count(*)::int` })
      .from(clients)
      .where(eq(clients.practiceId, practiceId))
      .groupBy(clients.status);
    const clientsByStatus = { active: 0, paused: 0, discharged: 0, archived: 0 };
    for (const r of statusRows) clientsByStatus[r.status] = Number(r.n);

    const caseloads = await tx
      .select({
        membershipId: memberships.id,
        name: users.name,
        role: memberships.role,
        activeClients: sql<number>`count(${clients.id}) filter (where ${clients.status} = 'active')::int`,
      })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .leftJoin(careTeam, and(eq(careTeam.practiceId, memberships.practiceId), eq(careTeam.membershipId, memberships.id)))
      .leftJoin(clients, and(eq(clients.practiceId, careTeam.practiceId), eq(clients.id, careTeam.clientId)))
      .where(and(eq(memberships.practiceId, practiceId), eq(memberships.status, 'active'), sql`${memberships.role} in ('therapist', 'admin')`))
      .groupBy(memberships.id, users.name, memberships.role)
      .orderBy(users.name);
    const therapistCaseloads = caseloads
      .filter((c) => c.role === 'therapist' || Number(c.activeClients) > 0)
      .map((c) => ({ ...c, activeClients: Number(c.activeClients) }));

    const [unassigned] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(clients)
      .where(
        and(
          eq(clients.practiceId, practiceId),
          eq(clients.status, 'active'),
          sql`not exists (select 1 from ${careTeam} ct where ct.practice_id = ${clients.practiceId} and ct.client_id = ${clients.id})`,
        ),
      );

    // Check-ins are filed under the practice's local day: the window is today and the six days before, there.
    const since = addDays(localDay(now, actor.practice.timeZone), -(ENGAGEMENT_DAYS - 1));
    const [engagement] = await tx
      .select({
        checkedIn: sql<number>`count(distinct ${checkinDays.clientId})::int`,
        checkins: sql<number>`count(*)::int`,
      })
      .from(checkinDays)
      .innerJoin(clients, and(eq(clients.practiceId, checkinDays.practiceId), eq(clients.id, checkinDays.clientId)))
      .where(and(eq(checkinDays.practiceId, practiceId), eq(clients.status, 'active'), gte(checkinDays.localDay, since)));

    const windowStart = new Date(now.getTime() - OUR_RULES.adherenceWindowDays * 86_400_000);
    const occurrences = await tx
      .select({ clientId: occurrenceStatuses.clientId, dueAt: occurrenceStatuses.dueAt, status: occurrenceStatuses.status })
      .from(occurrenceStatuses)
      .where(and(eq(occurrenceStatuses.practiceId, practiceId), gte(occurrenceStatuses.dueAt, windowStart), lte(occurrenceStatuses.dueAt, now)));
    const homework = adherence(occurrences, now);
    const homeworkClients = new Set(occurrences.filter((o) => o.status !== 'cancelled').map((o) => o.clientId)).size;

    // Scores are clinical: row-level security shows an admin their own care team's only. The practice's
    // series come through one SECURITY DEFINER function (db/migrations 0005) that names no client.
    const series = await tx.execute(sql`select client_key, measure, score, completed_at, is_baseline
      from practice_outcome_series(${'{phq9,gad7}'}::text[])`);
    const administrations = rowsOf<{ client_key: number; measure: string; score: number; completed_at: string | Date; is_baseline: boolean }>(series);
    const outcomes = summariseOutcomes(
      administrations.map((a) => ({
        clientId: String(a.client_key),
        measure: a.measure,
        score: Number(a.score),
        completedAt: new Date(a.completed_at),
        isBaseline: a.is_baseline,
      })),
    );

    const open = await tx
      .select({ tier: alertStatuses.tier, raisedAt: alertStatuses.raisedAt })
      .from(alertStatuses)
      .where(and(eq(alertStatuses.practiceId, practiceId), isNull(alertStatuses.acknowledgedAt)));
    const urgentAlerts: Record<AlertAgeBucket, number> = { under24h: 0, from24to72h: 0, over72h: 0 };
    let followUpAlerts = 0;
    for (const a of open) {
      if (a.tier === 'urgent') urgentAlerts[alertAgeBucket(a.raisedAt, now)] += 1;
      else followUpAlerts += 1;
    }

    return {
      clientsByStatus,
      caseloads: therapistCaseloads,
      unassignedActive: Number(unassigned?.n ?? 0),
      engagement: {
        activeClients: clientsByStatus.active,
        checkedIn: Number(engagement?.checkedIn ?? 0),
        checkins: Number(engagement?.checkins ?? 0),
        days: ENGAGEMENT_DAYS,
      },
      homework: { ...homework, clients: homeworkClients, days: OUR_RULES.adherenceWindowDays },
      outcomes,
      urgentAlerts,
      followUpAlerts,
    };
  });
}
