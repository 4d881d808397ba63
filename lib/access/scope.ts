import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';
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

/**
 * The transaction of the page load in progress (`loadPage`), for the reads made on its behalf: the work joined
 * to it so far, and whether it has ended (work started after that, by a continuation still carrying this
 * context, opens a transaction of its own).
 */
type PageLoad = { scope: Scope; tx: Tx; joined: Set<Promise<unknown>>; ended: boolean };
const pageLoad = new AsyncLocalStorage<PageLoad>();

function sameScope(a: Scope, b: Scope): boolean {
  return (
    a.practiceId === b.practiceId &&
    a.userId === b.userId &&
    a.role === b.role &&
    a.membershipId === b.membershipId &&
    a.clientId === b.clientId
  );
}

/**
 * Refuses to open a transaction (or send a statement of its own) while a page's loader holds its transaction
 * open in this context: that work would wait for a second connection while the page holds one, which on the
 * embedded database (one connection) never comes, and on a server pool holds two connections per page. Such a
 * read belongs outside the page's `loadPage` (started beside it), or in it under the actor's scope.
 */
export function assertNoOpenPageLoad(what: string): void {
  const open = pageLoad.getStore();
  if (open && !open.ended) throw new Error(`${what} inside a page load's transaction: start it beside loadPage, not within it`);
}

/**
 * A read or write scoped to the actor. All domain queries run inside one. Called while a page's loader runs
 * (`loadPage`) for the same actor, it joins the loader's transaction: row-level security is told exactly the
 * same, and the page pays for one transaction instead of one per query function.
 */
export function withActor<T>(actor: Actor, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const scope = actorScope(actor);
  const open = pageLoad.getStore();
  if (open && !open.ended && !sameScope(open.scope, scope)) assertNoOpenPageLoad('A transaction for another actor');
  if (open && !open.ended) {
    // Adopted into one promise: `fn` may hand back drizzle's query itself, a thenable that runs its statement
    // again on every `.then`, and both the caller and the page load's settling would otherwise run it.
    const work = (async () => fn(open.tx))();
    open.joined.add(work);
    return work;
  }
  return scopedTransaction(scope, fn);
}

/**
 * A page's loader: every `withActor` read started inside `load` (the page's query functions, issued together)
 * runs in this one transaction, pipelined on its connection, so a page costs one BEGIN, one scope and one
 * COMMIT however many sections it reads (docs/architecture.md §4.4). Everything `load` starts must be awaited
 * before it returns: the transaction ends with it. For pages' reads and their read audit only; actions keep
 * `defineAction`'s transaction.
 */
export function loadPage<T>(actor: Actor, load: () => Promise<T>): Promise<T> {
  const scope = actorScope(actor);
  assertNoOpenPageLoad('A page load');
  return scopedTransaction(scope, async (tx) => {
    const page: PageLoad = { scope, tx, joined: new Set(), ended: false };
    try {
      return await pageLoad.run(page, load);
    } finally {
      // `load` may fail while reads it started are still running (Promise.all rejects at the first failure):
      // the transaction ends only when every read joined to it has settled, including reads those reads start.
      while (page.joined.size) {
        const settling = [...page.joined];
        page.joined.clear();
        await Promise.allSettled(settling);
      }
      page.ended = true;
    }
  });
}

/** Clinical content follows the care team (docs/clinical.md §6): a client sees their own, a clinician their team's. */
export function canReadClinical(actor: Actor, clientId: string): boolean {
  if (actor.role === 'client') return actor.clientId === clientId;
  return actor.careTeamClientIds.has(clientId);
}

export function assertClinicalAccess(actor: Actor, clientId: string): void {
  if (!canReadClinical(actor, clientId)) throw new NotFoundRefusal();
}
