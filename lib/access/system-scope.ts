import 'server-only';
import type { SQL } from 'drizzle-orm';
import { scopedTransaction, selfScopedCall, type Tx } from '@/db/client';
import { assertNoOpenPageLoad } from './scope';

/*
 * The transactions that run before there is an actor, or on no one's behalf. Each names what it opens;
 * none opens a clinical row (those need an actor's role, lib/access/scope.ts). Only lib/access imports
 * the database client (eslint.config.mjs), so every other module goes through these or `withActor`.
 */

/** Sign-in and sign-up: the users row of this exact email, nothing else. */
export function withSignInLookup<T>(email: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  assertNoOpenPageLoad('withSignInLookup');
  return scopedTransaction({ loginEmail: email }, fn);
}

/** A signed-in user's own memberships, before a practice is chosen. */
export function withOwnLogin<T>(userId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  assertNoOpenPageLoad('withOwnLogin');
  return scopedTransaction({ userId }, fn);
}

/**
 * Resolving the actor of a session: the practice, the user's membership and, for a client, the record
 * linked to that user. No role yet, so no clinical row and no other client's record.
 */
export function withMembershipLookup<T>(practiceId: string, userId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  assertNoOpenPageLoad('withMembershipLookup');
  return scopedTransaction({ practiceId, userId }, fn);
}

/**
 * Work the practice does on no actor's behalf: opening and accepting an invitation, creating a practice
 * at sign-up, checking for the demo practice. Sees the practice's accounts and client records, never
 * their clinical rows.
 */
export function withPracticeSystem<T>(
  scope: { practiceId: string; userId?: string | null },
  fn: (tx: Tx) => Promise<T>,
): Promise<T> {
  assertNoOpenPageLoad('withPracticeSystem');
  return scopedTransaction({ practiceId: scope.practiceId, userId: scope.userId ?? null, role: 'system' }, fn);
}

/** No practice at all: the sign-in throttle (not tenant data) and the token-to-practice lookup. */
export function withoutPractice<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  assertNoOpenPageLoad('withoutPractice');
  return scopedTransaction({}, fn);
}

/**
 * One statement on its own, outside any transaction, calling a SECURITY DEFINER function that scopes
 * itself: the per-request session check (`session_actor`) and the sign-in throttle's functions.
 */
export function callSelfScoped<T>(query: SQL): Promise<T[]> {
  assertNoOpenPageLoad('callSelfScoped');
  return selfScopedCall<T>(query);
}

/**
 * Background work done for one member (a reminder for a client, an alert notice or summary for a
 * clinician): the transaction sees exactly what that member's own would, so a job can never read more
 * clinical rows than the person it acts for.
 */
export function withMemberOnBehalf<T>(
  member: { practiceId: string; userId: string; membershipId: string; role: 'client' | 'therapist' | 'admin'; clientId?: string | null },
  fn: (tx: Tx) => Promise<T>,
): Promise<T> {
  assertNoOpenPageLoad('withMemberOnBehalf');
  return scopedTransaction(
    {
      practiceId: member.practiceId,
      userId: member.userId,
      role: member.role,
      membershipId: member.membershipId,
      clientId: member.role === 'client' ? (member.clientId ?? null) : null,
    },
    fn,
  );
}
