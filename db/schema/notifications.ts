import { boolean, date, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { practices } from './practice';
import { clients, memberships } from './people';

/**
 * The practice's defaults for reminders and its escalation window. One row per practice, written
 * the first time an admin saves them; until then the defaults in lib/notifications/defaults.ts apply.
 */
export const notificationSettings = pgTable('notification_settings', {
  practiceId: uuid('practice_id')
    .primaryKey()
    .references(() => practices.id),
  remindersOnByDefault: boolean('reminders_on_by_default').notNull().default(true),
  defaultCheckinTime: text('default_checkin_time').notNull().default('19:00'),
  defaultQuietStart: text('default_quiet_start').notNull().default('21:00'),
  defaultQuietEnd: text('default_quiet_end').notNull().default('08:00'),
  defaultWeeklyCap: integer('default_weekly_cap').notNull().default(7),
  /**
   * An urgent alert unacknowledged this long notifies its care team; admins follow at 24 hours
   * (docs/clinical.md §5.3).
   */
  escalationWindowMinutes: integer('escalation_window_minutes').notNull().default(60),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A client's reminder choices. No row: the practice's defaults. */
export const reminderPreferences = pgTable(
  'reminder_preferences',
  {
    practiceId: uuid('practice_id').notNull(),
    clientId: uuid('client_id').notNull(),
    enabled: boolean('enabled').notNull(),
    email: boolean('email').notNull().default(true),
    push: boolean('push').notNull().default(true),
    /** Local wall-clock time, HH:MM, in `timeZone`. */
    checkinTime: text('checkin_time').notNull(),
    timeZone: text('time_zone').notNull(),
    quietStart: text('quiet_start').notNull(),
    quietEnd: text('quiet_end').notNull(),
    weeklyCap: integer('weekly_cap').notNull(),
    /** No reminders on or before this local day. */
    pausedUntil: date('paused_until'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.practiceId, t.clientId] }),
    foreignKey({ columns: [t.practiceId, t.clientId], foreignColumns: [clients.practiceId, clients.id] }),
  ],
);

/** A clinician's opt-ins: the daily digest (counts only). */
export const clinicianNotificationPreferences = pgTable(
  'clinician_notification_preferences',
  {
    practiceId: uuid('practice_id').notNull(),
    membershipId: uuid('membership_id').notNull(),
    dailyDigest: boolean('daily_digest').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.practiceId, t.membershipId] }),
    foreignKey({ columns: [t.practiceId, t.membershipId], foreignColumns: [memberships.practiceId, memberships.id] }),
  ],
);

/** A browser's Web Push subscription, for one member of one practice. */
export const pushSubscriptions = pgTable(
  'push_subscriptions',
  {
    practiceId: uuid('practice_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    membershipId: uuid('membership_id').notNull(),
    endpoint: text('endpoint').notNull(),
    p256dh: text('p256dh').notNull(),
    auth: text('auth').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.practiceId, t.id] }),
    unique('push_subscriptions_endpoint_key').on(t.practiceId, t.endpoint),
    foreignKey({ columns: [t.practiceId, t.membershipId], foreignColumns: [memberships.practiceId, memberships.id] }),
    index('push_subscriptions_member_idx').on(t.practiceId, t.membershipId),
  ],
);

/**
 * One notification decided for one person: its unique key is what makes a scheduled job idempotent.
 * Two workers deciding the same reminder at once both try to insert it; one wins, the other sends nothing.
 */
export const notificationDeliveries = pgTable(
  'notification_deliveries',
  {
    practiceId: uuid('practice_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    membershipId: uuid('membership_id').notNull(),
    /** reminder | escalation_care_team | escalation_admin | digest */
    kind: text('kind').notNull(),
    /** What it is about, without clinical content: a local day, an alert id. */
    subjectKey: text('subject_key').notNull(),
    emailed: boolean('emailed').notNull().default(false),
    pushed: integer('pushed').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.practiceId, t.id] }),
    unique('notification_deliveries_once_key').on(t.practiceId, t.membershipId, t.kind, t.subjectKey),
    foreignKey({ columns: [t.practiceId, t.membershipId], foreignColumns: [memberships.practiceId, memberships.id] }),
    index('notification_deliveries_recent_idx').on(t.practiceId, t.membershipId, t.kind, t.createdAt),
  ],
);

/**
 * Email waiting to be sent, written in the same transaction as the change that causes it. The body is
 * cleared once sent: it may hold a single-use link.
 */
export const emailOutbox = pgTable(
  'email_outbox',
  {
    practiceId: uuid('practice_id')
      .notNull()
      .references(() => practices.id),
    id: uuid('id').notNull().defaultRandom(),
    /** invitation | reset | verification | reminder | notification */
    kind: text('kind').notNull(),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    body: text('body'),
    unsubscribeUrl: text('unsubscribe_url'),
    status: text('status').$type<'pending' | 'sent' | 'failed' | 'cancelled'>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    /** The transport's error code or name only; never the message, which may quote the address. */
    lastError: text('last_error'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.practiceId, t.id] }), index('email_outbox_due_idx').on(t.status, t.nextAttemptAt)],
);

/** What the practice's admin sees of background work: per job, when it last ran and whether it is failing. */
export const jobRuns = pgTable(
  'job_runs',
  {
    practiceId: uuid('practice_id')
      .notNull()
      .references(() => practices.id),
    job: text('job').notNull(),
    lastStartedAt: timestamp('last_started_at', { withTimezone: true }),
    lastSucceededAt: timestamp('last_succeeded_at', { withTimezone: true }),
    lastFailedAt: timestamp('last_failed_at', { withTimezone: true }),
    /** Failures since the last success. */
    failuresInARow: integer('failures_in_a_row').notNull().default(0),
    totalFailures: integer('total_failures').notNull().default(0),
    lastError: text('last_error'),
  },
  (t) => [primaryKey({ columns: [t.practiceId, t.job] })],
);

