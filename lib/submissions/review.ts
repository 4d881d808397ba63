import 'server-only';
import { and, asc, desc, eq, gte, lte, notInArray } from 'drizzle-orm';
import {
  assignmentOutlines,
  assignments,
  clients,
  occurrenceStatuses,
  submissionStatuses,
  submissions,
  submissionVersions,
  type OccurrenceStatus,
} from '@/db/schema';
import { assertCan } from '@/lib/access/guard';
import { canReadClinical, withActor } from '@/lib/access/scope';
import type { Actor } from '@/lib/auth/types';
import { displayName } from '@/lib/clients/queries';
import { diffSubmissions, type AnswerChange, type ExerciseTemplate } from '@/lib/exercises';
import { isUuid } from '@/lib/access/ids';
import { localDay } from '@/lib/time/day';
import { recordRead } from '@/lib/audit/record';
import { assignedTemplate } from './templates';
import { type CommentView, type SubmissionStatus, commentsFor, homeworkTitles, stripSubmissionId } from './shared';

// The care team's side: one submission with its versions, and a client's homework list (the inbox is inbox.ts).

export type ReviewView = {
  submissionId: string;
  clientId: string;
  clientName: string;
  template: ExerciseTemplate;
  instructions: string | null;
  status: SubmissionStatus;
  currentVersion: number;
  submittedAt: string | null;
  reviewedAt: string | null;
  versions: { version: number; answers: Record<string, unknown>; submittedAt: string }[];
  /** Every comment, private notes included (the care team's view). */
  comments: CommentView[];
};

/** One submission with all its versions and comments, for the care team; null otherwise (indistinguishable). */
export async function getSubmissionForReview(actor: Actor, submissionId: string): Promise<ReviewView | { unavailable: string } | null> {
  assertCan(actor, 'submission.review');
  if (!isUuid(submissionId)) return null;
  return withActor(actor, async (tx) => {
    const [row] = await tx
      .select({ submission: submissions, instructions: assignments.instructions, client: clients })
      .from(submissions)
      .innerJoin(assignments, and(eq(assignments.practiceId, submissions.practiceId), eq(assignments.id, submissions.assignmentId)))
      .innerJoin(clients, and(eq(clients.practiceId, submissions.practiceId), eq(clients.id, submissions.clientId)))
      .where(and(eq(submissions.practiceId, actor.practiceId), eq(submissions.id, submissionId), gte(submissions.currentVersion, 1)));
    if (!row || !canReadClinical(actor, row.submission.clientId)) return null;
    const s = row.submission;
    const resolved = await assignedTemplate(tx, actor, s.templateKey, s.templateVersion);
    if (!resolved.ok) return { unavailable: resolved.message };
    const versions = await tx
      .select({ version: submissionVersions.version, answers: submissionVersions.answers, submittedAt: submissionVersions.submittedAt })
      .from(submissionVersions)
      .where(and(eq(submissionVersions.practiceId, actor.practiceId), eq(submissionVersions.submissionId, s.id)))
      .orderBy(asc(submissionVersions.version));
    const comments = (await commentsFor(tx, actor, [s.id], 'care_team')).map(stripSubmissionId);
    await recordRead(tx, actor, {
      action: 'submission.view',
      entityType: 'submission',
      entityId: s.id,
      clientId: s.clientId,
      meta: { templateKey: s.templateKey, versions: versions.length, currentVersion: s.currentVersion },
    });
    return {
      submissionId: s.id,
      clientId: s.clientId,
      clientName: displayName(row.client),
      template: resolved.template,
      instructions: row.instructions,
      status: s.status,
      currentVersion: s.currentVersion,
      submittedAt: s.submittedAt?.toISOString() ?? null,
      reviewedAt: s.reviewedAt?.toISOString() ?? null,
      versions: versions.map((v) => ({ ...v, submittedAt: v.submittedAt.toISOString() })),
      comments,
    };
  });
}

/** What changed from one version to another of a submission, in form order. */
export function changesBetween(view: ReviewView, from: number, to: number): AnswerChange[] {
  const a = view.versions.find((v) => v.version === from);
  const b = view.versions.find((v) => v.version === to);
  return diffSubmissions(view.template, a?.answers, b?.answers);
}

export type ClientSubmissionRow = {
  occurrenceId: string;
  submissionId: string | null;
  title: string;
  localDate: string;
  occurrenceStatus: OccurrenceStatus;
  submissionStatus: SubmissionStatus | null;
  version: number;
  submittedAt: string | null;
};

/**
 * A client's homework on their record page: what was assigned and whether it was sent. Metadata only, so an
 * admin off the care team sees the same list without any answer; answers open only in the review page.
 */
export async function clientSubmissionList(actor: Actor, clientId: string, now = new Date(), limit = 30): Promise<ClientSubmissionRow[] | null> {
  assertCan(actor, 'client.viewRecord');
  if (!isUuid(clientId)) return null;
  const today = localDay(now, actor.practice.timeZone);
  return withActor(actor, async (tx) => {
    const [client] = await tx
      .select({ id: clients.id })
      .from(clients)
      .where(and(eq(clients.practiceId, actor.practiceId), eq(clients.id, clientId)));
    if (!client) return null;
    if (actor.role !== 'admin' && !canReadClinical(actor, clientId)) return null;
    // Metadata only, for the care team and an admin off it alike: read from the metadata views, since
    // row-level security shows an admin the homework tables' rows of their own care team only.
    const o = occurrenceStatuses;
    const a = assignmentOutlines;
    const sub = submissionStatuses;
    const rows = await tx
      .select({
        occurrenceId: o.id,
        localDate: o.localDate,
        occurrenceStatus: o.status,
        templateKey: a.templateKey,
        assignmentVersion: a.templateVersion,
        submissionId: sub.id,
        submissionStatus: sub.status,
        submissionVersion: sub.templateVersion,
        version: sub.currentVersion,
        submittedAt: sub.submittedAt,
      })
      .from(o)
      .innerJoin(a, and(eq(a.practiceId, o.practiceId), eq(a.id, o.assignmentId)))
      .leftJoin(sub, and(eq(sub.practiceId, o.practiceId), eq(sub.occurrenceId, o.id)))
      .where(
        and(
          eq(o.practiceId, actor.practiceId),
          eq(o.clientId, clientId),
          eq(a.kind, 'exercise'),
          notInArray(o.status, ['cancelled']),
          lte(o.localDate, today),
        ),
      )
      .orderBy(desc(o.localDate), desc(o.dueAt))
      .limit(limit);
    const title = await homeworkTitles(tx, actor, rows);
    return rows.map((r) => ({
      occurrenceId: r.occurrenceId,
      submissionId: r.version && r.version > 0 ? r.submissionId : null,
      title: title(r),
      localDate: r.localDate,
      occurrenceStatus: r.occurrenceStatus,
      submissionStatus: r.version && r.version > 0 ? r.submissionStatus : null,
      version: r.version ?? 0,
      submittedAt: r.submittedAt?.toISOString() ?? null,
    }));
  });
}
