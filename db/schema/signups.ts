import { index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { practices } from './practice';

/**
 * A practice sign-up waiting for its email to be confirmed. Nothing of the practice or its admin
 * exists until the link is opened: this row holds what the form said, the argon2 hash of the chosen
 * password (never the password) and only the SHA-256 of the link's token. Rows belong to Mend's own
 * accounts desk (PLATFORM_PRACTICE_ID, migration 0019), which also sends their email; `id` becomes the
 * new practice's id, so a link can create its practice once at most.
 */
export const pendingSignups = pgTable(
  'pending_signups',
  {
    practiceId: uuid('practice_id')
      .notNull()
      .references(() => practices.id),
    id: uuid('id').notNull().defaultRandom(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    practiceName: text('practice_name').notNull(),
    timeZone: text('time_zone').notNull(),
    /** Cleared once the practice is created. */
    passwordHash: text('password_hash'),
    tokenHash: text('token_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.practiceId, t.id] }),
    uniqueIndex('pending_signups_practice_token_hash_key').on(t.practiceId, t.tokenHash),
    index('pending_signups_token_hash_idx').on(t.tokenHash),
  ],
);
