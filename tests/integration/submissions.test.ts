import { eq } from 'drizzle-orm';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { assert, describe, expect, it } from 'vitest';
import { ownerScoped } from '../../db/seed/factories';
import { alerts } from '../../db/schema';
import { ExerciseView } from '../../app/_components/exercise-form/exercise-view';
import { saveDraft, submitExercise } from '../../lib/submissions/actions';
import {
  clientHistory,
  clientHomework,
  getCompletionView,
  getSubmissionForReview,
} from '../../lib/submissions/queries';
import { actAs, actorFor, makePractice, owner } from '../support/factories';
import { assign, fullThoughtRecord, partialThoughtRecord, rowsFor, submitted } from '../support/submissions';

describe('drafts', () => {
  it('saves a partial draft on the server and restores it when the page is opened again', async () => {
    const p = await makePractice();
    const { occurrenceId } = await assign(p, p.clientA1);
    actAs(p.clientA1, p.id);
    const result = await saveDraft(null, { occurrenceId, templateVersion: 1, answers: partialThoughtRecord });
    expect(result.ok).toBe(true);

    const view = await getCompletionView((await actorFor(p.clientA1, p.id))!, occurrenceId);
    expect(view?.kind).toBe('ok');
    if (view?.kind !== 'ok') return;
    expect(view.initialAnswers).toEqual(partialThoughtRecord);
    expect(view.editable).toBe(true);
    expect(view.draftSavedAt).not.toBeNull();
    expect(view.instructions).toBe('Try this after a hard moment.');

    const { occurrence, versions } = await rowsFor(p.id, occurrenceId);
    expect(occurrence.status).toBe('in_progress');
    expect(versions).toHaveLength(0);
  });

  it('accepts answers as the JSON text of the form and refuses an out-of-range draft value beside its field', async () => {
    const p = await makePractice();
    const { occurrenceId } = await assign(p, p.clientA1);
    actAs(p.clientA1, p.id);
    const form = new FormData();
    form.append('occurrenceId', occurrenceId);
    form.append('templateVersion', '1');
    form.append('answers', JSON.stringify({ situation_what: 'Typed so far' }));
    expect((await saveDraft(null, form)).ok).toBe(true);

    const bad = await saveDraft(null, { occurrenceId, templateVersion: 1, answers: { emotions: [{ name: 'hurt', intensity: 150 }] } });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.fieldErrors['emotions.0.intensity']?.[0]).toMatch(/0 to 100/);
    const { submission } = await rowsFor(p.id, occurrenceId);
    expect(submission?.draftAnswers).toEqual({ situation_what: 'Typed so far' });
  });

  it('a page drawn with another template version gets a clear message, not a crash', async () => {
    const p = await makePractice();
    const { occurrenceId } = await assign(p, p.clientA1);
    actAs(p.clientA1, p.id);
    const result = await saveDraft(null, { occurrenceId, templateVersion: 2, answers: partialThoughtRecord });
    expect(result.ok).toBe(false);
    assert(!result.ok);
    expect(result.formError).toMatch(/version 2.*version 1.*Reload/);

    const gone = await assign(p, p.clientA1, { templateVersion: 9 });
    const refused = await submitExercise(null, { occurrenceId: gone.occurrenceId, answers: fullThoughtRecord });
    expect(refused.ok).toBe(false);
    assert(!refused.ok);
    expect(refused.formError).toMatch(/can no longer be opened/);
    expect((await rowsFor(p.id, gone.occurrenceId)).submission).toBeUndefined();
  });
});

