import 'server-only';
import { and, asc, desc, eq } from 'drizzle-orm';
import { measureSchedules, memberships, users } from '@/db/schema';
import { assertCan } from '@/lib/access/guard';
import { canReadClinical, withActor } from '@/lib/access/scope';
import type { Actor } from '@/lib/auth/types';
import { MEASURES } from './definitions';
import { nextDueDay } from './schedule-rules';
import { type MeasureKey, isMeasureKey } from './types';
import { localDay } from '@/lib/time/day';

export interface MeasureScheduleItem {
  id: string;
  measure: MeasureKey;
  measureTitle: string;
  everyDays: number;
  startDate: string;
  endDate: string | null;
  active: boolean;
  nextDue: string | null;
  createdByName: string | null;
}

/**
 * A client's measure schedules for their care team, active ones first. Null for anyone off the care team,
 * an admin included: which measures a client is given is part of their clinical record.
 */
export async function listMeasureSchedules(actor: Actor, clientId: string, now: Date = new Date()): Promise<MeasureScheduleItem[] | null> {
  assertCan(actor, 'client.viewClinical');
  if (actor.role === 'client' || !canReadClinical(actor, clientId)) return null;
  const today = localDay(now, actor.practice.timeZone);
  return withActor(actor, async (tx) => {
    const rows = await tx
      .select({
        id: measureSchedules.id,
        measure: measureSchedules.measure,
        everyDays: measureSchedules.everyDays,
        startDate: measureSchedules.startDate,
        endDate: measureSchedules.endDate,
        active: measureSchedules.active,
        createdByName: users.name,
      })
      .from(measureSchedules)
      .leftJoin(
        memberships,
        and(eq(memberships.practiceId, measureSchedules.practiceId), eq(memberships.id, measureSchedules.createdByMembershipId)),
      )
      .leftJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(measureSchedules.practiceId, actor.practiceId), eq(measureSchedules.clientId, clientId)))
      .orderBy(desc(measureSchedules.active), asc(measureSchedules.measure), desc(measureSchedules.createdAt));
    return rows.flatMap((r) =>
      isMeasureKey(r.measure)
        ? [{ ...r, measure: r.measure, measureTitle: MEASURES[r.measure].shortTitle, nextDue: nextDueDay(r, today) }]
        : [],
    );
  });
}
