'use server';

import { and, eq } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { assignmentOccurrences, assignments, submissionComments, submissions, submissionVersions } from '@/db/schema';
import { defineAction } from '@/lib/access/action';
import { startsSitting } from '@/lib/audit/sitting';
import { ActionRefusal, NotFoundRefusal } from '@/lib/access/errors';
import { assertClinicalAccess } from '@/lib/access/scope';
import { raiseAlerts } from '@/lib/alerts/raise';
import { alertsForSafePlacePractice, type AlertDraft } from '@/lib/alerts/triggers';
import { assignmentOfOccurrence } from '@/lib/assignments/joins';
import { answersFromForm } from '@/lib/exercises/form-answers';
import { SET_ASIDE_STATUS } from '@/lib/assignments/standing';
import type { Actor } from '@/lib/auth/types';
import { formatInstant, TIME } from '@/lib/time/format';
import {
  draftSchemaFor,
  exerciseAlerts,
  fieldErrors,
  resolveFieldPath,
  SAFE_PLACE_KEY,
  schemaFor,
  type ExerciseTemplate,
} from '@/lib/exercises';
import { commentInput, markReviewedInput, requestRevisionInput, saveDraftInput, submitExerciseInput } from './input';
import { assignedTemplate } from './templates';

const CANCELLED = 'Your therapist cancelled this homework, so it can no longer be changed.';
const ALREADY_SENT = 'You have already sent this. Your therapist will look at it, and may ask you to revise it.';
const SET_ASIDE = 'You set this one aside, so it is no longer waiting for you. The next one is a fresh start.';
const FINAL = 'Your therapist has already reviewed this, so it can no longer be changed.';

type Loaded = {
  occurrence: typeof assignmentOccurrences.$inferSelect;
  assignment: typeof assignments.$inferSelect;
  submission: typeof submissions.$inferSelect | undefined;
  template: ExerciseTemplate;
};

/**
 * The client's own occurrence, locked for the rest of the transaction so two tabs cannot both write
 * version n+1. Never trusts the form beyond the id: scoped by practice AND the actor's own client record.
 */
async function loadForClient(tx: Tx, actor: Actor, occurrenceId: string, sentVersion: number | undefined): Promise<Loaded> {
  const clientId = actor.clientId;
  if (!clientId) throw new NotFoundRefusal();
  const [row] = await tx
    .select({ occurrence: assignmentOccurrences, assignment: assignments })
    .from(assignmentOccurrences)
    .innerJoin(assignments, assignmentOfOccurrence)
    .where(
      and(
        eq(assignmentOccurrences.practiceId, actor.practiceId),
        eq(assignmentOccurrences.id, occurrenceId),
        eq(assignmentOccurrences.clientId, clientId),
      ),
    )
    .for('update', { of: assignmentOccurrences });
  if (!row || row.assignment.kind !== 'exercise') throw new NotFoundRefusal();
  if (row.occurrence.status === 'cancelled' || row.assignment.status === 'cancelled') throw new ActionRefusal(CANCELLED);
  if (row.occurrence.status === SET_ASIDE_STATUS) throw new ActionRefusal(SET_ASIDE);

  const [submission] = await tx
    .select()
    .from(submissions)
    .where(and(eq(submissions.practiceId, actor.practiceId), eq(submissions.occurrenceId, occurrenceId)));
  if (submission?.status === 'reviewed' || row.occurrence.status === 'reviewed') throw new ActionRefusal(FINAL);
  if (submission?.status === 'submitted') throw new ActionRefusal(ALREADY_SENT);

  // Work already begun stays on the version it began with; a new start takes the assignment's version.
  const version = submission?.templateVersion ?? row.assignment.templateVersion;
  const resolved = await assignedTemplate(tx, actor, row.assignment.templateKey, version);
  if (!resolved.ok) {
    throw new ActionRefusal(`This exercise can no longer be opened (${resolved.message}). Please ask your therapist to assign it again.`);
  }
  if (sentVersion !== undefined && sentVersion !== resolved.template.version) {
    throw new ActionRefusal(
      `This page shows version ${sentVersion} of the exercise, but your homework uses version ${resolved.template.version}. ` +
        'Reload the page to continue — everything you have saved is kept.',
    );
  }
  return { occurrence: row.occurrence, assignment: row.assignment, submission, template: resolved.template };
}

