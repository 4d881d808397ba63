import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { hash } from '@node-rs/argon2';
import { actAsForTests } from '../../lib/access/current-actor';
import { loadActor } from '../../lib/auth/actor';
import type { SessionClaims } from '../../lib/auth/sessions';
import type { Actor } from '../../lib/auth/types';
import type { Db } from '../../db/connection';
import { sessions } from '../../db/schema';
import {
  type ClientPerson,
  type Person,
  createClientWithLogin,
  createMember,
  createPractice,
  ownerScoped,
} from '../../db/seed/factories';
import { openTestDatabase } from './database';

export const TEST_PASSWORD = 'correct-horse-battery-staple';
let passwordHash: Promise<string> | null = null;
const testHash = () => (passwordHash ??= hash(TEST_PASSWORD, { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 }));

export type TestPractice = {
  id: string;
  name: string;
  admin: Person;
  /** On client A1's care team. */
  therapist: Person;
  /** Same practice, not on A1's care team (treats A2). */
  otherTherapist: Person;
  clientA1: ClientPerson;
  clientA2: ClientPerson;
};

/** A fresh, isolated practice per test: an admin, two therapists and two clients with logins. */
export async function makePractice(label = 'Practice'): Promise<TestPractice> {
  const handle = await openTestDatabase();
  const db = await handle.owner();
  const tag = randomUUID().slice(0, 8);
  const name = `${label} ${tag}`;
  const passwordHash = await testHash();
  const { id } = await createPractice(db, { name, timeZone: 'America/New_York' });
  const admin = await createMember(db, id, 'admin', { email: `admin-${tag}@test.example`, name: `Admin ${tag}`, passwordHash });
  const therapist = await createMember(db, id, 'therapist', { email: `t1-${tag}@test.example`, name: `Therapist One ${tag}`, passwordHash });
  const otherTherapist = await createMember(db, id, 'therapist', { email: `t2-${tag}@test.example`, name: `Therapist Two ${tag}`, passwordHash });
  const clientA1 = await createClientWithLogin(
    db,
    id,
    { email: `c1-${tag}@test.example`, name: `Client One ${tag}`, firstName: 'Client', lastName: `One ${tag}`, passwordHash },
    [therapist.membershipId],
  );
  const clientA2 = await createClientWithLogin(
    db,
    id,
    { email: `c2-${tag}@test.example`, name: `Client Two ${tag}`, firstName: 'Client', lastName: `Two ${tag}`, passwordHash },
    [otherTherapist.membershipId],
  );
  return { id, name, admin, therapist, otherTherapist, clientA1, clientA2 };
}

/**
 * A live session row for `person` in `practiceId`, as a sign-in would start it, and the claims its
 * cookie would carry. `ago` backdates it (minutes since it started and since it was last used).
 */
export async function claimsFor(
  person: Person,
  practiceId: string,
  ago: { startedMinutes?: number; lastSeenMinutes?: number } = {},
): Promise<SessionClaims> {
  const db = await (await openTestDatabase()).owner();
  const sessionId = randomUUID();
  // The database's clock, not Date.now(): tests may fake the process's date.
  const at = (minutes = 0) => sql`now() - make_interval(mins => ${minutes})`;
  await ownerScoped(db, practiceId, (tx) =>
    tx.insert(sessions).values({
      id: sessionId,
      userId: person.userId,
      currentPracticeId: practiceId,
      currentMembershipId: person.membershipId,
      device: 'Test runner',
      createdAt: at(ago.startedMinutes),
      lastSeenAt: at(ago.lastSeenMinutes),
    }),
  );
  return { sessionId, userId: person.userId };
}

/** The database owner's connection (bypasses nothing by itself: scope it with `ownerScoped` or `asOwner`). */
export async function owner(): Promise<Db> {
  return (await openTestDatabase()).owner();
}

/** Resolves the actor from the database, exactly as a request would, through a fresh session. */
export async function actorFor(person: Person, practiceId: string): Promise<Actor | null> {
  return loadActor(await claimsFor(person, practiceId));
}

/** As `actorFor`, for a person who must have one (an active member): fails the test otherwise. */
export async function actorOf(person: Person, practiceId: string): Promise<Actor> {
  const actor = await actorFor(person, practiceId);
  if (!actor) throw new Error(`no actor for membership ${person.membershipId}: is the account active?`);
  return actor;
}

/**
 * Makes the following action calls come from `person`'s session (or from nobody). The session row
 * is started on first use and then resolved at every call, as a request would.
 */
export function actAs(person: Person | null, practiceId?: string): void {
  if (!person || !practiceId) return actAsForTests(async () => null);
  let claims: Promise<SessionClaims> | null = null;
  actAsForTests(async () => loadActor(await (claims ??= claimsFor(person, practiceId))));
}
