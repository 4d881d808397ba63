import {
  boolean,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { clients, memberships } from './people';

/**
 * One completed (or incomplete, never scored) administration of a standardized measure.
 * `submissionKey` is made by the form when it opens, so a retried or doubled submit is one row.
 */
export const measureAdministrations = pgTable(
  'measure_administrations',
  {
    practiceId: uuid('practice_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    clientId: uuid('client_id').notNull(),
    measure: text('measure').notNull(),
    status: text('status').$type<'complete' | 'incomplete'>().notNull(),
    answers: jsonb('answers').$type<Record<string, number | null>>().notNull(),
    score: real('score'),
    rawScore: real('raw_score'),
    band: text('band'),
    prorated: boolean('prorated').notNull().default(false),
    isBaseline: boolean('is_baseline').notNull().default(false),
    occurrenceId: uuid('occurrence_id'),
    submissionKey: text('submission_key').notNull(),
    completedAt: timestamp('completed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.practiceId, t.id] }),
    unique('measure_administrations_submission_key').on(t.practiceId, t.submissionKey),
    foreignKey({ columns: [t.practiceId, t.clientId], foreignColumns: [clients.practiceId, clients.id] }),
    index('measure_administrations_client_idx').on(t.practiceId, t.clientId, t.measure, t.completedAt),
  ],
);

/** Answers kept while a measure is being filled in, so leaving and reopening loses nothing. */
export const measureDrafts = pgTable(
  'measure_drafts',
  {
    practiceId: uuid('practice_id').notNull(),
    clientId: uuid('client_id').notNull(),
    measure: text('measure').notNull(),
    answers: jsonb('answers').$type<Record<string, number | null>>().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.practiceId, t.clientId, t.measure] }),
    foreignKey({ columns: [t.practiceId, t.clientId], foreignColumns: [clients.practiceId, clients.id] }).onDelete('cascade'),
  ],
);

/** A measure given to a client every N days from a start date, optionally until an end date. */
export const measureSchedules = pgTable(
  'measure_schedules',
  {
    practiceId: uuid('practice_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    clientId: uuid('client_id').notNull(),
    measure: text('measure').notNull(),
    everyDays: integer('every_days').notNull(),
    startDate: date('start_date').notNull(),
    endDate: date('end_date'),
    active: boolean('active').notNull().default(true),
    createdByMembershipId: uuid('created_by_membership_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.practiceId, t.id] }),
    foreignKey({ columns: [t.practiceId, t.clientId], foreignColumns: [clients.practiceId, clients.id] }),
    foreignKey({
      columns: [t.practiceId, t.createdByMembershipId],
      foreignColumns: [memberships.practiceId, memberships.id],
    }),
    index('measure_schedules_client_idx').on(t.practiceId, t.clientId),
  ],
);