/** The first row for an occurrence, or the existing one; the unique (practice, occurrence) key makes this idempotent. */
async function ensureSubmission(tx: Tx, actor: Actor, loaded: Loaded): Promise<typeof submissions.$inferSelect> {
  if (loaded.submission) return loaded.submission;
  const [created] = await tx
    .insert(submissions)
    .values({
      practiceId: actor.practiceId,
      occurrenceId: loaded.occurrence.id,
      assignmentId: loaded.assignment.id,
      clientId: loaded.occurrence.clientId,
      templateKey: loaded.template.key,
      templateVersion: loaded.template.version,
      status: 'draft',
    })
    .returning();
  if (!created) throw new Error('submission insert returned nothing');
  return created;
}

export const saveDraft = defineAction({
  name: 'submission.saveDraft',
  permission: 'submission.write',
  input: saveDraftInput,
  run: async ({ actor, input, tx, audit, skipAudit }) => {
    const loaded = await loadForClient(tx, actor, input.occurrenceId, input.templateVersion);
    const parsed = draftSchemaFor(loaded.template).safeParse(input.answers);
    if (!parsed.success) {
      throw new ActionRefusal('Your latest changes were not saved yet: please fix the highlighted answers.', fieldErrors(parsed));
    }
    const submission = await ensureSubmission(tx, actor, loaded);
    const savedAt = new Date();
    await tx
      .update(submissions)
      .set({ draftAnswers: parsed.data, draftSavedAt: savedAt })
      .where(and(eq(submissions.practiceId, actor.practiceId), eq(submissions.id, submission.id)));
    if (loaded.occurrence.status === 'due' || loaded.occurrence.status === 'missed') {
      await tx
        .update(assignmentOccurrences)
        .set({ status: 'in_progress', updatedAt: savedAt })
        .where(and(eq(assignmentOccurrences.practiceId, actor.practiceId), eq(assignmentOccurrences.id, loaded.occurrence.id)));
    }
    // One audit row per sitting, not per autosave.
    if (startsSitting(loaded.submission?.draftSavedAt, savedAt)) {
      audit({ action: 'submission.draftStarted', entityType: 'submission', entityId: submission.id, clientId: loaded.occurrence.clientId, meta: { occurrenceId: loaded.occurrence.id } });
    } else {
      skipAudit();
    }
    // The time as the practice's clock shows it, for the page's "Draft saved at …" (no date formatting in the browser).
    return { submissionId: submission.id, savedAt: savedAt.toISOString(), savedAtLabel: formatInstant(savedAt, actor.practice.timeZone, TIME) };
  },
});

/** Safety alerts a submitted answer raises (docs/clinical.md §5.1); only the safe-place practice has one today. */
function alertDraftsFor(template: ExerciseTemplate, answers: Record<string, unknown>): AlertDraft[] {
  const hits = exerciseAlerts(template, answers);
  if (!hits.length) return [];
  if (template.key === SAFE_PLACE_KEY) return alertsForSafePlacePractice({ distressingIntrusion: true });
  return [];
}

export const submitExercise = defineAction({
  name: 'submission.submit',
  permission: 'submission.write',
  input: submitExerciseInput,
  run: async ({ actor, input, tx, audit }) => {
    const loaded = await loadForClient(tx, actor, input.occurrenceId, input.templateVersion);
    const given = input.answers ?? answersFromForm(loaded.template, input.sent ?? {});
    const parsed = schemaFor(loaded.template).safeParse(given);
    if (!parsed.success) throw new ActionRefusal('Please check the highlighted answers.', fieldErrors(parsed));
    const answers = parsed.data as Record<string, unknown>;
    const submission = await ensureSubmission(tx, actor, loaded);
    const version = submission.currentVersion + 1;
    const now = new Date();
    await tx.insert(submissionVersions).values({
      practiceId: actor.practiceId,
      submissionId: submission.id,
      clientId: submission.clientId,
      version,
      answers,
      submittedAt: now,
    });
    await tx
      .update(submissions)
      .set({ status: 'submitted', currentVersion: version, submittedAt: now, draftAnswers: null, draftSavedAt: null })
      .where(and(eq(submissions.practiceId, actor.practiceId), eq(submissions.id, submission.id)));
    await tx
      .update(assignmentOccurrences)
      .set({ status: 'submitted', updatedAt: now })
      .where(and(eq(assignmentOccurrences.practiceId, actor.practiceId), eq(assignmentOccurrences.id, loaded.occurrence.id)));

    const drafts = alertDraftsFor(loaded.template, answers);
    await raiseAlerts(tx, actor, { clientId: submission.clientId, sourceType: 'submission', sourceId: submission.id, drafts });

    audit({
      entityType: 'submission',
      entityId: submission.id,
      clientId: submission.clientId,
      meta: { occurrenceId: loaded.occurrence.id, version },
    });
    return {
      submissionId: submission.id,
      version,
      // The client sees the crisis panel whenever a trigger matched, even if the alert already existed.
      showCrisisPanel: drafts.length > 0,
      alertReasons: drafts.map((d) => d.reason),
    };
  },
});

