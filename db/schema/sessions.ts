import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './people';

/**
 * One row per signed-in browser. The Auth.js cookie carries only this row's id; the row decides
 * whether the session is alive (not ended, not idle past the practice's current limit, not past
 * the absolute limit). Like `users`, a login-level table: one session moves between the practices
 * its person belongs to, carrying exactly one of them at a time (`current_*`, unset until chosen).
 */
export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    currentPracticeId: uuid('current_practice_id'),
    currentMembershipId: uuid('current_membership_id'),
    /** "Firefox on Android": a summary, never the raw user-agent string. */
    device: text('device').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    /** signOut, passwordChanged, passwordReset, deactivated, idle, absolute, endedByUser, membershipGone */
    endedReason: text('ended_reason'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);
