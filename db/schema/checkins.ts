import {
  boolean,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { clients } from './people';

/** One per client per local day (the practice's time zone); a second the same day updates it. */
export const checkins = pgTable(
  'checkins',
  {
    practiceId: uuid('practice_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    clientId: uuid('client_id').notNull(),
    localDay: date('local_day').notNull(),
    mood: integer('mood').notNull(),
    distress: integer('distress').notNull(),
    window: text('window').$type<'hypo' | 'within' | 'hyper'>().notNull(),
    sleepHours: real('sleep_hours'),
    sleepQuality: integer('sleep_quality'),
    socialContact: text('social_contact'),
    feltConnected: integer('felt_connected'),
    feltRejected: integer('felt_rejected'),
    selfCare: text('self_care').array().notNull().default([]),
    note: text('note'),
    safetyThoughts: boolean('safety_thoughts'),
    revision: integer('revision').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.practiceId, t.id] }),
    unique('checkins_client_day_key').on(t.practiceId, t.clientId, t.localDay),
    foreignKey({ columns: [t.practiceId, t.clientId], foreignColumns: [clients.practiceId, clients.id] }),
  ],
);

/** The earlier state of a check-in each time it is updated the same day. */
export const checkinRevisions = pgTable(
  'checkin_revisions',
  {
    practiceId: uuid('practice_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    checkinId: uuid('checkin_id').notNull(),
    clientId: uuid('client_id').notNull(),
    revision: integer('revision').notNull(),
    snapshot: jsonb('snapshot').$type<Record<string, unknown>>().notNull(),
    replacedAt: timestamp('replaced_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.practiceId, t.id] }),
    foreignKey({ columns: [t.practiceId, t.checkinId], foreignColumns: [checkins.practiceId, checkins.id] }).onDelete('cascade'),
    index('checkin_revisions_checkin_idx').on(t.practiceId, t.checkinId),
  ],
);
