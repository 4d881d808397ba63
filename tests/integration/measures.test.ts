import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { assignmentOccurrences, assignments, measureAdministrations, measureDrafts, measureSchedules } from '../../db/schema';
import { saveMeasureDraft, submitMeasure } from '../../lib/measures/actions';
import { myDueMeasures, myMeasureDraft, myProgress } from '../../lib/measures/queries';
import { alertsOf, asOwner, auditOf, failAlertInsertsFor } from '../support/clinical';
import { type TestPractice, actAs, actorFor, makePractice } from '../support/factories';
import { addDays, localDay } from '../../lib/time/day';

type Answers = Record<string, number | null>;

/** PHQ-9 answers: every item `each`, then the overrides. */
function phq9(each: number, overrides: Answers = {}): Answers {
  const out: Answers = {};
  for (let n = 1; n <= 9; n++) out[`q${n}`] = each;
  return { ...out, ...overrides };
}

/** A PHQ-9 totalling `total` with item 9 at 0 (items filled in order). */
function phq9Total(total: number): Answers {
  const out: Answers = { q9: 0 };
  let left = total;
  for (let n = 1; n <= 8; n++) {
    const v = Math.min(3, left);
    out[`q${n}`] = v;
    left -= v;
  }
  return out;
}

function gad7Total(total: number): Answers {
  const out: Answers = {};
  let left = total;
  for (let n = 1; n <= 7; n++) {
    const v = Math.min(3, left);
    out[`q${n}`] = v;
    left -= v;
  }
  return out;
}

const newKey = () => randomUUID();

function administrationsOf(p: TestPractice, clientId = p.clientA1.clientId) {
  return asOwner(p.id, (tx) =>
    tx
      .select()
      .from(measureAdministrations)
      .where(and(eq(measureAdministrations.practiceId, p.id), eq(measureAdministrations.clientId, clientId))),
  );
}

async function submitAs(p: TestPractice, measure: string, answers: Answers, submissionKey = newKey()) {
  actAs(p.clientA1, p.id);
  return submitMeasure(null, { measure, submissionKey, answers });
}

