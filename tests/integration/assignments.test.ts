import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { assert, describe, expect, it } from 'vitest';
import { assignmentOccurrences, assignments, auditEvents } from '../../db/schema';
import { createClientWithLogin } from '../../db/seed/factories';
import { assignHomework, cancelAssignment, cancelOccurrence, updateAssignment } from '../../lib/assignments/actions';
import { adherenceForClients, clientAssignments } from '../../lib/assignments/queries';
import { localDay } from '../../lib/time/day';
import { actAs, actorOf, makePractice, owner, type TestPractice } from '../support/factories';
import { assignmentCount, once, tomorrow } from '../support/assignments';
import { asOwner } from '../support/clinical';

const DAY = 86_400_000;

/** A second client on the practice's therapist's care team. */
async function extraClient(p: TestPractice) {
  const tag = randomUUID().slice(0, 8);
  return createClientWithLogin(
    await owner(),
    p.id,
    { email: `c3-${tag}@test.example`, name: `Client Three ${tag}`, firstName: 'Client', lastName: `Three ${tag}` },
    [p.therapist.membershipId],
  );
}

describe('assigning homework', () => {
  it('assigns to one client: one assignment, its occurrence due, and an audit row', async () => {
    const p = await makePractice();
    actAs(p.therapist, p.id);
    const result = await assignHomework(null, once({ clientIds: [p.clientA1.clientId], instructions: 'Try this after Tuesday’s session.' }));
    expect(result).toMatchObject({ ok: true, data: { clientCount: 1, occurrenceCount: 1 } });
    const rows = await asOwner(p.id, (tx) => tx.select().from(assignmentOccurrences).where(eq(assignmentOccurrences.practiceId, p.id)));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'due', localDate: tomorrow(), clientId: p.clientA1.clientId });
    const audits = await asOwner(p.id, (tx) =>
      tx.select().from(auditEvents).where(and(eq(auditEvents.practiceId, p.id), eq(auditEvents.action, 'assignment.create'))),
    );
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ clientId: p.clientA1.clientId, entityType: 'assignment' });
    expect(JSON.stringify(audits[0]!.meta)).not.toContain('Tuesday');
  });

  it('assigns to several clients at once with an audit row per client (FormData, as the form posts it)', async () => {
    const p = await makePractice();
    const c3 = await extraClient(p);
    actAs(p.therapist, p.id);
    const form = new FormData();
    form.append('clientIds', p.clientA1.clientId);
    form.append('clientIds', c3.clientId);
    form.append('kind', 'exercise');
    form.append('templateKey', 'journaling_prompt');
    form.append('promptChoice', 'bank_03');
    form.append('startDate', tomorrow());
    form.append('dueTime', '20:00');
    form.append('__json', JSON.stringify({ recurrence: { kind: 'daily', end: { count: 5 } } }));
    const result = await assignHomework(null, form);
    expect(result).toMatchObject({ ok: true, data: { clientCount: 2, occurrenceCount: 10 } });
    const rows = await asOwner(p.id, (tx) => tx.select().from(assignments).where(eq(assignments.practiceId, p.id)));
    expect(rows.map((r) => r.clientId).sort()).toEqual([p.clientA1.clientId, c3.clientId].sort());
    expect(rows.every((r) => r.promptChoice === 'bank_03' && r.templateVersion === 1 && r.timeZone === 'America/New_York')).toBe(true);
    const audits = await asOwner(p.id, (tx) =>
      tx.select().from(auditEvents).where(and(eq(auditEvents.practiceId, p.id), eq(auditEvents.action, 'assignment.create'))),
    );
    expect(audits.map((a) => a.clientId).sort()).toEqual([p.clientA1.clientId, c3.clientId].sort());
  });

  it('refuses the whole request when one client is off the care team or from another practice; nothing is written', async () => {
    const p = await makePractice();
    const other = await makePractice('Other');
    actAs(p.therapist, p.id);
    for (const stranger of [p.clientA2.clientId, other.clientA1.clientId, randomUUID()]) {
      const result = await assignHomework(null, once({ clientIds: [p.clientA1.clientId, stranger] }));
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.fieldErrors.clientIds?.[0]).toMatch(/care team/);
    }
    // An admin is held to the same rule: only clients on their own care team.
    actAs(p.admin, p.id);
    const byAdmin = await assignHomework(null, once({ clientIds: [p.clientA1.clientId] }));
    expect(byAdmin).toMatchObject({ ok: false, fieldErrors: { clientIds: [expect.stringMatching(/care team/)] } });
    actAs(p.clientA1, p.id);
    expect(await assignHomework(null, once({ clientIds: [p.clientA1.clientId] }))).toMatchObject({ ok: false, formError: 'You do not have permission to do that.' });
    expect(await assignmentCount(p.id)).toBe(0);
    expect(await assignmentCount(other.id)).toBe(0);
  });

  it('checks the input: template, version, prompt, instructions and schedule, each beside its field', async () => {
    const p = await makePractice();
    actAs(p.therapist, p.id);
    const ids = { clientIds: [p.clientA1.clientId] };
    const cases: [Record<string, unknown>, string][] = [
      [once({ ...ids, templateKey: 'no_such_exercise' }), 'templateKey'],
      [once({ ...ids, templateVersion: 9 }), 'templateVersion'],
      [once({ ...ids, promptChoice: 'bank_03' }), 'promptChoice'],
      [once({ ...ids, templateKey: 'journaling_prompt', promptChoice: 'bank_99' }), 'promptChoice'],
      [once({ ...ids, instructions: 'x'.repeat(2001) }), 'instructions'],
      [once({ ...ids, kind: 'measure', templateKey: 'thought_record' }), 'templateKey'],
      [once({ ...ids, dueTime: '25:00' }), 'dueTime'],
      [once({ ...ids, startDate: '2027-02-30' }), 'startDate'],
      // A day already gone is the date's fault, shown beside the date; not the time's.
      [once({ ...ids, startDate: '2020-01-01' }), 'startDate'],
      [once({ ...ids, startDate: '2020-01-01', recurrence: { kind: 'weekly', end: { untilStopped: true } } }), 'startDate'],
      [once({ ...ids, recurrence: { kind: 'weekly', end: { until: '2020-01-01' } } }), 'recurrence.end'],
      [once({ ...ids, recurrence: { kind: 'daily', end: { count: 400 } } }), 'recurrence.end.count'],
      [once({ clientIds: [] }), 'clientIds'],
    ];
    for (const [input, field] of cases) {
      const result = await assignHomework(null, input);
      expect(result.ok, field).toBe(false);
      assert(!result.ok);
      expect(Object.keys(result.fieldErrors), JSON.stringify(input).slice(0, 120)).toContain(field);
    }
    expect(await assignmentCount(p.id)).toBe(0);
    const measure = await assignHomework(null, once({ ...ids, kind: 'measure', templateKey: 'phq9' }));
    expect(measure).toMatchObject({ ok: true });
  });

  it('a past day is refused beside the date, a time already gone today beside the time, each in the words of the form', async () => {
    const p = await makePractice();
    actAs(p.therapist, p.id);
    const ids = { clientIds: [p.clientA1.clientId] };
    const pastDay = await assignHomework(null, once({ ...ids, startDate: '2020-01-01' }));
    expect(pastDay).toMatchObject({ ok: false, fieldErrors: { startDate: ['That due date has passed. Choose today or a later day.'] } });
    assert(!pastDay.ok);
    expect(pastDay.fieldErrors.dueTime).toBeUndefined();
    const pastStart = await assignHomework(null, once({ ...ids, startDate: '2020-01-01', recurrence: { kind: 'daily', end: { count: 3 } } }));
    expect(pastStart).toMatchObject({ ok: false, fieldErrors: { startDate: ['That start date has passed. Choose today or a later day.'] } });
    const today = localDay(new Date(), 'America/New_York');
    const goneToday = await assignHomework(null, once({ ...ids, startDate: today, dueTime: '00:00' }));
    expect(goneToday).toMatchObject({ ok: false, fieldErrors: { dueTime: ['That time has already passed today. Choose a later time or a later due date.'] } });
    // Nothing chosen is lost: the values come back to the form.
    assert(!pastDay.ok);
    expect(pastDay.values).toMatchObject({ templateKey: 'thought_record', startDate: '2020-01-01', dueTime: '18:00' });
    expect(await assignmentCount(p.id)).toBe(0);
  });

  it('"until stopped" plans a year of weekly items and reads so on the record', async () => {
    const p = await makePractice();
    actAs(p.therapist, p.id);
    const result = await assignHomework(
      null,
      once({ clientIds: [p.clientA1.clientId], startDate: '2027-03-01', recurrence: { kind: 'weekly', end: { untilStopped: true } } }),
    );
    expect(result).toMatchObject({ ok: true, data: { occurrenceCount: 53 } });
    const view = await clientAssignments(await actorOf(p.therapist, p.id), p.clientA1.clientId);
    expect(view?.assignments[0]?.recurrenceLabel).toBe('Weekly, until stopped');
    // Giving it an end later withdraws the items beyond it.
    const assignmentId = view!.assignments[0]!.id;
    const ended = await updateAssignment(null, { assignmentId, dueTime: '18:00', end: { count: 4 } });
    expect(ended).toMatchObject({ ok: true, data: { dropped: 49 } });
  });

  it('weekly for 4 weeks makes 4 occurrences on the right local dates, due at the local time across DST', async () => {
    const p = await makePractice();
    actAs(p.therapist, p.id);
    const result = await assignHomework(
      null,
      once({ clientIds: [p.clientA1.clientId], startDate: '2027-03-01', dueTime: '20:00', recurrence: { kind: 'weekly', end: { count: 4 } } }),
    );
    expect(result.ok).toBe(true);
    const rows = await asOwner(p.id, (tx) =>
      tx.select().from(assignmentOccurrences).where(eq(assignmentOccurrences.practiceId, p.id)).orderBy(assignmentOccurrences.index),
    );
    expect(rows.map((r) => r.localDate)).toEqual(['2027-03-01', '2027-03-08', '2027-03-15', '2027-03-22']);
    // New York moves to daylight time on 14 March 2027: 20:00 local is 01:00Z before, 00:00Z after.
    expect(rows.map((r) => r.dueAt.toISOString())).toEqual([
      '2027-03-02T01:00:00.000Z',
      '2027-03-09T01:00:00.000Z',
      '2027-03-16T00:00:00.000Z',
      '2027-03-23T00:00:00.000Z',
    ]);
    expect(rows.every((r) => r.status === 'due')).toBe(true);
  });
});

