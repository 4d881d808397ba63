import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Failed sign-in counters per (account, address), per address and per account, kept in Postgres so
 * throttling holds across server instances. Keys are keyed hashes: no email or address is stored in
 * the clear. Not tenant data (sign-in happens before a practice is known). The application role has
 * no privilege on it: SECURITY DEFINER functions count failures and mark known pairs (db/migrations).
 */
export const signInThrottle = pgTable('sign_in_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull().defaultNow(),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  /** For an (account, address) pair: until when a successful sign-in there lets it past the wider limits. */
  knownUntil: timestamp('known_until', { withTimezone: true }),
});