describe('measure submission', () => {
  it('scores a complete PHQ-9, stores its band and clears the draft', async () => {
    const p = await makePractice();
    actAs(p.clientA1, p.id);
    expect(await saveMeasureDraft(null, { measure: 'phq9', answers: { q1: 1, q2: 2 } })).toMatchObject({ ok: true });
    const actor = (await actorFor(p.clientA1, p.id))!;
    expect(await myMeasureDraft(actor, 'phq9')).toEqual({ q1: 1, q2: 2 });
    expect(await saveMeasureDraft(null, { measure: 'phq9', answers: { q1: 1, q2: 2, q3: 0 } })).toMatchObject({ ok: true });
    expect(await myMeasureDraft(actor, 'phq9')).toEqual({ q1: 1, q2: 2, q3: 0 });

    const result = await submitAs(p, 'phq9', phq9(1, { q9: 0, difficulty: 2 }));
    expect(result).toMatchObject({ ok: true, data: { status: 'complete', score: 8, band: 'mild', crisis: false, alreadySubmitted: false } });
    const rows = await administrationsOf(p);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ measure: 'phq9', status: 'complete', score: 8, rawScore: 8, band: 'mild', prorated: false });
    // The "how difficult" question is kept but never added to the total.
    expect(rows[0]?.answers.difficulty).toBe(2);
    expect(await myMeasureDraft(actor, 'phq9')).toEqual({});
  });

  it('prorates a PHQ-9 with two missing items and keeps one it cannot score as incomplete, with no score', async () => {
    const p = await makePractice();
    const prorated = await submitAs(p, 'phq9', phq9(2, { q1: null, q2: null, q9: 0 }));
    // Answered: six 2s and a 0 → mean 12/7; × 9 = 15.43 → 15.
    expect(prorated).toMatchObject({ ok: true, data: { status: 'complete', score: 15 } });

    const tooFew = await submitAs(p, 'phq9', phq9(2, { q1: null, q2: null, q3: null, q9: 0 }));
    expect(tooFew).toMatchObject({ ok: true, data: { status: 'incomplete', score: null, band: null } });
    const who5 = await submitAs(p, 'who5', { q1: 5, q2: 4, q3: 3, q4: 2 });
    expect(who5).toMatchObject({ ok: true, data: { status: 'incomplete', score: null } });

    const rows = await administrationsOf(p);
    const incomplete = rows.filter((r) => r.status === 'incomplete');
    expect(incomplete).toHaveLength(2);
    for (const row of incomplete) expect(row).toMatchObject({ score: null, rawScore: null, band: null });
    expect(rows.find((r) => r.status === 'complete')).toMatchObject({ score: 15, prorated: true });
  });

  it('refuses out-of-range answers and unknown questions, naming them, and saves nothing', async () => {
    const p = await makePractice();
    const result = await submitAs(p, 'phq9', phq9(1, { q3: 4, q12: 1 }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors.q3).toEqual(['Choose one of the answers for question 3.']);
    expect(result.fieldErrors.q12).toEqual(['This question is not part of the form.']);

    const who5 = await submitAs(p, 'who5', { q1: 6, q2: 'often' as unknown as number });
    expect(who5.ok).toBe(false);
    if (who5.ok) return;
    expect(Object.keys(who5.fieldErrors).sort()).toEqual(['q1', 'q2']);

    const badMeasure = await submitAs(p, 'bdi', phq9(1));
    expect(badMeasure).toMatchObject({ ok: false, fieldErrors: { measure: ['Choose a measure.'] } });
    const noKey = await submitMeasure(null, { measure: 'phq9', answers: phq9(1) });
    expect(noKey).toMatchObject({ ok: false });
    expect(await administrationsOf(p)).toHaveLength(0);
  });

  it('the same submission key twice (a retry, a double click, two tabs) is one record', async () => {
    const p = await makePractice();
    const key = newKey();
    const first = await submitAs(p, 'phq9', phq9(1, { q9: 0 }), key);
    const second = await submitAs(p, 'phq9', phq9(3, { q9: 0 }), key);
    expect(first.ok && second.ok).toBe(true);
    if (!first.ok || !second.ok) return;
    expect(second.data).toMatchObject({ administrationId: first.data.administrationId, alreadySubmitted: true, score: 8 });

    const key2 = newKey();
    const together = await Promise.all([submitAs(p, 'gad7', gad7Total(5), key2), submitAs(p, 'gad7', gad7Total(5), key2)]);
    expect(together.every((r) => r.ok)).toBe(true);
    const ids = new Set(together.map((r) => (r.ok ? r.data.administrationId : null)));
    expect(ids.size).toBe(1);
    expect(await administrationsOf(p)).toHaveLength(2);
  });

  it("a retried urgent submission still shows the crisis panel but raises nothing new", async () => {
    const p = await makePractice();
    const key = newKey();
    expect(await submitAs(p, 'phq9', phq9(0, { q9: 2 }), key)).toMatchObject({ ok: true, data: { crisis: true, tier: 'urgent' } });
    expect(await submitAs(p, 'phq9', phq9(0, { q9: 2 }), key)).toMatchObject({ ok: true, data: { crisis: true, tier: 'urgent', alreadySubmitted: true } });
    expect(await alertsOf(p.id, p.clientA1.clientId)).toHaveLength(1);
  });

  it("a client can only submit for themselves: another client's id is ignored and another client's key is refused", async () => {
    const p = await makePractice();
    actAs(p.clientA1, p.id);
    const result = await submitMeasure(null, { measure: 'phq9', submissionKey: newKey(), answers: phq9(1, { q9: 0 }), clientId: p.clientA2.clientId });
    expect(result.ok).toBe(true);
    expect(await administrationsOf(p, p.clientA1.clientId)).toHaveLength(1);
    expect(await administrationsOf(p, p.clientA2.clientId)).toHaveLength(0);

    const theirKey = newKey();
    actAs(p.clientA2, p.id);
    expect(await submitMeasure(null, { measure: 'gad7', submissionKey: theirKey, answers: gad7Total(3) })).toMatchObject({ ok: true });
    actAs(p.clientA1, p.id);
    const stolen = await submitMeasure(null, { measure: 'gad7', submissionKey: theirKey, answers: gad7Total(3) });
    expect(stolen).toMatchObject({ ok: false, formError: 'That record was not found, or you do not have access to it.' });
    expect(await administrationsOf(p, p.clientA1.clientId)).toHaveLength(1);
  });

  it('a therapist and an admin cannot submit or save a draft', async () => {
    const p = await makePractice();
    for (const person of [p.therapist, p.admin]) {
      actAs(person, p.id);
      const payload = { measure: 'phq9', submissionKey: newKey(), answers: phq9(1), clientId: p.clientA1.clientId };
      expect(await submitMeasure(null, payload)).toMatchObject({ ok: false, formError: 'You do not have permission to do that.' });
      expect(await saveMeasureDraft(null, payload)).toMatchObject({ ok: false, formError: 'You do not have permission to do that.' });
    }
    expect(await administrationsOf(p)).toHaveLength(0);
  });

  it('links to a due measure assignment and marks it submitted', async () => {
    const p = await makePractice();
    const today = localDay(new Date(), 'America/New_York');
    const assignmentId = randomUUID();
    const occurrenceId = randomUUID();
    await asOwner(p.id, async (tx) => {
      await tx.insert(assignments).values({
        practiceId: p.id,
        id: assignmentId,
        clientId: p.clientA1.clientId,
        kind: 'measure',
        templateKey: 'gad7',
        startDate: today,
        timeZone: 'America/New_York',
        recurrence: { kind: 'once' },
        createdByMembershipId: p.therapist.membershipId,
      });
      await tx.insert(assignmentOccurrences).values({
        practiceId: p.id,
        id: occurrenceId,
        assignmentId,
        clientId: p.clientA1.clientId,
        index: 0,
        localDate: today,
        dueAt: new Date(),
      });
    });
    const actor = (await actorFor(p.clientA1, p.id))!;
    expect(await myDueMeasures(actor)).toMatchObject([{ measure: 'gad7', dueDay: today, source: 'assignment', overdue: false }]);

    await submitAs(p, 'phq9', phq9(0, { q9: 0 }));
    const result = await submitAs(p, 'gad7', gad7Total(4));
    expect(result.ok).toBe(true);
    const rows = await administrationsOf(p);
    expect(rows.find((r) => r.measure === 'phq9')?.occurrenceId).toBeNull();
    expect(rows.find((r) => r.measure === 'gad7')?.occurrenceId).toBe(occurrenceId);
    const [occurrence] = await asOwner(p.id, (tx) => tx.select().from(assignmentOccurrences).where(eq(assignmentOccurrences.id, occurrenceId)));
    expect(occurrence?.status).toBe('submitted');
    expect(await myDueMeasures(actor)).toEqual([]);
  });

  it('lists scheduled measures as due from the start of the current period until one is completed', async () => {
    const p = await makePractice();
    const today = localDay(new Date(), 'America/New_York');
    await asOwner(p.id, (tx) =>
      tx.insert(measureSchedules).values([
        { practiceId: p.id, clientId: p.clientA1.clientId, measure: 'phq9', everyDays: 14, startDate: addDays(today, -20) },
        { practiceId: p.id, clientId: p.clientA1.clientId, measure: 'who5', everyDays: 30, startDate: addDays(today, 3) },
        { practiceId: p.id, clientId: p.clientA1.clientId, measure: 'gad7', everyDays: 14, startDate: addDays(today, -20), active: false },
        { practiceId: p.id, clientId: p.clientA2.clientId, measure: 'gad7', everyDays: 14, startDate: today },
      ]),
    );
    const actor = (await actorFor(p.clientA1, p.id))!;
    expect(await myDueMeasures(actor)).toEqual([
      { measure: 'phq9', title: 'PHQ-9', dueDay: addDays(today, -6), overdue: true, source: 'schedule', hasDraft: false },
    ]);
    // An incomplete form does not count as done.
    await submitAs(p, 'phq9', { q1: 1 });
    expect(await myDueMeasures(actor)).toHaveLength(1);
    await submitAs(p, 'phq9', phq9(1, { q9: 0 }));
    expect(await myDueMeasures(actor)).toEqual([]);
  });
});