describe('changing and cancelling', () => {
  async function weekly(p: TestPractice) {
    actAs(p.therapist, p.id);
    const result = await assignHomework(null, once({ clientIds: [p.clientA1.clientId], recurrence: { kind: 'weekly', end: { count: 4 } } }));
    if (!result.ok) throw new Error(JSON.stringify(result));
    const assignmentId = result.data.assignmentIds[0]!;
    const occ = await asOwner(p.id, (tx) =>
      tx.select().from(assignmentOccurrences).where(eq(assignmentOccurrences.assignmentId, assignmentId)).orderBy(assignmentOccurrences.index),
    );
    return { assignmentId, occ };
  }

  it('a cancelled occurrence leaves what is due and adherence; cancelling the assignment keeps submitted work', async () => {
    const p = await makePractice();
    const { assignmentId, occ } = await weekly(p);
    expect(await cancelOccurrence(null, { occurrenceId: occ[1]!.id })).toMatchObject({ ok: true });
    // The client submits the first one (as the portal would).
    await asOwner(p.id, (tx) => tx.update(assignmentOccurrences).set({ status: 'submitted' }).where(eq(assignmentOccurrences.id, occ[0]!.id)));

    const asClient = await clientAssignments(await actorOf(p.clientA1, p.id), p.clientA1.clientId);
    const statuses = asClient!.assignments[0]!.occurrences.map((o) => o.status);
    expect(statuses).toEqual(['submitted', 'cancelled', 'due', 'due']);
    expect(asClient!.assignments[0]!.occurrences.filter((o) => o.status === 'due')).toHaveLength(2);

    expect(await cancelOccurrence(null, { occurrenceId: occ[0]!.id })).toMatchObject({ ok: false, formError: 'Submitted work cannot be cancelled.' });
    expect(await cancelAssignment(null, { assignmentId })).toMatchObject({ ok: true, data: { withdrawn: 2 } });
    const after = await asOwner(p.id, (tx) =>
      tx.select().from(assignmentOccurrences).where(eq(assignmentOccurrences.assignmentId, assignmentId)).orderBy(assignmentOccurrences.index),
    );
    expect(after.map((o) => o.status)).toEqual(['submitted', 'cancelled', 'cancelled', 'cancelled']);
  });

  it('only the care team may change or cancel; another practice cannot even see it', async () => {
    const p = await makePractice();
    const other = await makePractice('Other');
    const { assignmentId, occ } = await weekly(p);
    for (const [person, practiceId] of [
      [p.otherTherapist, p.id],
      [p.admin, p.id],
      [other.therapist, other.id],
    ] as const) {
      actAs(person, practiceId);
      expect(await cancelAssignment(null, { assignmentId })).toMatchObject({ ok: false });
      expect(await cancelOccurrence(null, { occurrenceId: occ[0]!.id })).toMatchObject({ ok: false });
      expect(await updateAssignment(null, { assignmentId, dueTime: '09:00' })).toMatchObject({ ok: false });
    }
    const rows = await asOwner(p.id, (tx) => tx.select().from(assignmentOccurrences).where(eq(assignmentOccurrences.assignmentId, assignmentId)));
    expect(rows.every((o) => o.status === 'due')).toBe(true);
  });

  it('editing re-times future items, shortens or extends the series, and stores the new instructions', async () => {
    const p = await makePractice();
    const { assignmentId, occ } = await weekly(p);
    const result = await updateAssignment(null, { assignmentId, dueTime: '09:30', instructions: 'Shorter this time.', end: { count: 2 } });
    expect(result).toMatchObject({ ok: true, data: { retimed: 2, dropped: 2, added: 0 } });
    const after = await asOwner(p.id, (tx) =>
      tx.select().from(assignmentOccurrences).where(eq(assignmentOccurrences.assignmentId, assignmentId)).orderBy(assignmentOccurrences.index),
    );
    expect(after.map((o) => o.status)).toEqual(['due', 'due', 'cancelled', 'cancelled']);
    expect(after[0]!.localDate).toBe(occ[0]!.localDate);
    expect(after[0]!.dueAt.getTime()).not.toBe(occ[0]!.dueAt.getTime());
    const longer = await updateAssignment(null, { assignmentId, dueTime: '09:30', end: { count: 6 } });
    expect(longer).toMatchObject({ ok: true, data: { added: 2 } });
    const [a] = await asOwner(p.id, (tx) => tx.select().from(assignments).where(eq(assignments.id, assignmentId)));
    expect(a).toMatchObject({ dueTime: '09:30', instructions: null, recurrence: { kind: 'weekly', end: { count: 6 } } });
  });
});

