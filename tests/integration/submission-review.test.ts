import { eq } from 'drizzle-orm';
import { assert, describe, expect, it } from 'vitest';
import { ownerScoped } from '../../db/seed/factories';
import { submissionComments } from '../../db/schema';
import {
  commentOnField,
  markReviewed,
  requestRevision,
  saveDraft,
  submitExercise,
} from '../../lib/submissions/actions';
import {
  changesBetween,
  clientHistory,
  clientHomework,
  clientSubmissionList,
  getCompletionView,
  getSubmissionForReview,
  thoughtRecordTrend,
} from '../../lib/submissions/queries';
import { listInbox, parseInboxFilters } from '../../lib/submissions/inbox';
import type { Actor } from '../../lib/auth/types';
import { actAs, actorFor, makePractice, owner } from '../support/factories';
import { fullThoughtRecord, rowsFor, submitted } from '../support/submissions';

/** The inbox as the page opens it: no filters, first page. */
const inbox = async (actor: Actor) => (await listInbox(actor, parseInboxFilters({}))).items;

describe('the review loop', () => {
  it('anchors comments to real fields only, and only the care team may comment', async () => {
    const p = await makePractice();
    const { submissionId } = await submitted(p);
    actAs(p.therapist, p.id);
    expect((await commentOnField(null, { submissionId, fieldPath: 'evidence_against', body: 'Look again at this.' })).ok).toBe(true);
    expect((await commentOnField(null, { submissionId, fieldPath: 'emotions.1.intensity', body: 'Strong!' })).ok).toBe(true);
    const bad = await commentOnField(null, { submissionId, fieldPath: 'evidence_sideways', body: 'Nope' });
    expect(bad.ok).toBe(false);
    assert(!bad.ok);
    expect(bad.fieldErrors.fieldPath).toBeDefined();
    expect((await commentOnField(null, { submissionId, fieldPath: 'emotions.99.intensity', body: 'Nope' })).ok).toBe(false);
    const empty = await commentOnField(null, { submissionId, fieldPath: 'evidence_against', body: '   ' });
    expect(empty.ok).toBe(false);

    actAs(p.otherTherapist, p.id);
    expect((await commentOnField(null, { submissionId, fieldPath: 'evidence_against', body: 'Not my client' })).ok).toBe(false);

    const db = await owner();
    const stored = await ownerScoped(db, p.id, (tx) =>
      tx.select().from(submissionComments).where(eq(submissionComments.submissionId, submissionId)),
    );
    expect(stored.map((c) => c.fieldPath).sort()).toEqual(['emotions.1.intensity', 'evidence_against']);
  });

  it("a private note never reaches the client's queries", async () => {
    const p = await makePractice();
    const { occurrenceId, submissionId } = await submitted(p);
    actAs(p.therapist, p.id);
    await commentOnField(null, { submissionId, fieldPath: 'evidence_against', body: 'Visible to the client.', visibility: 'client' });
    await commentOnField(null, { submissionId, fieldPath: 'evidence_against', body: 'PRIVATE: possible schema work.', visibility: 'private' });
    await commentOnField(null, { submissionId, body: 'PRIVATE general note.', visibility: 'private' });

    const client = (await actorFor(p.clientA1, p.id))!;
    const view = await getCompletionView(client, occurrenceId);
    const history = await clientHistory(client);
    const seen = JSON.stringify([view, history]);
    expect(seen).toContain('Visible to the client.');
    expect(seen).not.toContain('PRIVATE');

    const review = await getSubmissionForReview((await actorFor(p.therapist, p.id))!, submissionId);
    if (!review || 'unavailable' in review) throw new Error('no review');
    expect(review.comments.filter((c) => c.visibility === 'private')).toHaveLength(2);
  });

  it('revise: version 2 is kept alongside version 1, the change is visible, and reviewed is final', async () => {
    const p = await makePractice();
    const { occurrenceId, submissionId } = await submitted(p);
    actAs(p.therapist, p.id);
    await commentOnField(null, { submissionId, fieldPath: 'evidence_against', body: 'What else happened that week?' });
    const asked = await requestRevision(null, { submissionId, message: 'Have another look at the evidence.' });
    expect(asked.ok).toBe(true);

    const client = (await actorFor(p.clientA1, p.id))!;
    const homework = await clientHomework(client, new Date('2025-01-06T15:00:00Z'));
    expect(homework.revisions.map((i) => i.occurrenceId)).toEqual([occurrenceId]);
    const view = await getCompletionView(client, occurrenceId);
    if (view?.kind !== 'ok') throw new Error('no view');
    expect(view.editable).toBe(true);
    expect(view.initialAnswers).toEqual(fullThoughtRecord);
    expect(view.comments.find((c) => c.fieldPath === 'evidence_against')?.body).toBe('What else happened that week?');

    actAs(p.clientA1, p.id);
    const revised = { ...fullThoughtRecord, evidence_against: 'She replied quickly last week, and invited me on Friday.' };
    expect((await saveDraft(null, { occurrenceId, templateVersion: 1, answers: revised })).ok).toBe(true);
    const second = await submitExercise(null, { occurrenceId, templateVersion: 1, answers: revised });
    expect(second.ok).toBe(true);
    assert(second.ok);
    expect(second.data.version).toBe(2);

    const therapist = (await actorFor(p.therapist, p.id))!;
    const review = await getSubmissionForReview(therapist, submissionId);
    if (!review || 'unavailable' in review) throw new Error('no review');
    expect(review.versions.map((v) => v.version)).toEqual([1, 2]);
    expect(review.versions[0]!.answers.evidence_against).toBe('She replied quickly last week.');
    expect(changesBetween(review, 1, 2)).toEqual([
      expect.objectContaining({ kind: 'changed', path: 'evidence_against', after: revised.evidence_against }),
    ]);
    expect((await inbox(therapist)).find((i) => i.submissionId === submissionId)?.unreviewed).toBe(true);

    actAs(p.therapist, p.id);
    expect((await markReviewed(null, { submissionId })).ok).toBe(true);
    const rows = await rowsFor(p.id, occurrenceId);
    expect(rows.submission?.status).toBe('reviewed');
    expect(rows.occurrence.status).toBe('reviewed');
    expect((await inbox(therapist)).find((i) => i.submissionId === submissionId)?.unreviewed).toBe(false);

    actAs(p.clientA1, p.id);
    const late = await submitExercise(null, { occurrenceId, templateVersion: 1, answers: revised });
    expect(late.ok).toBe(false);
    expect((await rowsFor(p.id, occurrenceId)).versions).toHaveLength(2);

    const trend = await thoughtRecordTrend(therapist, p.clientA1.clientId);
    expect(trend?.map((t) => [t.meanBefore, t.meanAfter])).toEqual([[60, 35]]);
  });

  it("an admin sees that homework was submitted, never what it says; another therapist sees nothing", async () => {
    const p = await makePractice();
    const { submissionId } = await submitted(p);
    const admin = (await actorFor(p.admin, p.id))!;
    await expect(getSubmissionForReview(admin, submissionId)).rejects.toThrow(/forbidden/);
    await expect(inbox(admin)).rejects.toThrow(/forbidden/);
    await expect(thoughtRecordTrend(admin, p.clientA1.clientId)).rejects.toThrow(/forbidden/);
    const list = await clientSubmissionList(admin, p.clientA1.clientId);
    expect(list?.map((r) => r.submissionStatus)).toEqual(['submitted']);
    expect(JSON.stringify(list)).not.toContain('She replied');
    actAs(p.admin, p.id);
    expect((await commentOnField(null, { submissionId, fieldPath: 'evidence_against', body: 'Hi' })).ok).toBe(false);
    expect((await markReviewed(null, { submissionId })).ok).toBe(false);

    const other = (await actorFor(p.otherTherapist, p.id))!;
    expect(await getSubmissionForReview(other, submissionId)).toBeNull();
    expect(await inbox(other)).toEqual([]);
    expect(await clientSubmissionList(other, p.clientA1.clientId)).toBeNull();
    actAs(p.otherTherapist, p.id);
    expect((await requestRevision(null, { submissionId })).ok).toBe(false);
  });
});
