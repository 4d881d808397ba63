'use server';

import { and, asc, desc, eq, inArray, lte, ne } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { alerts, assignmentOccurrences, assignments, measureAdministrations, measureDrafts } from '@/db/schema';
import { defineAction } from '@/lib/access/action';
import { startsSitting } from '@/lib/audit/sitting';
import { ActionRefusal, MESSAGES, NotFoundRefusal } from '@/lib/access/errors';
import { openAlertKinds, raiseAlerts } from '@/lib/alerts/raise';
import { type AlertDraft, type AlertTier, alertsForChange, alertsForPhq9, highestTier, withoutOpenKinds } from '@/lib/alerts/triggers';
import { assignmentOfOccurrence } from '@/lib/assignments/joins';
import type { Actor } from '@/lib/auth/types';
import { checkAnswers, measureDraftInput, measureSubmissionInput } from './input';
import { completedFor } from './queries';
import { administrationScoreFields, scoreMeasure } from './scoring';
import type { MeasureKey } from './types';
import { localDay } from '@/lib/time/day';

function ownClient(actor: Actor): string {
  if (!actor.clientId) throw new ActionRefusal('Only a client can fill in a measure, for themselves.');
  return actor.clientId;
}

/** Keeps the answers given so far, so leaving the page and coming back loses nothing. */
export const saveMeasureDraft = defineAction({
  name: 'measure.draftSave',
  permission: 'measure.submit',
  input: measureDraftInput,
  run: async ({ actor, input, tx, audit, skipAudit }) => {
    const clientId = ownClient(actor);
    const checked = checkAnswers(input.measure, input.answers);
    if (!checked.ok) throw new ActionRefusal(MESSAGES.invalid, checked.fieldErrors);
    const now = new Date();
    const [previous] = await tx
      .select({ updatedAt: measureDrafts.updatedAt })
      .from(measureDrafts)
      .where(and(eq(measureDrafts.practiceId, actor.practiceId), eq(measureDrafts.clientId, clientId), eq(measureDrafts.measure, input.measure)));
    await tx
      .insert(measureDrafts)
      .values({ practiceId: actor.practiceId, clientId, measure: input.measure, answers: checked.answers, updatedAt: now })
      .onConflictDoUpdate({
        target: [measureDrafts.practiceId, measureDrafts.clientId, measureDrafts.measure],
        set: { answers: checked.answers, updatedAt: now },
      });
    const answered = Object.values(checked.answers).filter((v) => v !== null).length;
    // One audit row per sitting, not per autosave.
    if (startsSitting(previous?.updatedAt, now)) {
      audit({ action: 'measure.draftStarted', entityType: 'measure_draft', entityId: input.measure, clientId, meta: { measure: input.measure, answered } });
    } else {
      skipAudit();
    }
    return { savedAt: now.toISOString() };
  },
});

export type MeasureSubmissionResult = {
  administrationId: string;
  measure: MeasureKey;
  status: 'complete' | 'incomplete';
  score: number | null;
  band: string | null;
  /** True when this key had already been submitted: the earlier record is returned, nothing new is written. */
  alreadySubmitted: boolean;
  /** Show the crisis panel at once: a docs/clinical.md §5.1 trigger matched (§5.2). */
  crisis: boolean;
  tier: AlertTier | null;
};

/** The earliest open occurrence of a measure assignment for this client that has come due. */
async function dueOccurrence(tx: Tx, practiceId: string, clientId: string, measure: MeasureKey, today: string) {
  const [row] = await tx
    .select({ id: assignmentOccurrences.id })
    .from(assignmentOccurrences)
    .innerJoin(assignments, assignmentOfOccurrence)
    .where(
      and(
        eq(assignmentOccurrences.practiceId, practiceId),
        eq(assignmentOccurrences.clientId, clientId),
        eq(assignments.clientId, clientId),
        eq(assignments.kind, 'measure'),
        eq(assignments.templateKey, measure),
        eq(assignments.status, 'active'),
        inArray(assignmentOccurrences.status, ['due', 'in_progress']),
        lte(assignmentOccurrences.localDate, today),
      ),
    )
    .orderBy(asc(assignmentOccurrences.dueAt))
    .limit(1)
    .for('update', { of: assignmentOccurrences });
  return row?.id ?? null;
}

/** The score every later one is read against: the one marked as baseline, else the first complete one. */
async function baselineScore(tx: Tx, practiceId: string, clientId: string, measure: MeasureKey, excludeId: string) {
  const [row] = await tx
    .select({ score: measureAdministrations.score })
    .from(measureAdministrations)
    .where(
      and(completedFor(practiceId, clientId), eq(measureAdministrations.measure, measure), ne(measureAdministrations.id, excludeId)),
    )
    .orderBy(desc(measureAdministrations.isBaseline), asc(measureAdministrations.completedAt))
    .limit(1);
  return row?.score ?? null;
}