describe('adherence and missed items', () => {
  it('counts submitted ÷ due over 28 days, shows past due items as missed without writing on read, and ignores cancelled ones', async () => {
    const p = await makePractice();
    const c3 = await extraClient(p);
    const now = new Date();
    const assignmentId = randomUUID();
    const past = (days: number) => new Date(now.getTime() - days * DAY);
    await asOwner(p.id, async (tx) => {
      await tx.insert(assignments).values({
        practiceId: p.id,
        id: assignmentId,
        clientId: p.clientA1.clientId,
        kind: 'exercise',
        templateKey: 'thought_record',
        templateVersion: 1,
        startDate: past(40).toISOString().slice(0, 10),
        timeZone: 'America/New_York',
        recurrence: { kind: 'weekly', end: { count: 7 } },
        createdByMembershipId: p.therapist.membershipId,
      });
      const statuses = ['submitted', 'submitted', 'reviewed', 'due', 'cancelled', 'due'] as const;
      const days = [35, 21, 14, 7, 3, -2];
      await tx.insert(assignmentOccurrences).values(
        statuses.map((status, index) => ({
          practiceId: p.id,
          assignmentId,
          clientId: p.clientA1.clientId,
          index,
          localDate: past(days[index]!).toISOString().slice(0, 10),
          dueAt: past(days[index]!),
          status,
        })),
      );
    });
    const therapist = await actorOf(p.therapist, p.id);
    const result = await adherenceForClients(therapist, [p.clientA1.clientId, c3.clientId, p.clientA2.clientId], now);
    // In the window: submitted (21d), reviewed (14d), due→missed (7d); the 35-day one is outside, the cancelled one excluded.
    expect(result.get(p.clientA1.clientId)).toEqual({ due: 3, completed: 2, ratio: 2 / 3, overdue: 1 });
    expect(result.get(c3.clientId)).toEqual({ due: 0, completed: 0, ratio: null, overdue: 0 });
    expect(result.has(p.clientA2.clientId)).toBe(false);
    const rows = await asOwner(p.id, (tx) =>
      tx.select().from(assignmentOccurrences).where(eq(assignmentOccurrences.assignmentId, assignmentId)).orderBy(assignmentOccurrences.index),
    );
    // Reading is not writing: storage keeps 'due', and every reader shows the past one as missed.
    expect(rows.map((r) => r.status)).toEqual(['submitted', 'submitted', 'reviewed', 'due', 'cancelled', 'due']);
    const shown = await clientAssignments(therapist, p.clientA1.clientId, now);
    expect(shown!.assignments[0]!.occurrences.map((o) => o.status)).toEqual(['submitted', 'submitted', 'reviewed', 'missed', 'cancelled', 'due']);

    // An admin sees the counts (non-clinical) for any client, but not the instructions of one off their care team.
    const admin = await actorOf(p.admin, p.id);
    expect((await adherenceForClients(admin, [p.clientA1.clientId], now)).get(p.clientA1.clientId)?.ratio).toBeCloseTo(2 / 3);
    const outline = await clientAssignments(admin, p.clientA1.clientId, now);
    expect(outline).toMatchObject({ clinical: false, canManage: false });
    expect(outline!.assignments[0]!.instructions).toBeNull();
    expect(await clientAssignments(await actorOf(p.otherTherapist, p.id), p.clientA1.clientId)).toBeNull();
    expect(await clientAssignments(await actorOf(p.clientA2, p.id), p.clientA1.clientId)).toBeNull();
  });
});
