import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { ownerScoped } from '../../db/seed/factories';
import { assignmentOccurrences, assignments } from '../../db/schema';
import { clientAssignments } from '../../lib/assignments/queries';
import { setAsideHomework } from '../../lib/assignments/set-aside';
import { saveDraft } from '../../lib/submissions/actions';
import { clientHomework, getCompletionView } from '../../lib/submissions/queries';
import { openTestDatabase } from '../support/database';
import { actAs, actorFor, makePractice, type TestPractice } from '../support/factories';

const HOUR = 3_600_000;

/** A daily journaling assignment for client A1 with one item per given age (hours past due; negative = not yet due). */
async function homework(p: TestPractice, hoursPastDue: number[]) {
  const db = await (await openTestDatabase()).owner();
  const now = Date.now();
  return ownerScoped(db, p.id, async (tx) => {
    const [a] = await tx
      .insert(assignments)
      .values({
        practiceId: p.id,
        clientId: p.clientA1.clientId,
        kind: 'exercise',
        templateKey: 'journaling_prompt',
        templateVersion: 1,
        startDate: '2025-01-06',
        timeZone: 'America/New_York',
        recurrence: { kind: 'daily', end: { count: hoursPastDue.length } },
        createdByMembershipId: p.therapist.membershipId,
      })
      .returning();
    const rows = await tx
      .insert(assignmentOccurrences)
      .values(
        hoursPastDue.map((h, index) => {
          const dueAt = new Date(now - h * HOUR);
          return { practiceId: p.id, assignmentId: a!.id, clientId: p.clientA1.clientId, index, localDate: dueAt.toISOString().slice(0, 10), dueAt, status: 'due' as const };
        }),
      )
      .returning({ id: assignmentOccurrences.id });
    return rows.map((r) => r.id);
  });
}

async function stored(p: TestPractice, occurrenceId: string) {
  const db = await (await openTestDatabase()).owner();
  return ownerScoped(db, p.id, async (tx) => {
    const [row] = await tx
      .select()
      .from(assignmentOccurrences)
      .where(and(eq(assignmentOccurrences.practiceId, p.id), eq(assignmentOccurrences.id, occurrenceId)));
    return row!;
  });
}

describe('homework past due: late, then quietly missed, and set aside by the client', () => {
  it('lists an item late within the grace period under today, and an older one apart as missed', async () => {
    const p = await makePractice();
    const [late, old] = await homework(p, [2, 24 * 5]);
    const list = await clientHomework((await actorFor(p.clientA1, p.id))!);
    expect(list.due.map((i) => [i.occurrenceId, i.standing])).toEqual([[late, 'late']]);
    expect(list.missed.map((i) => [i.occurrenceId, i.standing])).toEqual([[old, 'missed']]);
  });

  it('a set-aside item leaves the list, shows as set aside with its reason, and takes no more answers', async () => {
    const p = await makePractice();
    const [late, old] = await homework(p, [2, 24 * 5]);
    actAs(p.clientA1, p.id);
    const result = await setAsideHomework(null, { occurrenceId: old!, reason: '  A hard week.  ' });
    expect(result.ok).toBe(true);
    const row = await stored(p, old!);
    expect(row.status).toBe('set_aside');
    expect(row.setAsideReason).toBe('A hard week.');
    expect(row.setAsideAt).not.toBeNull();

    const client = (await actorFor(p.clientA1, p.id))!;
    const list = await clientHomework(client);
    expect(list.missed).toEqual([]);
    expect(list.due.map((i) => i.occurrenceId)).toEqual([late]);
    const view = await getCompletionView(client, old!);
    expect(view?.kind === 'ok' && view.setAside).toMatchObject({ reason: 'A hard week.' });
    expect(view?.kind === 'ok' && view.editable).toBe(false);

    const draft = await saveDraft(null, { occurrenceId: old!, templateVersion: 1, answers: { entry: 'late words' } });
    expect(draft.ok).toBe(false);
    expect(!draft.ok && draft.formError).toMatch(/set this one aside/);
    expect((await setAsideHomework(null, { occurrenceId: old! })).ok).toBe(false);
  });

  it('the care team sees it set aside with the reason and does not count it overdue; an admin off the team sees no reason', async () => {
    const p = await makePractice();
    const [late, old] = await homework(p, [2, 24 * 5]);
    actAs(p.clientA1, p.id);
    expect((await setAsideHomework(null, { occurrenceId: old!, reason: 'It did not fit this week' })).ok).toBe(true);

    const team = await clientAssignments((await actorFor(p.therapist, p.id))!, p.clientA1.clientId);
    const items = team!.assignments[0]!.occurrences;
    expect(items.find((o) => o.id === old)).toMatchObject({ status: 'set_aside', setAsideReason: 'It did not fit this week' });
    expect(items.find((o) => o.id === late)?.status).toBe('missed');
    // One item past due and not sent (the late one); the set-aside one is due for adherence but never overdue.
    expect(team!.adherence).toMatchObject({ due: 2, completed: 0, overdue: 1 });

    const admin = await clientAssignments((await actorFor(p.admin, p.id))!, p.clientA1.clientId);
    const outline = admin!.assignments[0]!.occurrences.find((o) => o.id === old);
    expect(outline?.status).toBe('set_aside');
    expect(outline?.setAsideReason ?? null).toBeNull();
  });

  it('refuses another client\'s item and a reason that is too long; 500 emoji are 500 characters', async () => {
    const p = await makePractice();
    const [old] = await homework(p, [24 * 5]);
    actAs(p.clientA2, p.id);
    expect((await setAsideHomework(null, { occurrenceId: old! })).ok).toBe(false);
    actAs(p.clientA1, p.id);
    const long = await setAsideHomework(null, { occurrenceId: old!, reason: '🙂'.repeat(501) });
    expect(long.ok).toBe(false);
    expect(!long.ok && long.fieldErrors.reason?.[0]).toMatch(/500 characters/);
    expect(await setAsideHomework(null, { occurrenceId: old!, reason: '🙂'.repeat(500) })).toMatchObject({ ok: true });
    expect((await stored(p, old!)).setAsideReason).toHaveLength(1000);
  });
});
