import { index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { practices } from './practice';

/**
 * One row per write a person may retry: the key comes from the form, the row is written in the same
 * transaction as the change, and a retry with the same key gets `result` back instead of writing again.
 * Keyed by practice and actor, so a key can never reach into another practice or another person's writes.
 * `request_hash` is a digest of the submitted input: the same key with other answers is refused, not replayed.
 * `result` holds what the action returned to that same person (ids, flags); the hourly housekeeping job
 * (lib/jobs/housekeeping.ts) removes keys after seven days.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    practiceId: uuid('practice_id')
      .notNull()
      .references(() => practices.id),
    userId: uuid('user_id').notNull(),
    key: text('key').notNull(),
    action: text('action').notNull(),
    requestHash: text('request_hash').notNull(),
    result: jsonb('result'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.practiceId, t.userId, t.key] }),
    index('idempotency_keys_created_idx').on(t.practiceId, t.createdAt),
  ],
);
