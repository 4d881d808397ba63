import {
  boolean,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { clients, memberships } from './people';

/** A practice's own exercise, versioned: editing inserts the next version, past submissions keep theirs. */
export const exerciseTemplates = pgTable(
  'exercise_templates',
  {
    practiceId: uuid('practice_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    key: text('key').notNull(),
    version: integer('version').notNull(),
    title: text('title').notNull(),
    definition: jsonb('definition').$type<Record<string, unknown>>().notNull(),
    sharedWithPractice: boolean('shared_with_practice').notNull().default(false),
    archived: boolean('archived').notNull().default(false),
    createdByMembershipId: uuid('created_by_membership_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.practiceId, t.id] }),
    unique('exercise_templates_key_version').on(t.practiceId, t.key, t.version),
    foreignKey({
      columns: [t.practiceId, t.createdByMembershipId],
      foreignColumns: [memberships.practiceId, memberships.id],
    }),
  ],
);

export type RecurrenceJson = Record<string, unknown>;

/** Homework (an exercise or a measure) given to one client, on a recurrence. */
export const assignments = pgTable(
  'assignments',
  {
    practiceId: uuid('practice_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    clientId: uuid('client_id').notNull(),
    kind: text('kind').$type<'exercise' | 'measure'>().notNull(),
    templateKey: text('template_key').notNull(),
    templateVersion: integer('template_version'),
    instructions: text('instructions'),
    promptChoice: text('prompt_choice'),
    startDate: date('start_date').notNull(),
    dueTime: text('due_time').notNull().default('20:00'),
    timeZone: text('time_zone').notNull(),
    recurrence: jsonb('recurrence').$type<RecurrenceJson>().notNull(),
    status: text('status').$type<'active' | 'cancelled' | 'ended'>().notNull().default('active'),
    createdByMembershipId: uuid('created_by_membership_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.practiceId, t.id] }),
    foreignKey({ columns: [t.practiceId, t.clientId], foreignColumns: [clients.practiceId, clients.id] }),
    foreignKey({
      columns: [t.practiceId, t.createdByMembershipId],
      foreignColumns: [memberships.practiceId, memberships.id],
    }),
    index('assignments_client_idx').on(t.practiceId, t.clientId, t.createdAt),
  ],
);

/** 'set_aside': the client let this one go (lib/assignments/standing.ts); it stays due for adherence, never overdue. */
export const OCCURRENCE_STATUSES = ['due', 'in_progress', 'submitted', 'reviewed', 'missed', 'cancelled', 'set_aside'] as const;
export type OccurrenceStatus = (typeof OCCURRENCE_STATUSES)[number];

/** One due item of an assignment (its index in the recurrence). */
export const assignmentOccurrences = pgTable(
  'assignment_occurrences',
  {
    practiceId: uuid('practice_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    assignmentId: uuid('assignment_id').notNull(),
    clientId: uuid('client_id').notNull(),
    index: integer('index').notNull(),
    localDate: date('local_date').notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    status: text('status').$type<OccurrenceStatus>().notNull().default('due'),
    /** When the client set it aside, and their reason in their own words (clinical text, for the care team). */
    setAsideAt: timestamp('set_aside_at', { withTimezone: true }),
    setAsideReason: text('set_aside_reason'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.practiceId, t.id] }),
    unique('assignment_occurrences_index_key').on(t.practiceId, t.assignmentId, t.index),
    foreignKey({ columns: [t.practiceId, t.assignmentId], foreignColumns: [assignments.practiceId, assignments.id] }),
    foreignKey({ columns: [t.practiceId, t.clientId], foreignColumns: [clients.practiceId, clients.id] }),
    index('assignment_occurrences_client_due_idx').on(t.practiceId, t.clientId, t.dueAt),
  ],
);

/**
 * The client's work on one occurrence: a server-side draft while typing, then versions.
 * It records the template key and version it was made with.
 */
export const submissions = pgTable(
  'submissions',
  {
    practiceId: uuid('practice_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    occurrenceId: uuid('occurrence_id').notNull(),
    assignmentId: uuid('assignment_id').notNull(),
    clientId: uuid('client_id').notNull(),
    templateKey: text('template_key').notNull(),
    templateVersion: integer('template_version').notNull(),
    status: text('status').$type<'draft' | 'submitted' | 'revision_requested' | 'reviewed'>().notNull().default('draft'),
    currentVersion: integer('current_version').notNull().default(0),
    draftAnswers: jsonb('draft_answers').$type<Record<string, unknown>>(),
    draftSavedAt: timestamp('draft_saved_at', { withTimezone: true }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.practiceId, t.id] }),
    unique('submissions_occurrence_key').on(t.practiceId, t.occurrenceId),
    foreignKey({
      columns: [t.practiceId, t.occurrenceId],
      foreignColumns: [assignmentOccurrences.practiceId, assignmentOccurrences.id],
    }),
    foreignKey({ columns: [t.practiceId, t.assignmentId], foreignColumns: [assignments.practiceId, assignments.id] }),
    foreignKey({ columns: [t.practiceId, t.clientId], foreignColumns: [clients.practiceId, clients.id] }),
    index('submissions_client_idx').on(t.practiceId, t.clientId, t.submittedAt),
  ],
);

/** Every submitted version is kept, so the therapist can see what changed. */
export const submissionVersions = pgTable(
  'submission_versions',
  {
    practiceId: uuid('practice_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    submissionId: uuid('submission_id').notNull(),
    clientId: uuid('client_id').notNull(),
    version: integer('version').notNull(),
    answers: jsonb('answers').$type<Record<string, unknown>>().notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.practiceId, t.id] }),
    unique('submission_versions_version_key').on(t.practiceId, t.submissionId, t.version),
    foreignKey({ columns: [t.practiceId, t.submissionId], foreignColumns: [submissions.practiceId, submissions.id] }),
  ],
);

/** A therapist's comment anchored to one field of one version; `private` notes never reach the client. */
export const submissionComments = pgTable(
  'submission_comments',
  {
    practiceId: uuid('practice_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    submissionId: uuid('submission_id').notNull(),
    clientId: uuid('client_id').notNull(),
    version: integer('version').notNull(),
    fieldPath: text('field_path'),
    body: text('body').notNull(),
    visibility: text('visibility').$type<'client' | 'private'>().notNull().default('client'),
    authorMembershipId: uuid('author_membership_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.practiceId, t.id] }),
    foreignKey({ columns: [t.practiceId, t.submissionId], foreignColumns: [submissions.practiceId, submissions.id] }),
    foreignKey({
      columns: [t.practiceId, t.authorMembershipId],
      foreignColumns: [memberships.practiceId, memberships.id],
    }),
    index('submission_comments_submission_idx').on(t.practiceId, t.submissionId),
  ],
);
