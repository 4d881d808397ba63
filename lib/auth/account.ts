import 'server-only';
import { cache } from 'react';
import { withActor } from '@/lib/access/scope';
import { withOwnLogin } from '@/lib/access/system-scope';
import { namePractices, type OwnPractice, ownMemberships } from './practices';
import { activeSessions, type SessionListItem } from './sessions';
import type { Actor } from './types';

/*
 * The Account page's own part (both sides of the app): the person's live sessions and, when they belong to more
 * than one practice, the practices they can switch to. Each is memoised for the request, so a page starts them
 * beside its other reads and AccountPage receives what they read.
 */

/** The person's live sessions, in the actor's transaction (joining the page's `loadPage`, which sees their own). */
export const accountSessions = cache((actor: Actor): Promise<SessionListItem[]> =>
  withActor(actor, (tx) => activeSessions(tx, actor)),
);

/**
 * The practices the person can switch between. Only a person with a membership in another practice (the actor
 * says so: session_actor) costs a transaction, scoped to the login alone, the one scope that may list their
 * memberships in every practice: never start it inside a page's `loadPage`, beside it. A practice's name is then
 * read in that practice's scope only for practices other than the session's own (whose name the actor carries).
 */
export const accountPractices = cache(async (actor: Actor): Promise<OwnPractice[]> => {
  const current: OwnPractice = {
    membershipId: actor.membershipId,
    practiceId: actor.practiceId,
    practiceName: actor.practice.name,
    role: actor.role,
  };
  if (!actor.hasOtherPractices) return [current];
  const own = await withOwnLogin(actor.userId, (tx) => ownMemberships(tx, actor.userId));
  return namePractices(own, actor.userId, new Map([[actor.practiceId, actor.practice.name]]));
});

/** Both, for AccountPage. */
export async function accountOverview(
  actor: Actor,
): Promise<{ sessions: SessionListItem[]; practices: OwnPractice[] }> {
  const [sessions, practices] = await Promise.all([accountSessions(actor), accountPractices(actor)]);
  return { sessions, practices };
}
