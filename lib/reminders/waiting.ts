import 'server-only';
import { and, eq, gte, inArray, lte, max, or } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { assignmentOccurrences, assignments, checkins, measureAdministrations, measureSchedules } from '@/db/schema';
import { assignmentOfOccurrence } from '@/lib/assignments/joins';
import { addDays, localDay, startOfLocalDay } from '@/lib/time/day';
import { scheduleDueDay } from '@/lib/measures/due';

/**
 * Which of these clients have something waiting today (practice-local day, as the portal counts it):
 * the daily check-in not yet done, homework due today, or a questionnaire due. Read in a few batched
 * queries for the whole group; what is waiting is never written anywhere, only whether something is.
 */
export async function clientsWithSomethingWaiting(tx: Tx, practiceId: string, clientIds: string[], today: string, timeZone: string): Promise<Set<string>> {
  if (!clientIds.length) return new Set();
  const [checkedIn, occurrences, schedules, lastDone] = await Promise.all([
    tx
      .select({ clientId: checkins.clientId })
      .from(checkins)
      .where(and(eq(checkins.practiceId, practiceId), inArray(checkins.clientId, clientIds), eq(checkins.localDay, today))),
    tx
      .select({ clientId: assignmentOccurrences.clientId })
      .from(assignmentOccurrences)
      .innerJoin(assignments, assignmentOfOccurrence)
      .where(
        and(
          eq(assignmentOccurrences.practiceId, practiceId),
          inArray(assignmentOccurrences.clientId, clientIds),
          eq(assignments.status, 'active'),
          inArray(assignmentOccurrences.status, ['due', 'in_progress']),
          // Homework on its due day; a questionnaire from its due day until it is done.
          or(eq(assignmentOccurrences.localDate, today), and(eq(assignments.kind, 'measure'), lte(assignmentOccurrences.localDate, today))),
        ),
      ),
    tx
      .select()
      .from(measureSchedules)
      .where(and(eq(measureSchedules.practiceId, practiceId), inArray(measureSchedules.clientId, clientIds), eq(measureSchedules.active, true), lte(measureSchedules.startDate, today))),
    tx
      .select({ clientId: measureAdministrations.clientId, measure: measureAdministrations.measure, last: max(measureAdministrations.completedAt) })
      .from(measureAdministrations)
      .where(
        and(
          eq(measureAdministrations.practiceId, practiceId),
          inArray(measureAdministrations.clientId, clientIds),
          eq(measureAdministrations.status, 'complete'),
          gte(measureAdministrations.completedAt, startOfLocalDay(addDays(today, -400), timeZone)),
        ),
      )
      .groupBy(measureAdministrations.clientId, measureAdministrations.measure),
  ]);
  const done = new Set(checkedIn.map((c) => c.clientId));
  const waiting = new Set(clientIds.filter((id) => !done.has(id)));
  for (const o of occurrences) waiting.add(o.clientId);
  const lastDay = new Map(lastDone.filter((r) => r.last).map((r) => [`${r.clientId}:${r.measure}`, localDay(new Date(r.last!), timeZone)]));
  for (const s of schedules) {
    if (scheduleDueDay(s, today, lastDay.get(`${s.clientId}:${s.measure}`) ?? null)) waiting.add(s.clientId);
  }
  return waiting;
}
