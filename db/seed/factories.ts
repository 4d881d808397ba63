import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../connection';
import { careTeam, clients, memberships, practices, users } from '../schema';

/**
 * Builders for practices and people, used by the demo seed and by every integration test
 * (a fresh practice per test). They run on the owner connection with the practice set, so
 * they work whether the owner is a superuser or a table owner under forced RLS.
 * Ids are made here rather than read back, because RETURNING is itself subject to RLS.
 */
export async function ownerScoped<T>(db: Db, practiceId: string | null, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('app.practice_id', ${practiceId ?? ''}, true)`);
    return fn(tx);
  });
}

export type PracticeInput = { id?: string; name: string; timeZone?: string; isDemo?: boolean; safetyQuestionEnabled?: boolean };

export async function createPractice(db: Db, input: PracticeInput): Promise<{ id: string }> {
  const id = input.id ?? randomUUID();
  await ownerScoped(db, id, (tx) =>
    tx.insert(practices).values({
      id,
      name: input.name,
      timeZone: input.timeZone ?? 'America/New_York',
      isDemo: input.isDemo ?? false,
      safetyQuestionEnabled: input.safetyQuestionEnabled ?? true,
    }),
  );
  return { id };
}

export type UserInput = {
  email: string;
  name: string;
  passwordHash?: string | null;
  status?: 'invited' | 'active' | 'deactivated';
};

export async function createUser(db: Db, input: UserInput): Promise<{ id: string }> {
  const id = randomUUID();
  await ownerScoped(db, null, (tx) =>
    tx.insert(users).values({
      id,
      email: input.email.toLowerCase(),
      name: input.name,
      passwordHash: input.passwordHash ?? null,
      status: input.status ?? 'active',
    }),
  );
  return { id };
}

export async function addMembership(
  db: Db,
  practiceId: string,
  userId: string,
  role: 'admin' | 'therapist' | 'client',
): Promise<{ id: string }> {
  const id = randomUUID();
  await ownerScoped(db, practiceId, (tx) => tx.insert(memberships).values({ practiceId, id, userId, role }));
  return { id };
}

export type ClientInput = {
  firstName: string;
  lastName: string;
  preferredName?: string | null;
  pronouns?: string | null;
  email?: string | null;
  userId?: string | null;
  status?: 'active' | 'paused' | 'discharged' | 'archived';
  intakeDate?: string | null;
};

export async function createClientRecord(db: Db, practiceId: string, input: ClientInput): Promise<{ id: string }> {
  const id = randomUUID();
  await ownerScoped(db, practiceId, (tx) =>
    tx.insert(clients).values({
      practiceId,
      id,
      firstName: input.firstName,
      lastName: input.lastName,
      preferredName: input.preferredName ?? null,
      pronouns: input.pronouns ?? null,
      email: input.email ?? null,
      userId: input.userId ?? null,
      status: input.status ?? 'active',
      intakeDate: input.intakeDate ?? null,
    }),
  );
  return { id };
}

export async function addToCareTeam(db: Db, practiceId: string, clientId: string, membershipId: string) {
  await ownerScoped(db, practiceId, (tx) =>
    tx.insert(careTeam).values({ practiceId, clientId, membershipId }).onConflictDoNothing(),
  );
}

export type Person = { userId: string; membershipId: string; email: string; name: string };
export type ClientPerson = Person & { clientId: string };

/** A member with a login: user, then membership. */
export async function createMember(
  db: Db,
  practiceId: string,
  role: 'admin' | 'therapist',
  input: UserInput,
): Promise<Person> {
  const user = await createUser(db, input);
  const membership = await addMembership(db, practiceId, user.id, role);
  return { userId: user.id, membershipId: membership.id, email: input.email.toLowerCase(), name: input.name };
}

/** A client with a clinical record linked to a portal login, on the given therapists' care team. */
export async function createClientWithLogin(
  db: Db,
  practiceId: string,
  input: UserInput & Omit<ClientInput, 'userId' | 'email'>,
  therapistMembershipIds: string[] = [],
): Promise<ClientPerson> {
  const user = await createUser(db, input);
  const membership = await addMembership(db, practiceId, user.id, 'client');
  const record = await createClientRecord(db, practiceId, { ...input, email: input.email, userId: user.id });
  for (const therapist of therapistMembershipIds) await addToCareTeam(db, practiceId, record.id, therapist);
  return {
    userId: user.id,
    membershipId: membership.id,
    clientId: record.id,
    email: input.email.toLowerCase(),
    name: input.name,
  };
}