/** A submission of a client on the actor's care team, locked for this transaction. */
async function loadForReview(tx: Tx, actor: Actor, submissionId: string) {
  const [submission] = await tx
    .select()
    .from(submissions)
    .where(and(eq(submissions.practiceId, actor.practiceId), eq(submissions.id, submissionId)))
    .for('update');
  if (!submission || submission.currentVersion < 1) throw new NotFoundRefusal();
  assertClinicalAccess(actor, submission.clientId);
  return submission;
}

export const commentOnField = defineAction({
  name: 'submission.comment',
  refresh: true,
  permission: 'submission.review',
  input: commentInput,
  run: async ({ actor, input, tx, audit }) => {
    const submission = await loadForReview(tx, actor, input.submissionId);
    if (input.fieldPath !== null) {
      const resolved = await assignedTemplate(tx, actor, submission.templateKey, submission.templateVersion);
      if (!resolved.ok) throw new ActionRefusal(resolved.message);
      if (!resolveFieldPath(resolved.template, input.fieldPath)) {
        throw new ActionRefusal('Choose an answer of this exercise to comment on.', {
          fieldPath: ['That is not an answer of this exercise.'],
        });
      }
    }
    const [created] = await tx
      .insert(submissionComments)
      .values({
        practiceId: actor.practiceId,
        submissionId: submission.id,
        clientId: submission.clientId,
        version: submission.currentVersion,
        fieldPath: input.fieldPath,
        body: input.body,
        visibility: input.visibility,
        authorMembershipId: actor.membershipId,
      })
      .returning({ id: submissionComments.id });
    audit({
      entityType: 'submission',
      entityId: submission.id,
      clientId: submission.clientId,
      meta: { commentId: created?.id ?? null, visibility: input.visibility, anchored: input.fieldPath !== null },
    });
    return { commentId: created?.id ?? null };
  },
  successMessage: 'Comment saved.',
});

export const requestRevision = defineAction({
  name: 'submission.requestRevision',
  refresh: true,
  permission: 'submission.review',
  input: requestRevisionInput,
  run: async ({ actor, input, tx, audit }) => {
    const submission = await loadForReview(tx, actor, input.submissionId);
    if (submission.status === 'reviewed') throw new ActionRefusal('This submission is already marked reviewed.');
    if (submission.status === 'revision_requested') throw new ActionRefusal('You have already asked for a revision; the client has not resubmitted yet.');
    await tx
      .update(submissions)
      .set({ status: 'revision_requested' })
      .where(and(eq(submissions.practiceId, actor.practiceId), eq(submissions.id, submission.id)));
    if (input.message) {
      await tx.insert(submissionComments).values({
        practiceId: actor.practiceId,
        submissionId: submission.id,
        clientId: submission.clientId,
        version: submission.currentVersion,
        fieldPath: null,
        body: input.message,
        visibility: 'client',
        authorMembershipId: actor.membershipId,
      });
    }
    audit({ entityType: 'submission', entityId: submission.id, clientId: submission.clientId, meta: { version: submission.currentVersion } });
    return { submissionId: submission.id };
  },
  successMessage: 'The client has been asked to revise this. Your comments are shown beside their answers.',
});

export const markReviewed = defineAction({
  name: 'submission.markReviewed',
  refresh: true,
  permission: 'submission.review',
  input: markReviewedInput,
  run: async ({ actor, input, tx, audit }) => {
    const submission = await loadForReview(tx, actor, input.submissionId);
    if (submission.status === 'reviewed') throw new ActionRefusal('This submission is already marked reviewed.');
    const now = new Date();
    await tx
      .update(submissions)
      .set({ status: 'reviewed', reviewedAt: now })
      .where(and(eq(submissions.practiceId, actor.practiceId), eq(submissions.id, submission.id)));
    await tx
      .update(assignmentOccurrences)
      .set({ status: 'reviewed', updatedAt: now })
      .where(and(eq(assignmentOccurrences.practiceId, actor.practiceId), eq(assignmentOccurrences.id, submission.occurrenceId)));
    audit({ entityType: 'submission', entityId: submission.id, clientId: submission.clientId, meta: { version: submission.currentVersion } });
    return { submissionId: submission.id };
  },
  successMessage: 'Marked reviewed.',
});