describe('submitting', () => {
  it('validates the whole exercise and reports each problem beside its field, writing nothing', async () => {
    const p = await makePractice();
    const { occurrenceId } = await assign(p, p.clientA1);
    actAs(p.clientA1, p.id);
    const result = await submitExercise(null, { occurrenceId, templateVersion: 1, answers: { ...fullThoughtRecord, evidence_against: '   ' } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors.evidence_against).toEqual(['This field is required.']);
    const rows = await rowsFor(p.id, occurrenceId);
    expect(rows.submission).toBeUndefined();
    expect(rows.occurrence.status).toBe('due');
  });

  it('creates version 1, marks the occurrence submitted, clears the draft and moves the item to history', async () => {
    const p = await makePractice();
    const { occurrenceId } = await assign(p, p.clientA1);
    actAs(p.clientA1, p.id);
    await saveDraft(null, { occurrenceId, templateVersion: 1, answers: partialThoughtRecord });
    const client = (await actorFor(p.clientA1, p.id))!;
    expect((await clientHomework(client, new Date('2025-01-06T15:00:00Z'))).due.map((i) => i.occurrenceId)).toEqual([occurrenceId]);

    const result = await submitExercise(null, { occurrenceId, templateVersion: 1, answers: fullThoughtRecord });
    expect(result.ok).toBe(true);
    const rows = await rowsFor(p.id, occurrenceId);
    expect(rows.versions.map((v) => v.version)).toEqual([1]);
    expect(rows.submission).toMatchObject({ status: 'submitted', currentVersion: 1, draftAnswers: null });
    expect(rows.occurrence.status).toBe('submitted');

    const homework = await clientHomework(client, new Date('2025-01-06T15:00:00Z'));
    expect(homework.due).toHaveLength(0);
    const history = await clientHistory(client);
    expect(history.map((h) => h.occurrenceId)).toEqual([occurrenceId]);

    const again = await submitExercise(null, { occurrenceId, templateVersion: 1, answers: fullThoughtRecord });
    expect(again.ok).toBe(false);
    expect((await rowsFor(p.id, occurrenceId)).versions).toHaveLength(1);
  });

  it("refuses another client's occurrence, a cancelled one and a reviewed one, with nothing written", async () => {
    const p = await makePractice();
    const mine = await assign(p, p.clientA1);
    const cancelled = await assign(p, p.clientA1, { occurrenceStatus: 'cancelled' });
    const reviewed = await assign(p, p.clientA1, { occurrenceStatus: 'reviewed' });

    actAs(p.clientA2, p.id);
    const foreign = await submitExercise(null, { occurrenceId: mine.occurrenceId, templateVersion: 1, answers: fullThoughtRecord });
    expect(foreign.ok).toBe(false);
    assert(!foreign.ok);
    expect(foreign.formError).toMatch(/not found/);
    const foreignDraft = await saveDraft(null, { occurrenceId: mine.occurrenceId, answers: partialThoughtRecord });
    expect(foreignDraft.ok).toBe(false);

    actAs(p.clientA1, p.id);
    const c = await submitExercise(null, { occurrenceId: cancelled.occurrenceId, templateVersion: 1, answers: fullThoughtRecord });
    expect(c.ok).toBe(false);
    assert(!c.ok);
    expect(c.formError).toMatch(/cancelled/);
    const r = await submitExercise(null, { occurrenceId: reviewed.occurrenceId, templateVersion: 1, answers: fullThoughtRecord });
    expect(r.ok).toBe(false);
    assert(!r.ok);
    expect(r.formError).toMatch(/reviewed/);

    // A therapist is not the client: the permission itself refuses.
    actAs(p.therapist, p.id);
    expect((await submitExercise(null, { occurrenceId: mine.occurrenceId, answers: fullThoughtRecord })).ok).toBe(false);

    for (const { occurrenceId } of [mine, cancelled, reviewed]) {
      const rows = await rowsFor(p.id, occurrenceId);
      expect(rows.submission).toBeUndefined();
      expect(rows.versions).toHaveLength(0);
    }
    expect((await rowsFor(p.id, mine.occurrenceId)).occurrence.status).toBe('due');

    const client = (await actorFor(p.clientA1, p.id))!;
    const homework = await clientHomework(client, new Date('2025-01-06T15:00:00Z'));
    expect(homework.due.map((i) => i.occurrenceId)).toEqual([mine.occurrenceId]);
    expect(await getCompletionView(client, cancelled.occurrenceId)).toEqual({ kind: 'cancelled' });
    expect(await getCompletionView((await actorFor(p.clientA2, p.id))!, mine.occurrenceId)).toBeNull();
  });

  it('stores text that looks like HTML exactly as typed and renders it as text', async () => {
    const p = await makePractice();
    const html = '<script>alert("x")</script><b>bold?</b> & more';
    const { occurrenceId, submissionId } = await submitted(p, { ...fullThoughtRecord, situation_what: html });
    const { versions } = await rowsFor(p.id, occurrenceId);
    expect(versions[0]!.answers.situation_what).toBe(html);

    const review = await getSubmissionForReview((await actorFor(p.therapist, p.id))!, submissionId);
    if (!review || 'unavailable' in review) throw new Error('no review');
    expect(review.versions[0]!.answers.situation_what).toBe(html);
    const markup = renderToStaticMarkup(createElement(ExerciseView, { template: review.template, answers: review.versions[0]!.answers }));
    expect(markup).not.toContain('<script>');
    expect(markup).not.toContain('<b>bold');
    expect(markup).toContain('&lt;script&gt;');
  });

  it('a distressing intrusion in the safe-place practice raises one follow-up alert and asks for the crisis panel', async () => {
    const p = await makePractice();
    const { occurrenceId } = await assign(p, p.clientA1, { templateKey: 'safe_place' });
    actAs(p.clientA1, p.id);
    const result = await submitExercise(null, {
      occurrenceId,
      templateVersion: 1,
      answers: {
        practice_date: '2025-01-06',
        minutes: 10,
        suds_before: 60,
        window_before: 'above',
        cue_word: 'harbour',
        suds_after: 30,
        window_after: 'within',
        intrusion: true,
      },
    });
    expect(result.ok).toBe(true);
    assert(result.ok);
    expect(result.data.showCrisisPanel).toBe(true);
    const db = await owner();
    const raised = await ownerScoped(db, p.id, (tx) => tx.select().from(alerts).where(eq(alerts.practiceId, p.id)));
    expect(raised).toHaveLength(1);
    expect(raised[0]).toMatchObject({ kind: 'safe_place_intrusion', tier: 'follow_up', sourceType: 'submission', clientId: p.clientA1.clientId });
  });
});
