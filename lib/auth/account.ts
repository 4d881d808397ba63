import 'server-only';
import { cache } from 'react';
import { withActor } from '@/lib/access/scope';
import { withOwnLogin } from '@/lib/access/system-scope';
import { namePractices, type OwnPractice, ownMemberships } from './practices';
import { activeSessions, type SessionListItem } from './sessions';
import type { Actor } from './types';

/**
 * The Account page's own part (both sides of the app): the person's live sessions and, when they belong to more
 * than one practice, the practices they can switch to. The sessions are read in the actor's transaction (joining
 * the page's `loadPage` when it has one), which sees the person's own sessions. Only a person with a membership in
 * another practice (the actor says so: session_actor) costs a second transaction, scoped to the login alone, the
 * one scope that may list their memberships in every practice; a practice's name is then read in that practice's
 * scope only for practices other than the session's own (whose name the actor carries). Memoised for the request,
 * so the page can start it beside its other reads.
 */
export const accountOverview = cache(
  async (actor: Actor): Promise<{ sessions: SessionListItem[]; practices: OwnPractice[] }> => {
    const [sessions, practices] = await Promise.all([
      withActor(actor, (tx) => activeSessions(tx, actor)),
      ownPractices(actor),
    ]);
    return { sessions, practices };
  },
);

async function ownPractices(actor: Actor): Promise<OwnPractice[]> {
  const current: OwnPractice = {
    membershipId: actor.membershipId,
    practiceId: actor.practiceId,
    practiceName: actor.practice.name,
    role: actor.role,
  };
  if (!actor.hasOtherPractices) return [current];
  const own = await withOwnLogin(actor.userId, (tx) => ownMemberships(tx, actor.userId));
  return namePractices(own, actor.userId, new Map([[actor.practiceId, actor.practice.name]]));
}