async function existingSubmission(tx: Tx, actor: Actor, clientId: string, submissionKey: string): Promise<MeasureSubmissionResult | null> {
  const [row] = await tx
    .select()
    .from(measureAdministrations)
    .where(and(eq(measureAdministrations.practiceId, actor.practiceId), eq(measureAdministrations.submissionKey, submissionKey)))
    .limit(1);
  if (!row) return null;
  // A key is unguessable; one belonging to someone else is treated like any record that is not theirs.
  if (row.clientId !== clientId) throw new NotFoundRefusal();
  const raised = await tx
    .select({ tier: alerts.tier })
    .from(alerts)
    .where(and(eq(alerts.practiceId, actor.practiceId), eq(alerts.clientId, clientId), eq(alerts.sourceId, row.id)));
  return {
    administrationId: row.id,
    measure: row.measure as MeasureKey,
    status: row.status,
    score: row.score,
    band: row.band,
    alreadySubmitted: true,
    crisis: raised.length > 0,
    tier: highestTier(raised),
  };
}

/**
 * One administration of a measure by the client. Validated and scored by lib/measures; a form that cannot be
 * scored is kept as incomplete with no score. The submission key makes a retry, a double click or a second tab
 * return the first record instead of writing another. Linked to a due measure assignment where there is one;
 * the draft is cleared; alerts are raised in the same transaction.
 */
export const submitMeasure = defineAction({
  name: 'measure.submit',
  permission: 'measure.submit',
  input: measureSubmissionInput,
  run: async ({ actor, input, tx, audit }): Promise<MeasureSubmissionResult> => {
    const clientId = ownClient(actor);
    const practiceId = actor.practiceId;
    const key = input.measure;

    const earlier = await existingSubmission(tx, actor, clientId, input.submissionKey);
    if (earlier) {
      audit({ entityType: 'measure_administration', entityId: earlier.administrationId, clientId, meta: { measure: key, repeated: true } });
      return earlier;
    }

    const checked = checkAnswers(key, input.answers);
    if (!checked.ok) throw new ActionRefusal(MESSAGES.invalid, checked.fieldErrors);
    const answers = checked.answers;
    const result = scoreMeasure(key, answers);
    const today = localDay(new Date(), actor.practice.timeZone);
    const occurrenceId = await dueOccurrence(tx, practiceId, clientId, key, today);

    const [inserted] = await tx
      .insert(measureAdministrations)
      .values({
        practiceId,
        clientId,
        measure: key,
        answers,
        ...administrationScoreFields(result),
        occurrenceId,
        submissionKey: input.submissionKey,
      })
      .onConflictDoNothing({ target: [measureAdministrations.practiceId, measureAdministrations.submissionKey] })
      .returning({ id: measureAdministrations.id });
    if (!inserted) {
      // The same key committed by a concurrent request a moment ago: answer with that record.
      // No row to see: the key is someone else's, hidden by row-level security (a key is unguessable).
      const concurrent = await existingSubmission(tx, actor, clientId, input.submissionKey);
      if (!concurrent) throw new NotFoundRefusal();
      return concurrent;
    }
    const administrationId = inserted.id;

    if (occurrenceId) {
      await tx
        .update(assignmentOccurrences)
        .set({ status: 'submitted', updatedAt: new Date() })
        .where(and(eq(assignmentOccurrences.practiceId, practiceId), eq(assignmentOccurrences.id, occurrenceId)));
    }
    await tx
      .delete(measureDrafts)
      .where(and(eq(measureDrafts.practiceId, practiceId), eq(measureDrafts.clientId, clientId), eq(measureDrafts.measure, key)));

    const answerAlerts: AlertDraft[] = key === 'phq9' ? alertsForPhq9(answers, result.complete ? result.score : null) : [];
    let changeAlerts: AlertDraft[] = [];
    if (result.complete && (key === 'phq9' || key === 'gad7')) {
      const baseline = await baselineScore(tx, practiceId, clientId, key, administrationId);
      if (baseline !== null) changeAlerts = alertsForChange(key, baseline, result.score);
    }
    await raiseAlerts(tx, actor, {
      clientId,
      sourceType: 'measure',
      sourceId: administrationId,
      drafts: answerAlerts,
    });
    // Still worse than baseline while the last deterioration alert is unacknowledged: the same concern, not a new one.
    const open = await openAlertKinds(tx, practiceId, clientId, changeAlerts.map((a) => a.kind));
    await raiseAlerts(tx, actor, {
      clientId,
      sourceType: 'change',
      sourceId: administrationId,
      drafts: withoutOpenKinds(changeAlerts, open),
    });

    const triggered = [...answerAlerts, ...changeAlerts];
    audit({
      entityType: 'measure_administration',
      entityId: administrationId,
      clientId,
      meta: {
        measure: key,
        status: result.complete ? 'complete' : 'incomplete',
        occurrenceId,
      },
    });
    return {
      administrationId,
      measure: key,
      status: result.complete ? 'complete' : 'incomplete',
      score: result.complete ? result.score : null,
      band: result.complete ? (result.band?.id ?? null) : null,
      alreadySubmitted: false,
      crisis: triggered.length > 0,
      tier: highestTier(triggered),
    };
  },
});
