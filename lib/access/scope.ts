import 'server-only';
import { type Scope, scopedTransaction, type Tx } from '@/db/client';
import type { Actor } from '@/lib/auth/types';
import { NotFoundRefusal } from './errors';

/**
 * What row-level security is told about the actor: the practice, and the role, membership and client
 * record whose rows the transaction may see (a client their own, a therapist or admin their care team's).
 */
export function actorScope(actor: Actor): Scope {
  return {
    practiceId: actor.practiceId,
    userId: actor.userId,
    role: actor.role,
    membershipId: actor.membershipId,
    clientId: actor.role === 'client' ? actor.clientId : null,
  };
}

/** A read or write scoped to the actor. All domain queries run inside one. */
export function withActor<T>(actor: Actor, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return scopedTransaction(actorScope(actor), fn);
}

/** Clinical content follows the care team (docs/clinical.md §6): a client sees their own, a clinician their team's. */
export function canReadClinical(actor: Actor, clientId: string): boolean {
  if (actor.role === 'client') return actor.clientId === clientId;
  return actor.careTeamClientIds.has(clientId);
}

export function assertClinicalAccess(actor: Actor, clientId: string): void {
  if (!canReadClinical(actor, clientId)) throw new NotFoundRefusal();
}
