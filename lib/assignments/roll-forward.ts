import 'server-only';
import { and, eq, inArray, max, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { assignmentOccurrences, assignments, memberships, users } from '@/db/schema';
import { withMemberOnBehalf, withPracticeSystem } from '@/lib/access/system-scope';
import { recordAudit } from '@/lib/audit/record';
import { forEachPractice, type JobPractice } from '@/lib/jobs/practices';
import { localDay, oneYearLater } from '@/lib/time/day';
import { asRecurrenceRule } from './describe';
import { expandOccurrences } from './recurrence';

type Clinician = { practiceId: string; userId: string; membershipId: string; role: 'therapist' | 'admin' };

/**
 * Plans the next occurrences of one clinician's open-ended ("until stopped") assignments, up to a year ahead of
 * the practice's today. Read and written on the clinician's behalf, so row-level security shows it only their
 * care team's assignments. Idempotent: only indexes past the last planned one are added, and the unique
 * (assignment, index) key turns an overlap with another care-team member's run into nothing.
 */
async function rollForwardFor(tx: Tx, clinician: Clinician, practice: JobPractice, now: Date): Promise<number> {
  const open = await tx
    .select({
      id: assignments.id,
      clientId: assignments.clientId,
      startDate: assignments.startDate,
      dueTime: assignments.dueTime,
      timeZone: assignments.timeZone,
      recurrence: assignments.recurrence,
      planned: max(assignmentOccurrences.index),
    })
    .from(assignments)
    .leftJoin(
      assignmentOccurrences,
      and(eq(assignmentOccurrences.practiceId, assignments.practiceId), eq(assignmentOccurrences.assignmentId, assignments.id)),
    )
    .where(
      and(
        eq(assignments.practiceId, practice.id),
        eq(assignments.status, 'active'),
        sql`${assignments.recurrence} -> 'end' ->> 'untilStopped' = 'true'`,
      ),
    )
    .groupBy(assignments.practiceId, assignments.id);
  const openUntil = oneYearLater(localDay(now, practice.timeZone));
  let added = 0;
  for (const a of open) {
    const rule = asRecurrenceRule(a.recurrence);
    if (!rule || rule.kind === 'once') continue;
    // Items whose time has passed while nothing ran are not planned after the fact: nobody asked for them in time.
    const next = expandOccurrences(rule, a.startDate, a.dueTime, a.timeZone, { openUntil, from: now }).filter((o) => o.index > (a.planned ?? -1));
    if (!next.length) continue;
    const inserted = await tx
      .insert(assignmentOccurrences)
      .values(next.map((o) => ({ practiceId: practice.id, assignmentId: a.id, clientId: a.clientId, index: o.index, localDate: o.localDate, dueAt: o.dueAt, status: 'due' as const })))
      .onConflictDoNothing()
      .returning({ id: assignmentOccurrences.id });
    if (!inserted.length) continue;
    added += inserted.length;
    await recordAudit(tx, { practiceId: practice.id, userId: clinician.userId, role: null }, {
      action: 'assignment.rollForward',
      entityType: 'assignment',
      entityId: a.id,
      clientId: a.clientId,
      meta: { added: inserted.length, openUntil },
    });
  }
  return added;
}

/** The `assignments.rollForward` job: every practice's open-ended assignments stay planned a year ahead. */
export async function rollOpenAssignmentsForward(now: Date = new Date(), practiceIds?: string[]): Promise<void> {
  await forEachPractice(
    'assignments.rollForward',
    async (practice) => {
      const clinicians = await withPracticeSystem({ practiceId: practice.id }, (tx) =>
        tx
          .select({ userId: memberships.userId, membershipId: memberships.id, role: memberships.role })
          .from(memberships)
          .innerJoin(users, eq(users.id, memberships.userId))
          .where(and(eq(memberships.practiceId, practice.id), inArray(memberships.role, ['therapist', 'admin']), eq(users.status, 'active'))),
      );
      for (const c of clinicians) {
        const clinician = { practiceId: practice.id, userId: c.userId, membershipId: c.membershipId, role: c.role as Clinician['role'] };
        await withMemberOnBehalf(clinician, (tx) => rollForwardFor(tx, clinician, practice, now));
      }
    },
    practiceIds,
  );
}
