import { sql } from 'drizzle-orm';
import { date, foreignKey, integer, pgTable, primaryKey, real, timestamp, uuid } from 'drizzle-orm/pg-core';
import { clients } from './people';

/**
 * One row per client: the roster's per-client facts that change only when something is written, kept by
 * triggers in the writing transaction (db/migrations/0026_client_summary_triggers.sql) so the roster reads one row
 * per client instead of walking each client's check-ins, administrations and alerts. Nothing here depends on the
 * clock: "days since the last check-in" and the homework window are worked out when read (lib/caseload), the
 * latter from the open occurrences' due times kept here (db/migrations/0029).
 * Clinical columns (mood, scores, alert counts) make this a clinical table: row-level security opens a row to
 * the client's care team only; the metadata columns (the last check-in's day and time) are read by everyone who
 * may list the client through the view `client_checkin_dates` (db/schema/metadata.ts).
 */
export const clientSummaries = pgTable(
  'client_summaries',
  {
    practiceId: uuid('practice_id').notNull(),
    clientId: uuid('client_id').notNull(),
    /** The newest check-in: its local day, when it was last written, its mood. */
    lastCheckinDay: date('last_checkin_day'),
    lastCheckinAt: timestamp('last_checkin_at', { withTimezone: true }),
    lastMood: integer('last_mood'),
    /** The latest complete, scored administration of each measure, and the baseline (the earliest marked one, else the earliest). */
    phq9LatestId: uuid('phq9_latest_id'),
    phq9Score: real('phq9_score'),
    phq9At: timestamp('phq9_at', { withTimezone: true }),
    phq9BaselineId: uuid('phq9_baseline_id'),
    phq9Baseline: real('phq9_baseline'),
    gad7LatestId: uuid('gad7_latest_id'),
    gad7Score: real('gad7_score'),
    gad7At: timestamp('gad7_at', { withTimezone: true }),
    gad7BaselineId: uuid('gad7_baseline_id'),
    gad7Baseline: real('gad7_baseline'),
    /** Open (unacknowledged) alerts by tier. */
    urgentAlerts: integer('urgent_alerts').notNull().default(0),
    followUpAlerts: integer('follow_up_alerts').notNull().default(0),
    /**
     * Due times of the client's open homework occurrences (neither done, cancelled nor set aside), ascending:
     * past ones and future ones alike, since a future one falls due as the clock moves. The roster counts those
     * inside the adherence window before now() by binary search (width_bucket), so "overdue" needs no scan of
     * the occurrences. Metadata (dates), read by admins through client_checkin_dates.
     */
    openHomeworkDueAt: timestamp('open_homework_due_at', { withTimezone: true }).array().notNull().default(sql`'{}'`),
  },
  (t) => [
    primaryKey({ columns: [t.practiceId, t.clientId] }),
    foreignKey({ columns: [t.practiceId, t.clientId], foreignColumns: [clients.practiceId, clients.id] }).onDelete('cascade'),
  ],
);
