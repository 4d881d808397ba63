import { sql } from 'drizzle-orm';
import {
  date,
  foreignKey,
  index,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { practices } from './practice';

export const roleEnum = pgEnum('member_role', ['admin', 'therapist', 'client']);
export const userStatusEnum = pgEnum('user_status', ['invited', 'active', 'deactivated']);
export const clientStatusEnum = pgEnum('client_status', ['active', 'paused', 'discharged', 'archived']);

/**
 * A login identity, shared across practices. Not a tenant table: one person may belong to
 * several practices. RLS still hides every row except the caller's own and the members of
 * the practice in scope.
 */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash'),
    status: userStatusEnum('status').notNull().default('invited'),
    lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_email_lower_key').on(sql`lower(${t.email})`)],
);

export const memberships = pgTable(
  'memberships',
  {
    practiceId: uuid('practice_id')
      .notNull()
      .references(() => practices.id),
    id: uuid('id').notNull().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    role: roleEnum('role').notNull(),
    /**
     * Deactivation is per practice: a person deactivated here can still use their other practices.
     * (`users.status` is the login's own state.)
     */
    status: userStatusEnum('status').notNull().default('active'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.practiceId, t.id] }),
    unique('memberships_practice_user_key').on(t.practiceId, t.userId),
    index('memberships_user_idx').on(t.userId),
  ],
);

/** The clinical record. It exists before any portal login; `userId` is set when the client accepts an invitation. */
export const clients = pgTable(
  'clients',
  {
    practiceId: uuid('practice_id')
      .notNull()
      .references(() => practices.id),
    id: uuid('id').notNull().defaultRandom(),
    userId: uuid('user_id').references(() => users.id),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    preferredName: text('preferred_name'),
    pronouns: text('pronouns'),
    email: text('email'),
    status: clientStatusEnum('status').notNull().default('active'),
    intakeDate: date('intake_date'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.practiceId, t.id] }),
    unique('clients_practice_user_key').on(t.practiceId, t.userId),
    index('clients_practice_name_idx').on(t.practiceId, t.lastName, t.firstName),
  ],
);

/** Which therapists treat which client. Clinical access follows this table, not the role. */
export const careTeam = pgTable(
  'care_team',
  {
    practiceId: uuid('practice_id').notNull(),
    clientId: uuid('client_id').notNull(),
    membershipId: uuid('membership_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.practiceId, t.clientId, t.membershipId] }),
    foreignKey({ columns: [t.practiceId, t.clientId], foreignColumns: [clients.practiceId, clients.id] }).onDelete(
      'cascade',
    ),
    foreignKey({
      columns: [t.practiceId, t.membershipId],
      foreignColumns: [memberships.practiceId, memberships.id],
    }).onDelete('cascade'),
    index('care_team_member_idx').on(t.practiceId, t.membershipId),
  ],
);

/** Single-use invitation links. Only the SHA-256 of the token is stored. */
export const invitations = pgTable(
  'invitations',
  {
    practiceId: uuid('practice_id')
      .notNull()
      .references(() => practices.id),
    id: uuid('id').notNull().defaultRandom(),
    email: text('email').notNull(),
    role: roleEnum('role').notNull(),
    clientId: uuid('client_id'),
    tokenHash: text('token_hash').notNull(),
    invitedByMembershipId: uuid('invited_by_membership_id').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.practiceId, t.id] }),
    // Unique within the practice (a distributed Postgres needs practice_id in every unique key); the token is
    // 256 random bits, and invitation_practice() finds its practice through the plain index below.
    uniqueIndex('invitations_practice_token_hash_key').on(t.practiceId, t.tokenHash),
    index('invitations_token_hash_idx').on(t.tokenHash),
    foreignKey({ columns: [t.practiceId, t.clientId], foreignColumns: [clients.practiceId, clients.id] }),
    foreignKey({
      columns: [t.practiceId, t.invitedByMembershipId],
      foreignColumns: [memberships.practiceId, memberships.id],
    }),
  ],
);
