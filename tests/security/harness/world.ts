import { eq } from 'drizzle-orm';
import { memberships } from '../../../db/schema';
import { type Person, createMember, addToCareTeam } from '../../../db/seed/factories';
import type { Role } from '../../../lib/auth/types';
import { openTestDatabase } from '../../support/database';
import { actAsForTests } from '../../../lib/access/current-actor';
import { loadActor } from '../../../lib/auth/actor';
import type { SessionClaims } from '../../../lib/auth/sessions';
import { type TestPractice, TEST_PASSWORD, actAs, claimsFor, makePractice } from '../../support/factories';
import { type Fixture, populate } from './fixtures';

/** Every kind of caller the matrix tries, from the issue: the victim is always client A1 of practice A. */
export const ACTOR_KEYS = [
  'signedOut',
  'deactivated',
  'clientA1',
  'clientA2',
  'therapistA1',
  'therapistA',
  'adminA',
  'adminB',
  'therapistB',
] as const;
export type ActorKey = (typeof ACTOR_KEYS)[number];

export const ACTOR_LABELS: Record<ActorKey, string> = {
  signedOut: 'signed out',
  deactivated: "a deactivated therapist (formerly on A1's care team)",
  clientA1: 'client A1',
  clientA2: 'client A2 (same practice)',
  therapistA1: "therapist on A1's care team",
  therapistA: 'therapist of practice A, not on the care team',
  adminA: 'admin of A (not on the care team)',
  adminB: 'admin of B',
  therapistB: 'therapist of B',
};

export type WorldActor = { key: ActorKey; person: Person | null; practiceId: string | null; role: Role | null };

export type World = {
  A: TestPractice;
  B: TestPractice;
  deactivated: Person;
  actors: Record<ActorKey, WorldActor>;
  /** One row in every tenant table for client A1 (and the same for B's first client). */
  fixtureA: Fixture;
  fixtureB: Fixture;
  password: string;
};

let hashed: Promise<string> | null = null;
const passwordHash = async () => {
  const { hash } = await import('@node-rs/argon2');
  return (hashed ??= hash(TEST_PASSWORD, { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 }));
};

/** Two fresh practices, a deactivated former care-team member, and clinical rows carrying canaries. */
export async function makeWorld(): Promise<World> {
  const A = await makePractice('A');
  const B = await makePractice('B');
  const handle = await openTestDatabase();
  const db = await handle.owner();
  const tag = A.id.slice(0, 8);
  const deactivated = await createMember(db, A.id, 'therapist', {
    email: `gone-${tag}@test.example`,
    name: `Former Therapist ${tag}`,
    passwordHash: await passwordHash(),
  });
  await addToCareTeam(db, A.id, A.clientA1.clientId, deactivated.membershipId);
  await db.update(memberships).set({ status: 'deactivated' }).where(eq(memberships.id, deactivated.membershipId));
  const fixtureA = await populate(A, 'A');
  const fixtureB = await populate(B, 'B');
  const actors: Record<ActorKey, WorldActor> = {
    signedOut: { key: 'signedOut', person: null, practiceId: null, role: null },
    deactivated: { key: 'deactivated', person: deactivated, practiceId: A.id, role: 'therapist' },
    clientA1: { key: 'clientA1', person: A.clientA1, practiceId: A.id, role: 'client' },
    clientA2: { key: 'clientA2', person: A.clientA2, practiceId: A.id, role: 'client' },
    therapistA1: { key: 'therapistA1', person: A.therapist, practiceId: A.id, role: 'therapist' },
    therapistA: { key: 'therapistA', person: A.otherTherapist, practiceId: A.id, role: 'therapist' },
    adminA: { key: 'adminA', person: A.admin, practiceId: A.id, role: 'admin' },
    adminB: { key: 'adminB', person: B.admin, practiceId: B.id, role: 'admin' },
    therapistB: { key: 'therapistB', person: B.therapist, practiceId: B.id, role: 'therapist' },
  };
  return { A, B, deactivated, actors, fixtureA, fixtureB, password: TEST_PASSWORD };
}

export function actAsKey(world: World, key: ActorKey): void {
  const { person, practiceId } = world.actors[key];
  if (!person || !practiceId) {
    actAs(null);
    testSession.resolve = null;
    return;
  }
  // One session per turn, started on first use: actions (currentActor) and pages (Auth.js's auth(),
  // mocked in harness/auth-mock.ts) then resolve the same row, as one browser would.
  let claims: Promise<SessionClaims> | null = null;
  const resolve = () => (claims ??= claimsFor(person, practiceId));
  actAsForTests(async () => loadActor(await resolve()));
  testSession.resolve = resolve;
}

/** Makes pages and actions resolve these claims (a session's cookie), or nobody's. */
export function actWithClaims(claims: SessionClaims | null): void {
  actAsForTests(null);
  testSession.resolve = claims ? async () => claims : null;
}

export const testSession: { resolve: (() => Promise<SessionClaims>) | null } = ((globalThis as Record<string, unknown>).__mendTestSession ??= {
  resolve: null,
}) as { resolve: (() => Promise<SessionClaims>) | null };

/** The actor's user id (for the users table's own rows), when there is one. */
export function userIdOf(world: World, key: ActorKey): string | null {
  return world.actors[key].person?.userId ?? null;
}
