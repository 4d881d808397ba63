import 'server-only';
import { and, asc, desc, eq, gte, lte, ne, or } from 'drizzle-orm';
import {
  assignmentOccurrences,
  assignments,
  practices,
  submissions,
  submissionVersions,
  type OccurrenceStatus,
} from '@/db/schema';
import { assertCan } from '@/lib/access/guard';
import { withActor } from '@/lib/access/scope';
import { assignmentOfOccurrence, currentVersionOfSubmission, submissionOfOccurrence } from '@/lib/assignments/joins';
import { OUR_RULES } from '@/lib/measures/rules';
import { journalingAnswersFor } from '@/lib/assignments/prompt-choice';
import { homeworkStanding, SET_ASIDE_STATUS, type HomeworkStanding } from '@/lib/assignments/standing';
import type { Actor } from '@/lib/auth/types';
import { JOURNALING_PROMPT_KEY, type ExerciseTemplate } from '@/lib/exercises';
import { isUuid } from '@/lib/access/ids';
import { addDays, localDay } from '@/lib/time/day';
import { assignedTemplate, assignedTemplates } from './templates';
import { type CommentView, type SubmissionStatus, commentsFor, homeworkTitles, sentSubmissionsOf, stripSubmissionId } from './shared';

// The client's portal: today's homework, one item to complete, their history and their pinned safety plan.

export type HomeworkItem = {
  occurrenceId: string;
  title: string;
  templateKey: string;
  localDate: string;
  dueAt: string;
  occurrenceStatus: OccurrenceStatus;
  submissionStatus: SubmissionStatus | null;
  hasDraft: boolean;
  /** Open, late (within the grace period) or missed: lib/assignments/standing.ts. */
  standing: HomeworkStanding;
  instructions: string | null;
};

export type ClientHomework = {
  /** The therapist asked for another look: first, because someone is waiting on them. */
  revisions: HomeworkItem[];
  /** Due today, or late but within the grace period, oldest first. */
  due: HomeworkItem[];
  /** Past the grace period and never sent (the last four weeks), newest first: shown quietly, apart. */
  missed: HomeworkItem[];
  /** The next item of each assignment due in the coming week. */
  upcoming: HomeworkItem[];
};

const OPEN_STATUSES: OccurrenceStatus[] = ['due', 'in_progress', 'missed'];
const UPCOMING_DAYS = 7;
/** How far back the quiet "missed" list reaches: the adherence window, so it never grows into a wall of its own. */
const MISSED_DAYS = OUR_RULES.adherenceWindowDays;

/** The client's homework list for "Today": what needs doing now, in order; finished items are in history. */
export async function clientHomework(actor: Actor, now = new Date()): Promise<ClientHomework> {
  assertCan(actor, 'submission.write');
  const clientId = actor.clientId;
  if (!clientId) return { revisions: [], due: [], missed: [], upcoming: [] };
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
          // Older items only while the therapist is waiting on a revision.
          or(gte(assignmentOccurrences.localDate, addDays(today, -MISSED_DAYS)), eq(submissions.status, 'revision_requested')),
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
        standing: homeworkStanding({ status: r.occurrenceStatus, dueAt: r.dueAt }, now),
        instructions: r.instructions,
      } satisfies HomeworkItem,
    }));
    const revisions = items.filter(({ item }) => item.submissionStatus === 'revision_requested').map((x) => x.item);
    const open = items.filter(({ item }) => OPEN_STATUSES.includes(item.occurrenceStatus) && item.submissionStatus !== 'revision_requested');
    const due = open.filter(({ item }) => item.localDate <= today && item.standing !== 'missed').map((x) => x.item);
    const missed = open
      .filter(({ item }) => item.standing === 'missed')
      .map((x) => x.item)
      .reverse();
    const seen = new Set<string>();
    const upcoming: HomeworkItem[] = [];
    for (const { assignmentId, item } of open) {
      if (item.localDate <= today || seen.has(assignmentId)) continue;
      seen.add(assignmentId);
      upcoming.push(item);
    }
    return { revisions, due, missed, upcoming };
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
      standing: HomeworkStanding;
      /** When the client set it aside, and why if they said; null while it is not set aside. */
      setAside: { at: string; reason: string | null } | null;
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
        setAsideAt: assignmentOccurrences.setAsideAt,
        setAsideReason: assignmentOccurrences.setAsideReason,
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
    const setAside = row.occurrenceStatus === SET_ASIDE_STATUS;
    const editable = !cancelled && !setAside && (status === null || status === 'draft' || status === 'revision_requested');
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
      standing: homeworkStanding({ status: row.occurrenceStatus, dueAt: row.dueAt }, new Date()),
      setAside: setAside ? { at: (row.setAsideAt ?? row.dueAt).toISOString(), reason: row.setAsideReason } : null,
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
    const template = await assignedTemplates(tx, actor, rows.map((r) => ({ key: r.submission.templateKey, version: r.submission.templateVersion })));
    return rows.map(({ submission: s, answers }) => {
      const resolved = template(s.templateKey, s.templateVersion);
      return {
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
      };
    });
  });
}

export type PinnedPlan = { submissionId: string; occurrenceId: string; template: ExerciseTemplate; answers: Record<string, unknown>; submittedAt: string };

/**
 * The client's shared safety plan (any exercise marked to pin once shared), latest submitted version.
 * Pinned at the top of the portal so it is one tap away in a crisis. Read on every portal visit, so it costs
 * the same however much the client has sent: the kinds of exercise they sent, which of those pin, then only
 * the newest sent submission of each pinned kind (answers are read for those alone).
 */
export async function pinnedPlans(actor: Actor): Promise<PinnedPlan[]> {
  assertCan(actor, 'submission.write');
  const clientId = actor.clientId;
  if (!clientId) return [];
  return withActor(actor, async (tx) => {
    const kinds = await tx
      .selectDistinct({ key: submissions.templateKey, version: submissions.templateVersion })
      .from(submissions)
      .where(sentSubmissionsOf(actor.practiceId, clientId));
    const template = await assignedTemplates(tx, actor, kinds);
    const pinned = kinds.filter((k) => {
      const resolved = template(k.key, k.version);
      return resolved.ok && resolved.template.pinWhenShared;
    });
    if (!pinned.length) return [];
    // Only the newest plan of each kind: an older one would be out of date in exactly the moment it matters.
    const rows = await tx
      .selectDistinctOn([submissions.templateKey], {
        submissionId: submissions.id,
        occurrenceId: submissions.occurrenceId,
        key: submissions.templateKey,
        version: submissions.templateVersion,
        answers: submissionVersions.answers,
        submittedAt: submissionVersions.submittedAt,
      })
      .from(submissions)
      .innerJoin(submissionVersions, currentVersionOfSubmission)
      .where(
        and(
          sentSubmissionsOf(actor.practiceId, clientId),
          or(...pinned.map((k) => and(eq(submissions.templateKey, k.key), eq(submissions.templateVersion, k.version)))),
        ),
      )
      .orderBy(asc(submissions.templateKey), desc(submissionVersions.submittedAt));
    return rows
      .sort((a, b) => b.submittedAt.getTime() - a.submittedAt.getTime())
      .flatMap((r) => {
        const resolved = template(r.key, r.version);
        if (!resolved.ok) return [];
        return [{ submissionId: r.submissionId, occurrenceId: r.occurrenceId, template: resolved.template, answers: r.answers, submittedAt: r.submittedAt.toISOString() }];
      });
  });
}
