import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Failed sign-in counters per account and per address, kept in Postgres so throttling holds
 * across server instances. Keys are SHA-256 hashes: no email or address is stored in the clear.
 * Not tenant data (sign-in happens before a practice is known), so not under practice RLS.
 */
export const signInThrottle = pgTable('sign_in_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull().defaultNow(),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
});