describe('measure alerts', () => {
  const cases: { name: string; answers: Answers; kind: string; tier: 'urgent' | 'follow_up' }[] = [
    { name: 'item 9 = 1 → follow-up', answers: phq9(0, { q9: 1 }), kind: 'phq9_item9_positive', tier: 'follow_up' },
    { name: 'item 9 = 2 → urgent', answers: phq9(0, { q9: 2 }), kind: 'phq9_urgent', tier: 'urgent' },
    { name: 'item 9 = 3 with a total of 24 → one urgent alert', answers: phq9(3, { q9: 3, q1: 0, q2: 0, q3: 3 }), kind: 'phq9_urgent', tier: 'urgent' },
    { name: 'total ≥ 20 with item 9 = 0 → urgent', answers: phq9Total(20), kind: 'phq9_urgent', tier: 'urgent' },
    { name: 'item 9 unanswered → follow-up', answers: phq9(1, { q9: null }), kind: 'phq9_item9_unanswered', tier: 'follow_up' },
  ];
  for (const c of cases) {
    it(`PHQ-9 ${c.name}, raised in the same transaction as the answer`, async () => {
      const p = await makePractice();
      const result = await submitAs(p, 'phq9', c.answers);
      expect(result).toMatchObject({ ok: true, data: { crisis: true, tier: c.tier } });
      if (!result.ok) return;
      const raised = await alertsOf(p.id, p.clientA1.clientId);
      expect(raised).toHaveLength(1);
      expect(raised[0]).toMatchObject({ kind: c.kind, tier: c.tier, sourceType: 'measure', sourceId: result.data.administrationId });
      const [row] = await administrationsOf(p);
      expect(raised[0]?.raisedAt.getTime()).toBe(row?.completedAt.getTime());
      const audit = await auditOf(p.id, 'alert.raise');
      expect(audit.map((a) => a.entityId)).toEqual([raised[0]?.id]);
    });
  }

  it('a PHQ-9 with item 9 unanswered is kept incomplete and still raises its alert', async () => {
    const p = await makePractice();
    const result = await submitAs(p, 'phq9', phq9(1, { q9: null }));
    expect(result).toMatchObject({ ok: true, data: { status: 'incomplete', score: null } });
  });

  it('GAD-7, WHO-5 and a calm PHQ-9 raise nothing', async () => {
    const p = await makePractice();
    expect(await submitAs(p, 'gad7', gad7Total(21))).toMatchObject({ ok: true, data: { crisis: false } });
    expect(await submitAs(p, 'who5', { q1: 0, q2: 0, q3: 0, q4: 0, q5: 0 })).toMatchObject({ ok: true, data: { crisis: false } });
    expect(await submitAs(p, 'phq9', phq9Total(19))).toMatchObject({ ok: true, data: { crisis: false } });
    expect(await alertsOf(p.id, p.clientA1.clientId)).toHaveLength(0);
  });

  it('when the alert cannot be written, the answers are not saved and the draft is kept', async () => {
    const p = await makePractice();
    actAs(p.clientA1, p.id);
    await saveMeasureDraft(null, { measure: 'phq9', answers: phq9(0, { q9: 2 }) });
    const restore = await failAlertInsertsFor(p.clientA1.clientId);
    try {
      const result = await submitAs(p, 'phq9', phq9(0, { q9: 2 }));
      expect(result).toMatchObject({ ok: false });
    } finally {
      await restore();
    }
    expect(await administrationsOf(p)).toHaveLength(0);
    expect(await alertsOf(p.id, p.clientA1.clientId)).toHaveLength(0);
    const drafts = await asOwner(p.id, (tx) => tx.select().from(measureDrafts).where(eq(measureDrafts.clientId, p.clientA1.clientId)));
    expect(drafts).toHaveLength(1);
  });

  it('reliable deterioration on PHQ-9 and GAD-7 against the first complete administration raises one follow-up each', async () => {
    const p = await makePractice();
    await submitAs(p, 'phq9', phq9Total(5));
    await submitAs(p, 'gad7', gad7Total(3));
    // +5 on PHQ-9 is within chance (threshold 6); +3 on GAD-7 too (threshold 4).
    expect(await submitAs(p, 'phq9', phq9Total(10))).toMatchObject({ ok: true, data: { crisis: false } });
    expect(await submitAs(p, 'gad7', gad7Total(6))).toMatchObject({ ok: true, data: { crisis: false } });
    expect(await alertsOf(p.id, p.clientA1.clientId)).toHaveLength(0);

    const worse = await submitAs(p, 'phq9', phq9Total(11));
    expect(worse).toMatchObject({ ok: true, data: { crisis: true, tier: 'follow_up' } });
    const gadWorse = await submitAs(p, 'gad7', gad7Total(7));
    expect(gadWorse).toMatchObject({ ok: true, data: { crisis: true, tier: 'follow_up' } });
    const raised = await alertsOf(p.id, p.clientA1.clientId);
    expect(raised.map((a) => [a.kind, a.tier, a.sourceType]).sort()).toEqual([
      ['gad7_reliable_deterioration', 'follow_up', 'change'],
      ['phq9_reliable_deterioration', 'follow_up', 'change'],
    ]);

    // Still worse while that alert is open: the same concern, nothing new.
    await submitAs(p, 'phq9', phq9Total(12));
    expect(await alertsOf(p.id, p.clientA1.clientId)).toHaveLength(2);
  });

  it('reads change against the administration the therapist marked as baseline', async () => {
    const p = await makePractice();
    await submitAs(p, 'phq9', phq9Total(2));
    const marked = await submitAs(p, 'phq9', phq9Total(7));
    if (!marked.ok) throw new Error('setup failed');
    await asOwner(p.id, (tx) =>
      tx.update(measureAdministrations).set({ isBaseline: true }).where(eq(measureAdministrations.id, marked.data.administrationId)),
    );
    // 12 is +10 on the first but only +5 on the marked baseline; 13 is +6 on it.
    expect(await submitAs(p, 'phq9', phq9Total(12))).toMatchObject({ ok: true, data: { crisis: false } });
    expect(await alertsOf(p.id, p.clientA1.clientId)).toHaveLength(0);
    expect(await submitAs(p, 'phq9', phq9Total(13))).toMatchObject({ ok: true, data: { crisis: true } });
    expect((await alertsOf(p.id, p.clientA1.clientId)).map((a) => a.kind)).toEqual(['phq9_reliable_deterioration']);
  });
});

