import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { assignmentOccurrences, assignments, auditEvents } from '../../db/schema';
import { assignHomework, cancelAssignment } from '../../lib/assignments/actions';
import { rollOpenAssignmentsForward } from '../../lib/assignments/roll-forward';
import { addDays, localDay, oneYearLater } from '../../lib/time/day';
import { asOwner } from '../support/clinical';
import { actAs, makePractice } from '../support/factories';

const DAY = 86_400_000;
const TZ = 'America/New_York';

function occurrencesOf(practiceId: string, assignmentId: string) {
  return asOwner(practiceId, (tx) =>
    tx
      .select()
      .from(assignmentOccurrences)
      .where(and(eq(assignmentOccurrences.practiceId, practiceId), eq(assignmentOccurrences.assignmentId, assignmentId)))
      .orderBy(assignmentOccurrences.index),
  );
}

describe('open-ended ("until stopped") assignments are kept planned a year ahead', () => {
  it('plans what the year ahead of today adds, once, for the care team, and stops when cancelled', async () => {
    const p = await makePractice();
    actAs(p.therapist, p.id);
    const start = addDays(localDay(new Date(), TZ), 1);
    const made = await assignHomework(null, {
      clientIds: [p.clientA1.clientId], kind: 'exercise', templateKey: 'thought_record', startDate: start, dueTime: '18:00',
      recurrence: { kind: 'weekly', end: { untilStopped: true } },
    });
    if (!made.ok) throw new Error(made.formError ?? 'assign failed');
    const assignmentId = made.data.assignmentIds[0]!;
    const first = await occurrencesOf(p.id, assignmentId);
    expect(first.at(-1)!.localDate < oneYearLater(start)).toBe(true);

    // Nothing to add today: already planned a year ahead.
    await rollOpenAssignmentsForward(new Date(), [p.id]);
    expect(await occurrencesOf(p.id, assignmentId)).toHaveLength(first.length);

    // Ten weeks on, the horizon has moved: the series continues, on its weekday, up to a year ahead of that day.
    const later = new Date(Date.now() + 70 * DAY);
    const horizon = oneYearLater(localDay(later, TZ));
    await rollOpenAssignmentsForward(later, [p.id]);
    const rolled = await occurrencesOf(p.id, assignmentId);
    const added = rolled.length - first.length;
    expect(added).toBeGreaterThanOrEqual(9);
    expect(added).toBeLessThanOrEqual(10);
    expect(rolled.map((o) => o.index)).toEqual(rolled.map((_, i) => i));
    expect(rolled.map((o) => o.localDate)).toEqual(rolled.map((_, i) => addDays(start, 7 * i)));
    expect(rolled.at(-1)!.localDate < horizon).toBe(true);
    expect(addDays(rolled.at(-1)!.localDate, 7) >= horizon).toBe(true);
    expect(rolled.at(-1)!.status).toBe('due');
    const audit = await asOwner(p.id, (tx) =>
      tx.select().from(auditEvents).where(and(eq(auditEvents.practiceId, p.id), eq(auditEvents.action, 'assignment.rollForward'))),
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entityId: assignmentId, clientId: p.clientA1.clientId, meta: { added } });

    // A second run at the same moment (another worker, a retry) adds nothing.
    await rollOpenAssignmentsForward(later, [p.id]);
    expect(await occurrencesOf(p.id, assignmentId)).toHaveLength(rolled.length);

    // Stopped: nothing more is planned.
    actAs(p.therapist, p.id);
    expect((await cancelAssignment(null, { assignmentId })).ok).toBe(true);
    await rollOpenAssignmentsForward(new Date(Date.now() + 140 * DAY), [p.id]);
    expect(await occurrencesOf(p.id, assignmentId)).toHaveLength(rolled.length);
  });

  it('leaves assignments with an end alone', async () => {
    const p = await makePractice();
    actAs(p.therapist, p.id);
    const start = addDays(localDay(new Date(), TZ), 1);
    const made = await assignHomework(null, {
      clientIds: [p.clientA1.clientId], kind: 'exercise', templateKey: 'thought_record', startDate: start, dueTime: '18:00',
      recurrence: { kind: 'weekly', end: { count: 3 } },
    });
    if (!made.ok) throw new Error(made.formError ?? 'assign failed');
    await rollOpenAssignmentsForward(new Date(Date.now() + 400 * DAY), [p.id]);
    expect(await occurrencesOf(p.id, made.data.assignmentIds[0]!)).toHaveLength(3);
    const rows = await asOwner(p.id, (tx) => tx.select().from(assignments).where(eq(assignments.practiceId, p.id)));
    expect(rows).toHaveLength(1);
  });
});
