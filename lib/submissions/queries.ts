import 'server-only';
import { and, asc, desc, eq, gte, inArray, lte, ne, notInArray } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import {
  assignmentOccurrences,
  assignmentOutlines,
  assignments,
  careTeam,
  clients,
  memberships,
  occurrenceStatuses,
  practices,
  submissionComments,
  submissionStatuses,
  submissions,
  submissionVersions,
  users,
  type OccurrenceStatus,
} from '@/db/schema';
import { assertCan } from '@/lib/access/guard';
import { canReadClinical, withActor } from '@/lib/access/scope';
import { assignmentOfOccurrence, currentVersionOfSubmission, submissionOfOccurrence } from '@/lib/assignments/joins';
import { journalingAnswersFor } from '@/lib/assignments/prompt-choice';
import type { Actor } from '@/lib/auth/types';
import { displayName } from '@/lib/clients/queries';
import {
  diffSubmissions,
  JOURNALING_PROMPT_KEY,
  thoughtRecordIntensities,
  THOUGHT_RECORD_KEY,
  type AnswerChange,
  type EmotionIntensity,
  type ExerciseTemplate,
} from '@/lib/exercises';
import { assignedTemplate, templateTitles } from './templates';
import { isUuid } from '@/lib/access/ids';
import { addDays, localDay } from '@/lib/time/day';
import { formatInstant } from '@/lib/time/format';
import { recordRead } from '@/lib/audit/record';

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

