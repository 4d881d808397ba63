import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { measureDrafts, submissions } from '../../db/schema';
import { saveMeasureDraft } from '../../lib/measures/actions';
import { saveDraft } from '../../lib/submissions/actions';
import { asOwner, assignThoughtRecord, auditOf } from '../support/clinical';
import { actAs, makePractice } from '../support/factories';

const draft = { situation_what: 'A friend did not answer my message.', emotions: [{ name: 'hurt', intensity: 70 }] };

describe('draft saves on the audit trail: one row per sitting', () => {
  it('homework autosaves write one "started" row, and a save after a 30-minute pause starts a new sitting', async () => {
    const p = await makePractice();
    const occurrenceId = await assignThoughtRecord(p.id, p.clientA1.clientId, p.therapist.membershipId);
    actAs(p.clientA1, p.id);
    for (let i = 0; i < 4; i++) expect((await saveDraft(null, { occurrenceId, templateVersion: 1, answers: draft })).ok).toBe(true);
    const first = await auditOf(p.id, 'submission.draftStarted');
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ actorUserId: p.clientA1.userId, clientId: p.clientA1.clientId, entityType: 'submission', meta: { occurrenceId } });
    expect(await auditOf(p.id, 'submission.saveDraft')).toHaveLength(0);

    // The client comes back after 31 minutes: a new sitting.
    await asOwner(p.id, (tx) =>
      tx
        .update(submissions)
        .set({ draftSavedAt: sql`draft_saved_at - interval '31 minutes'` })
        .where(and(eq(submissions.practiceId, p.id), eq(submissions.occurrenceId, occurrenceId))),
    );
    expect((await saveDraft(null, { occurrenceId, templateVersion: 1, answers: draft })).ok).toBe(true);
    expect((await saveDraft(null, { occurrenceId, templateVersion: 1, answers: draft })).ok).toBe(true);
    expect(await auditOf(p.id, 'submission.draftStarted')).toHaveLength(2);
  });

  it('a refused draft save writes no row', async () => {
    const p = await makePractice();
    const occurrenceId = await assignThoughtRecord(p.id, p.clientA1.clientId, p.therapist.membershipId);
    actAs(p.clientA1, p.id);
    const bad = await saveDraft(null, { occurrenceId, templateVersion: 1, answers: { emotions: [{ name: 'hurt', intensity: 150 }] } });
    expect(bad.ok).toBe(false);
    expect(await auditOf(p.id, 'submission.draftStarted')).toHaveLength(0);
  });

  it('a PHQ-9 answered item by item writes one row per sitting, per measure', async () => {
    const p = await makePractice();
    actAs(p.clientA1, p.id);
    const answers: Record<string, number> = {};
    for (let i = 1; i <= 9; i++) {
      answers[`q${i}`] = 1;
      expect((await saveMeasureDraft(null, { measure: 'phq9', answers })).ok).toBe(true);
    }
    expect(await auditOf(p.id, 'measure.draftStarted')).toHaveLength(1);
    expect(await auditOf(p.id, 'measure.draftSave')).toHaveLength(0);
    // Another measure is another item.
    expect((await saveMeasureDraft(null, { measure: 'gad7', answers: { q1: 2 } })).ok).toBe(true);
    expect(await auditOf(p.id, 'measure.draftStarted')).toHaveLength(2);
    await asOwner(p.id, (tx) =>
      tx.update(measureDrafts).set({ updatedAt: sql`updated_at - interval '31 minutes'` }).where(eq(measureDrafts.practiceId, p.id)),
    );
    expect((await saveMeasureDraft(null, { measure: 'phq9', answers })).ok).toBe(true);
    const rows = await auditOf(p.id, 'measure.draftStarted');
    expect(rows).toHaveLength(3);
    expect(rows.map((r) => r.meta)).toEqual(expect.arrayContaining([{ measure: 'phq9', answered: 9 }]));
  });
});
