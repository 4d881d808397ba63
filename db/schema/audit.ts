import { index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { practices } from './practice';

/**
 * Append-only: the application role may insert and read, never update or delete
 * (enforced by grants in the migrations). `meta` never holds clinical text.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    practiceId: uuid('practice_id')
      .notNull()
      .references(() => practices.id),
    id: uuid('id').notNull().defaultRandom(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid('actor_user_id'),
    actorRole: text('actor_role'),
    action: text('action').notNull(),
    entityType: text('entity_type'),
    entityId: text('entity_id'),
    clientId: uuid('client_id'),
    meta: jsonb('meta').$type<Record<string, string | number | boolean | null>>(),
  },
  (t) => [
    primaryKey({ columns: [t.practiceId, t.id] }),
    index('audit_events_practice_at_idx').on(t.practiceId, t.at),
    index('audit_events_client_idx').on(t.practiceId, t.clientId),
  ],
);
