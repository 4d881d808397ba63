import 'server-only';
import { and, eq } from 'drizzle-orm';
import { assignmentOccurrences, assignments, submissions, submissionVersions } from '@/db/schema';

/*
 * Join conditions between the homework tables, shared so every query links them the same way. Each names
 * practice_id as well as the id because the keys and foreign keys are composite (practice_id, id).
 * They hold column references only (no parameters), so one instance serves every query.
 */

/** The assignment an occurrence belongs to. */
export const assignmentOfOccurrence = and(
  eq(assignments.practiceId, assignmentOccurrences.practiceId),
  eq(assignments.id, assignmentOccurrences.assignmentId),
);

/** The client's submission for an occurrence (at most one: unique on practice and occurrence). */
export const submissionOfOccurrence = and(
  eq(submissions.practiceId, assignmentOccurrences.practiceId),
  eq(submissions.occurrenceId, assignmentOccurrences.id),
);

/** A submission's latest sent version (none while it is only a draft: current_version is 0). */
export const currentVersionOfSubmission = and(
  eq(submissionVersions.practiceId, submissions.practiceId),
  eq(submissionVersions.submissionId, submissions.id),
  eq(submissionVersions.version, submissions.currentVersion),
);
