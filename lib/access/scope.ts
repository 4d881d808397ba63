import 'server-only';
import { scopedTransaction, type Tx } from '@/db/client';
import type { Actor } from '@/lib/auth/types';
import { NotFoundRefusal } from './errors';

/** A read or write scoped to the actor's practice. All domain queries run inside one. */
export function withActor<T>(actor: Actor, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return scopedTransaction({ practiceId: actor.practiceId, userId: actor.userId }, fn);
}

/** Clinical content follows the care team (CLINICAL §6): a client sees their own, a clinician their team's. */
export function canReadClinical(actor: Actor, clientId: string): boolean {
  if (actor.role === 'client') return actor.clientId === clientId;
  return actor.careTeamClientIds.has(clientId);
}

export function assertClinicalAccess(actor: Actor, clientId: string): void {
  if (!canReadClinical(actor, clientId)) throw new NotFoundRefusal();
}