describe('my progress', () => {
  it('explains the change since the start in plain words', async () => {
    const p = await makePractice();
    await submitAs(p, 'phq9', phq9Total(15));
    await submitAs(p, 'phq9', phq9Total(12));
    await submitAs(p, 'phq9', phq9Total(8));
    await submitAs(p, 'gad7', gad7Total(9));
    await submitAs(p, 'who5', { q1: 1 });
    const progress = await myProgress((await actorFor(p.clientA1, p.id))!);
    const phq = progress.find((m) => m.measure === 'phq9');
    expect(phq?.summary).toBe('Your PHQ-9 has dropped 7 points since you started: that is a reliable improvement.');
    expect(phq?.points.map((pt) => pt.score)).toEqual([15, 12, 8]);
    expect(phq?.latest).toMatchObject({ score: 8, bandLabel: 'Mild' });
    expect(progress.find((m) => m.measure === 'gad7')?.summary).toMatch(/once so far/);
    // An incomplete WHO-5 is never scored, so it has no trend.
    expect(progress.find((m) => m.measure === 'who5')).toBeUndefined();
  });

  it("shows nothing of another client's scores", async () => {
    const p = await makePractice();
    actAs(p.clientA2, p.id);
    await submitMeasure(null, { measure: 'phq9', submissionKey: newKey(), answers: phq9Total(9) });
    expect(await myProgress((await actorFor(p.clientA1, p.id))!)).toEqual([]);
  });
});
