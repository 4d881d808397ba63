import { foreignKey, index, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { clients, memberships } from './people';

/**
 * A safety alert (docs/clinical.md §5.1). Unique per (source, kind): one trigger raises exactly one alert,
 * however often the same answer is retried.
 */
export const alerts = pgTable(
  'alerts',
  {
    practiceId: uuid('practice_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    clientId: uuid('client_id').notNull(),
    kind: text('kind').notNull(),
    tier: text('tier').$type<'urgent' | 'follow_up'>().notNull(),
    reason: text('reason').notNull(),
    sourceType: text('source_type').$type<'measure' | 'checkin' | 'submission' | 'change'>().notNull(),
    sourceId: uuid('source_id').notNull(),
    raisedAt: timestamp('raised_at', { withTimezone: true }).notNull().defaultNow(),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    acknowledgedByMembershipId: uuid('acknowledged_by_membership_id'),
    acknowledgementAction: text('acknowledgement_action'),
    acknowledgementNote: text('acknowledgement_note'),
  },
  (t) => [
    primaryKey({ columns: [t.practiceId, t.id] }),
    unique('alerts_source_kind_key').on(t.practiceId, t.sourceType, t.sourceId, t.kind),
    foreignKey({ columns: [t.practiceId, t.clientId], foreignColumns: [clients.practiceId, clients.id] }),
    foreignKey({
      columns: [t.practiceId, t.acknowledgedByMembershipId],
      foreignColumns: [memberships.practiceId, memberships.id],
    }),
    index('alerts_open_idx').on(t.practiceId, t.clientId, t.acknowledgedAt),
  ],
);
