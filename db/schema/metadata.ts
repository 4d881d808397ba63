import { boolean, date, integer, jsonb, pgView, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { OccurrenceStatus, RecurrenceJson } from './homework';

/*
 * Read-only views of non-clinical metadata (docs/clinical.md §6.2: status, dates, counts), defined in
 * db/migrations/0005_care_team_row_level_security.sql. An admin reads them for every client of the
 * practice; a therapist for their care team; a client for themselves. No note, answer, score, reason or
 * instruction is a column of any of them. Clinical content is read from the tables, which row-level
 * security opens to the care team only.
 */

export const checkinDays = pgView('checkin_days', {
  practiceId: uuid('practice_id').notNull(),
  clientId: uuid('client_id').notNull(),
  localDay: date('local_day').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
}).existing();

/** When each measure falls due (the plan; which measure it is stays hidden off the care team in the app). */
export const measureScheduleDates = pgView('measure_schedule_dates', {
  practiceId: uuid('practice_id').notNull(),
  id: uuid('id').notNull(),
  clientId: uuid('client_id').notNull(),
  measure: text('measure').notNull(),
  everyDays: integer('every_days').notNull(),
  startDate: date('start_date').notNull(),
  endDate: date('end_date'),
  active: boolean('active').notNull(),
}).existing();

export const occurrenceStatuses = pgView('occurrence_statuses', {
  practiceId: uuid('practice_id').notNull(),
  id: uuid('id').notNull(),
  assignmentId: uuid('assignment_id').notNull(),
  clientId: uuid('client_id').notNull(),
  index: integer('index').notNull(),
  localDate: date('local_date').notNull(),
  dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
  status: text('status').$type<OccurrenceStatus>().notNull(),
}).existing();

export const assignmentOutlines = pgView('assignment_outlines', {
  practiceId: uuid('practice_id').notNull(),
  id: uuid('id').notNull(),
  clientId: uuid('client_id').notNull(),
  kind: text('kind').$type<'exercise' | 'measure'>().notNull(),
  templateKey: text('template_key').notNull(),
  templateVersion: integer('template_version'),
  startDate: date('start_date').notNull(),
  dueTime: text('due_time').notNull(),
  timeZone: text('time_zone').notNull(),
  recurrence: jsonb('recurrence').$type<RecurrenceJson>().notNull(),
  status: text('status').$type<'active' | 'cancelled' | 'ended'>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
}).existing();

export const submissionStatuses = pgView('submission_statuses', {
  practiceId: uuid('practice_id').notNull(),
  id: uuid('id').notNull(),
  occurrenceId: uuid('occurrence_id').notNull(),
  assignmentId: uuid('assignment_id').notNull(),
  clientId: uuid('client_id').notNull(),
  templateKey: text('template_key').notNull(),
  templateVersion: integer('template_version').notNull(),
  status: text('status').$type<'draft' | 'submitted' | 'revision_requested' | 'reviewed'>().notNull(),
  currentVersion: integer('current_version').notNull(),
  submittedAt: timestamp('submitted_at', { withTimezone: true }),
  reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
}).existing();

export const alertStatuses = pgView('alert_statuses', {
  practiceId: uuid('practice_id').notNull(),
  id: uuid('id').notNull(),
  clientId: uuid('client_id').notNull(),
  tier: text('tier').$type<'urgent' | 'follow_up'>().notNull(),
  raisedAt: timestamp('raised_at', { withTimezone: true }).notNull(),
  acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
}).existing();

/**
 * Each client's last check-in day and time and open homework due times, from client_summaries
 * (db/migrations/0026_client_summary_triggers.sql, 0029_homework_due_summary_triggers.sql).
 */
export const clientCheckinDates = pgView('client_checkin_dates', {
  practiceId: uuid('practice_id').notNull(),
  clientId: uuid('client_id').notNull(),
  lastCheckinDay: date('last_checkin_day'),
  lastCheckinAt: timestamp('last_checkin_at', { withTimezone: true }),
  /** Due times of the open homework occurrences, ascending (client_summaries.open_homework_due_at). */
  openHomeworkDueAt: timestamp('open_homework_due_at', { withTimezone: true }).array().notNull(),
}).existing();
