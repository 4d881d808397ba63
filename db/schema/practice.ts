import { sql } from 'drizzle-orm';
import { boolean, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** A practice's crisis numbers, shown beside the national directory on the crisis panel. */
export type PracticeCrisisContact = { label: string; phone: string };

/**
 * A tenant. Its own row is visible only inside a transaction scoped to it (RLS on `id`),
 * so even the practice list cannot be read across tenants.
 */
export const practices = pgTable('practices', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  timeZone: text('time_zone').notNull().default('America/New_York'),
  safetyQuestionEnabled: boolean('safety_question_enabled').notNull().default(true),
  idleTimeoutMinutes: integer('idle_timeout_minutes').notNull().default(15),
  crisisContacts: jsonb('crisis_contacts').$type<PracticeCrisisContact[]>().notNull().default(sql`'[]'::jsonb`),
  /** Default measure schedules for new clients (each read against its baseline, docs/clinical.md §2.1). */
  measureDefaults: jsonb('measure_defaults')
    .$type<{ measure: string; everyDays: number; atIntake: boolean }[]>()
    .notNull()
    .default(sql`'[{"measure":"phq9","everyDays":14,"atIntake":true},{"measure":"gad7","everyDays":14,"atIntake":true},{"measure":"who5","everyDays":30,"atIntake":true},{"measure":"arsq","everyDays":30,"atIntake":true},{"measure":"scssf","everyDays":30,"atIntake":true}]'::jsonb`),
  isDemo: boolean('is_demo').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
