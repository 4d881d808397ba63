import 'server-only';
import { and, asc, eq, gte, inArray } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { memberships, submissionComments, submissions, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/types';
import { formatInstant } from '@/lib/time/format';
import { templateTitles } from './templates';

/* What the portal's, the review's and the trends' queries share: comments, titles, the "sent" filter. */

export type SubmissionStatus = 'draft' | 'submitted' | 'revision_requested' | 'reviewed';

export type CommentView = {
  id: string;
  version: number;
  fieldPath: string | null;
  body: string;
  visibility: 'client' | 'private';
  author: string;
  createdAt: string;
  /** The date as the practice's calendar reads it, formatted here so the browser's zone never shifts it. */
  dateLabel: string;
};

export async function commentsFor(tx: Tx, actor: Actor, submissionIds: string[], audience: 'client' | 'care_team'): Promise<(CommentView & { submissionId: string })[]> {
  if (!submissionIds.length) return [];
  const rows = await tx
    .select({
      id: submissionComments.id,
      submissionId: submissionComments.submissionId,
      version: submissionComments.version,
      fieldPath: submissionComments.fieldPath,
      body: submissionComments.body,
      visibility: submissionComments.visibility,
      author: users.name,
      createdAt: submissionComments.createdAt,
    })
    .from(submissionComments)
    .innerJoin(
      memberships,
      and(eq(memberships.practiceId, submissionComments.practiceId), eq(memberships.id, submissionComments.authorMembershipId)),
    )
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(submissionComments.practiceId, actor.practiceId),
        inArray(submissionComments.submissionId, submissionIds),
        // The client's queries never select private notes, so they cannot leak through any page.
        audience === 'client' ? eq(submissionComments.visibility, 'client') : undefined,
      ),
    )
    .orderBy(asc(submissionComments.createdAt));
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), dateLabel: formatInstant(r.createdAt, actor.practice.timeZone) }));
}

/** Comments grouped by the field path they are anchored to; '' holds comments on the whole submission. */
export function commentsByPath(comments: readonly CommentView[]): Record<string, CommentView[]> {
  // Grouped in a Map (a path may be any text a form posted), then handed over as a plain object:
  // client components receive only plain objects.
  const byPath = new Map<string, CommentView[]>();
  for (const c of comments) {
    const path = c.fieldPath ?? '';
    byPath.set(path, [...(byPath.get(path) ?? []), c]);
  }
  return Object.fromEntries(byPath);
}

type HomeworkTemplateRef = { templateKey: string; submissionVersion: number | null; assignmentVersion: number | null };

/** Titles for homework rows: work already begun keeps the template version it began with, the rest the assignment's. */
export async function homeworkTitles(tx: Tx, actor: Actor, rows: readonly HomeworkTemplateRef[]): Promise<(row: HomeworkTemplateRef) => string> {
  const title = await templateTitles(
    tx,
    actor,
    rows.map((r) => ({ key: r.templateKey, version: r.submissionVersion ?? r.assignmentVersion })),
  );
  return (r) => title(r.templateKey, r.submissionVersion ?? r.assignmentVersion);
}

/** One client's sent submissions: a draft that was never sent has current_version 0. */
export function sentSubmissionsOf(practiceId: string, clientId: string) {
  return and(eq(submissions.practiceId, practiceId), eq(submissions.clientId, clientId), gte(submissions.currentVersion, 1));
}

export function stripSubmissionId(c: CommentView & { submissionId?: string }): CommentView {
  const { submissionId: _ignored, ...rest } = c;
  return rest;
}