async function commentsFor(tx: Tx, actor: Actor, submissionIds: string[], audience: 'client' | 'care_team'): Promise<(CommentView & { submissionId: string })[]> {
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
async function homeworkTitles(tx: Tx, actor: Actor, rows: readonly HomeworkTemplateRef[]): Promise<(row: HomeworkTemplateRef) => string> {
  const title = await templateTitles(
    tx,
    actor,
    rows.map((r) => ({ key: r.templateKey, version: r.submissionVersion ?? r.assignmentVersion })),
  );
  return (r) => title(r.templateKey, r.submissionVersion ?? r.assignmentVersion);
}

/** One client's sent submissions: a draft that was never sent has current_version 0. */
function sentSubmissionsOf(practiceId: string, clientId: string) {
  return and(eq(submissions.practiceId, practiceId), eq(submissions.clientId, clientId), gte(submissions.currentVersion, 1));
}

// ---- the client's portal ---------------------------------------------------------------------------------

export type HomeworkItem = {
  occurrenceId: string;
  title: string;
  templateKey: string;
  localDate: string;
  dueAt: string;
  occurrenceStatus: OccurrenceStatus;
  submissionStatus: SubmissionStatus | null;
  hasDraft: boolean;
  overdue: boolean;
  instructions: string | null;
};

export type ClientHomework = {
  /** The therapist asked for another look: first, because someone is waiting on them. */
  revisions: HomeworkItem[];
  /** Due today or overdue, oldest first. */
  due: HomeworkItem[];
  /** The next item of each assignment due in the coming week. */
  upcoming: HomeworkItem[];
};

const OPEN_STATUSES: OccurrenceStatus[] = ['due', 'in_progress', 'missed'];
const UPCOMING_DAYS = 7;

/** The client's homework list for "Today": what needs doing now, in order; finished items are in history. */
export async function clientHomework(actor: Actor, now = new Date()): Promise<ClientHomework> {
  assertCan(actor, 'submission.write');
  const clientId = actor.clientId;
  if (!clientId) return { revisions: [], due: [], upcoming: [] };
  const today = localDay(now, actor.practice.timeZone);
  return withActor(actor, async (tx) => {
    const rows = await tx
      .select({
        occurrenceId: assignmentOccurrences.id,
        assignmentId: assignments.id,
        localDate: assignmentOccurrences.localDate,
        dueAt: assignmentOccurrences.dueAt,
        occurrenceStatus: assignmentOccurrences.status,
        templateKey: assignments.templateKey,
        assignmentVersion: assignments.templateVersion,
        instructions: assignments.instructions,
        submissionStatus: submissions.status,
        submissionVersion: submissions.templateVersion,
        draftSavedAt: submissions.draftSavedAt,
      })
      .from(assignmentOccurrences)
      .innerJoin(assignments, assignmentOfOccurrence)
      .leftJoin(submissions, submissionOfOccurrence)
      .where(
        and(
          eq(assignmentOccurrences.practiceId, actor.practiceId),
          eq(assignmentOccurrences.clientId, clientId),
          eq(assignments.kind, 'exercise'),
          ne(assignments.status, 'cancelled'),
          ne(assignmentOccurrences.status, 'cancelled'),
          lte(assignmentOccurrences.localDate, addDays(today, UPCOMING_DAYS)),
        ),
      )
      .orderBy(asc(assignmentOccurrences.dueAt));
    const title = await homeworkTitles(tx, actor, rows);
    const items = rows.map((r) => ({
      assignmentId: r.assignmentId,
      item: {
        occurrenceId: r.occurrenceId,
        title: title(r),
        templateKey: r.templateKey,
        localDate: r.localDate,
        dueAt: r.dueAt.toISOString(),
        occurrenceStatus: r.occurrenceStatus,
        submissionStatus: r.submissionStatus ?? null,
        hasDraft: r.draftSavedAt !== null,
        overdue: r.dueAt.getTime() < now.getTime(),
        instructions: r.instructions,
      } satisfies HomeworkItem,
    }));
    const revisions = items.filter(({ item }) => item.submissionStatus === 'revision_requested').map((x) => x.item);
    const open = items.filter(({ item }) => OPEN_STATUSES.includes(item.occurrenceStatus) && item.submissionStatus !== 'revision_requested');
    const due = open.filter(({ item }) => item.localDate <= today).map((x) => x.item);
    const seen = new Set<string>();
    const upcoming: HomeworkItem[] = [];
    for (const { assignmentId, item } of open) {
      if (item.localDate <= today || seen.has(assignmentId)) continue;
      seen.add(assignmentId);
      upcoming.push(item);
    }
    return { revisions, due, upcoming };
  });
}

export type CompletionView =
  | {
      kind: 'ok';
      occurrenceId: string;
      template: ExerciseTemplate;
      title: string;
      instructions: string | null;
      localDate: string;
      dueAt: string;
      occurrenceStatus: OccurrenceStatus;
      submissionId: string | null;
      submissionStatus: SubmissionStatus | null;
      /** The client may still change the answers (not yet sent, or sent back for revision). */
      editable: boolean;
      /** What the form starts from: the server-side draft, else the last version when revising, else defaults. */
      initialAnswers: Record<string, unknown> | null;
      draftSavedAt: string | null;
      latestVersion: { version: number; answers: Record<string, unknown>; submittedAt: string } | null;
      /** Client-visible comments only. */
      comments: CommentView[];
      /** The practice's own crisis numbers, for the crisis panel when a submitted answer matches a trigger. */
      crisisContacts: { label: string; phone: string }[];
    }
  | { kind: 'cancelled' }
  | { kind: 'unavailable'; message: string };

/** One of the client's own homework items, for completing or re-reading it. Null when it is not theirs. */
export async function getCompletionView(actor: Actor, occurrenceId: string): Promise<CompletionView | null> {
  assertCan(actor, 'submission.write');
  const clientId = actor.clientId;
  if (!clientId || !isUuid(occurrenceId)) return null;
  return withActor(actor, async (tx) => {
    const [row] = await tx
      .select({
        occurrenceId: assignmentOccurrences.id,
        localDate: assignmentOccurrences.localDate,
        dueAt: assignmentOccurrences.dueAt,
        occurrenceStatus: assignmentOccurrences.status,
        assignmentStatus: assignments.status,
        kind: assignments.kind,
        templateKey: assignments.templateKey,
        assignmentVersion: assignments.templateVersion,
        instructions: assignments.instructions,
        promptChoice: assignments.promptChoice,
      })
      .from(assignmentOccurrences)
      .innerJoin(assignments, assignmentOfOccurrence)
      .where(
        and(
          eq(assignmentOccurrences.practiceId, actor.practiceId),
          eq(assignmentOccurrences.id, occurrenceId),
          eq(assignmentOccurrences.clientId, clientId),
        ),
      );
    if (!row || row.kind !== 'exercise') return null;
    const [submission] = await tx
      .select()
      .from(submissions)
      .where(and(eq(submissions.practiceId, actor.practiceId), eq(submissions.occurrenceId, occurrenceId)));
    // Once something was sent, the client keeps access to it even if later homework is cancelled.
    if (!submission?.currentVersion && (row.occurrenceStatus === 'cancelled' || row.assignmentStatus === 'cancelled')) {
      return { kind: 'cancelled' as const };
    }
    const resolved = await assignedTemplate(tx, actor, row.templateKey, submission?.templateVersion ?? row.assignmentVersion);
    if (!resolved.ok) return { kind: 'unavailable' as const, message: resolved.message };
    const [latest] = submission?.currentVersion
      ? await tx
          .select()
          .from(submissionVersions)
          .where(
            and(
              eq(submissionVersions.practiceId, actor.practiceId),
              eq(submissionVersions.submissionId, submission.id),
              eq(submissionVersions.version, submission.currentVersion),
            ),
          )
      : [];
    const comments = submission ? (await commentsFor(tx, actor, [submission.id], 'client')).map(stripSubmissionId) : [];
    const status = submission?.status ?? null;
    const cancelled = row.occurrenceStatus === 'cancelled' || row.assignmentStatus === 'cancelled';
    const editable = !cancelled && (status === null || status === 'draft' || status === 'revision_requested');
    const crisisContacts = resolved.template.alerts?.length
      ? ((await tx.select({ contacts: practices.crisisContacts }).from(practices).where(eq(practices.id, actor.practiceId)))[0]?.contacts ?? [])
      : [];
    const prefill = row.templateKey === JOURNALING_PROMPT_KEY ? journalingAnswersFor(row.promptChoice) : null;
    const initialAnswers =
      submission?.draftAnswers ??
      (latest ? latest.answers : null) ??
      (prefill && Object.keys(prefill).length ? { ...prefill } : null);
    return {
      kind: 'ok' as const,
      occurrenceId: row.occurrenceId,
      template: resolved.template,
      title: resolved.template.title,
      instructions: row.instructions,
      localDate: row.localDate,
      dueAt: row.dueAt.toISOString(),
      occurrenceStatus: row.occurrenceStatus,
      submissionId: submission?.id ?? null,
      submissionStatus: status,
      editable,
      initialAnswers,
      draftSavedAt: submission?.draftSavedAt?.toISOString() ?? null,
      latestVersion: latest ? { version: latest.version, answers: latest.answers, submittedAt: latest.submittedAt.toISOString() } : null,
      comments,
      crisisContacts,
    };
  });
}

export type HistoryEntry = {
  submissionId: string;
  occurrenceId: string;
  title: string;
  template: ExerciseTemplate | null;
  status: SubmissionStatus;
  version: number;
  submittedAt: string | null;
  reviewedAt: string | null;
  answers: Record<string, unknown> | null;
  comments: CommentView[];
};

/** The client's own sent work, newest first, each at its latest version with the therapist's (non-private) comments. */
export async function clientHistory(actor: Actor, limit = 50): Promise<HistoryEntry[]> {
  assertCan(actor, 'submission.write');
  const clientId = actor.clientId;
  if (!clientId) return [];
  return withActor(actor, async (tx) => {
    const rows = await tx
      .select({ submission: submissions, answers: submissionVersions.answers })
      .from(submissions)
      .innerJoin(submissionVersions, currentVersionOfSubmission)
      .where(sentSubmissionsOf(actor.practiceId, clientId))
      .orderBy(desc(submissions.submittedAt))
      .limit(limit);
    const all = await commentsFor(tx, actor, rows.map((r) => r.submission.id), 'client');
    const out: HistoryEntry[] = [];
    for (const { submission: s, answers } of rows) {
      const resolved = await assignedTemplate(tx, actor, s.templateKey, s.templateVersion);
      out.push({
        submissionId: s.id,
        occurrenceId: s.occurrenceId,
        title: resolved.ok ? resolved.template.title : 'Exercise',
        template: resolved.ok ? resolved.template : null,
        status: s.status,
        version: s.currentVersion,
        submittedAt: s.submittedAt?.toISOString() ?? null,
        reviewedAt: s.reviewedAt?.toISOString() ?? null,
        answers,
        comments: all.filter((c) => c.submissionId === s.id).map(stripSubmissionId),
      });
    }
    return out;
  });
}

function stripSubmissionId(c: CommentView & { submissionId?: string }): CommentView {
  const { submissionId: _ignored, ...rest } = c;
  return rest;
}

export type PinnedPlan = { submissionId: string; occurrenceId: string; template: ExerciseTemplate; answers: Record<string, unknown>; submittedAt: string };

/**
 * The client's shared safety plan (any exercise marked to pin once shared), latest submitted version.
 * Pinned at the top of the portal so it is one tap away in a crisis.
 */
export async function pinnedPlans(actor: Actor): Promise<PinnedPlan[]> {
  assertCan(actor, 'submission.write');
  const clientId = actor.clientId;
  if (!clientId) return [];
  return withActor(actor, async (tx) => {
    const rows = await tx
      .select({ submission: submissions, answers: submissionVersions.answers, submittedAt: submissionVersions.submittedAt })
      .from(submissions)
      .innerJoin(submissionVersions, currentVersionOfSubmission)
      .where(sentSubmissionsOf(actor.practiceId, clientId))
      .orderBy(desc(submissionVersions.submittedAt));
    const out: PinnedPlan[] = [];
    const keys = new Set<string>();
    for (const r of rows) {
      // Only the newest plan of each kind: an older one would be out of date in exactly the moment it matters.
      if (keys.has(r.submission.templateKey)) continue;
      const resolved = await assignedTemplate(tx, actor, r.submission.templateKey, r.submission.templateVersion);
      if (!resolved.ok || !resolved.template.pinWhenShared) continue;
      keys.add(r.submission.templateKey);
      out.push({
        submissionId: r.submission.id,
        occurrenceId: r.submission.occurrenceId,
        template: resolved.template,
        answers: r.answers,
        submittedAt: r.submittedAt.toISOString(),
      });
    }
    return out;
  });
}

// ---- the therapist's review ------------------------------------------------------------------------------

export type InboxItem = {
  submissionId: string;
  clientId: string;
  clientName: string;
  title: string;
  status: SubmissionStatus;
  version: number;
  submittedAt: string | null;
  unreviewed: boolean;
};

/** Sent work from the actor's care-team clients, newest first. Care team only, by the join itself. */
export async function reviewInbox(actor: Actor, filter: { status?: 'unreviewed' | 'all' } = {}, limit = 200): Promise<InboxItem[]> {
  assertCan(actor, 'submission.review');
  return withActor(actor, async (tx) => {
    const rows = await tx
      .select({
        id: submissions.id,
        clientId: submissions.clientId,
        templateKey: submissions.templateKey,
        templateVersion: submissions.templateVersion,
        status: submissions.status,
        version: submissions.currentVersion,
        submittedAt: submissions.submittedAt,
        firstName: clients.firstName,
        lastName: clients.lastName,
        preferredName: clients.preferredName,
      })
      .from(submissions)
      .innerJoin(careTeam, and(eq(careTeam.practiceId, submissions.practiceId), eq(careTeam.clientId, submissions.clientId)))
      .innerJoin(clients, and(eq(clients.practiceId, submissions.practiceId), eq(clients.id, submissions.clientId)))
      .where(
        and(
          eq(submissions.practiceId, actor.practiceId),
          eq(careTeam.membershipId, actor.membershipId),
          gte(submissions.currentVersion, 1),
          filter.status === 'unreviewed' ? eq(submissions.status, 'submitted') : undefined,
        ),
      )
      .orderBy(desc(submissions.submittedAt))
      .limit(limit);
    const title = await templateTitles(tx, actor, rows.map((r) => ({ key: r.templateKey, version: r.templateVersion })));
    return rows
      .filter((r) => canReadClinical(actor, r.clientId))
      .map((r) => ({
        submissionId: r.id,
        clientId: r.clientId,
        clientName: displayName(r),
        title: title(r.templateKey, r.templateVersion),
        status: r.status,
        version: r.version,
        submittedAt: r.submittedAt?.toISOString() ?? null,
        unreviewed: r.status === 'submitted',
      }));
  });
}

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

export type IntensityPoint = {
  submissionId: string;
  submittedAt: string;
  emotions: EmotionIntensity[];
  /** Mean of the rated emotions, or null when none was rated. */
  meanBefore: number | null;
  meanAfter: number | null;
};

function mean(values: (number | null)[]): number | null {
  const rated = values.filter((v): v is number => v !== null);
  return rated.length ? Math.round(rated.reduce((a, b) => a + b, 0) / rated.length) : null;
}

/** The thought record's before/after emotion intensities for one client over time (care team only). */
export async function thoughtRecordTrend(actor: Actor, clientId: string): Promise<IntensityPoint[] | null> {
  assertCan(actor, 'submission.review');
  if (!isUuid(clientId) || !canReadClinical(actor, clientId)) return null;
  return withActor(actor, async (tx) => {
    const rows = await tx
      .select({ id: submissions.id, answers: submissionVersions.answers, submittedAt: submissionVersions.submittedAt })
      .from(submissions)
      .innerJoin(submissionVersions, currentVersionOfSubmission)
      .where(and(sentSubmissionsOf(actor.practiceId, clientId), eq(submissions.templateKey, THOUGHT_RECORD_KEY)))
      .orderBy(asc(submissionVersions.submittedAt));
    return rows.map((r) => {
      const emotions = thoughtRecordIntensities(r.answers);
      return {
        submissionId: r.id,
        submittedAt: r.submittedAt.toISOString(),
        emotions,
        meanBefore: mean(emotions.map((e) => e.before)),
        meanAfter: mean(emotions.map((e) => e.after)),
      };
    });
  });
}

