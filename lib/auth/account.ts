import 'server-only';
import { cache } from 'react';
import { withOwnLogin } from '@/lib/access/system-scope';
import { namePractices, type OwnPractice, ownMemberships } from './practices';
import { activeSessions, type SessionListItem } from './sessions';
import type { Actor } from './types';

/**
 * The Account page's own part (both sides of the app): the person's live sessions and, when they belong to more
 * than one practice, the practices they can switch to. One transaction scoped to the login reads the sessions and
 * the memberships together; a practice's name is read in that practice's scope only for practices other than the
 * session's own (whose name the actor carries), so a person in one practice costs no more than the one
 * transaction. Memoised for the request, so the page can start it beside its other reads.
 */
export const accountOverview = cache(
  async (actor: Actor): Promise<{ sessions: SessionListItem[]; practices: OwnPractice[] }> => {
    const [sessions, own] = await withOwnLogin(actor.userId, (tx) =>
      Promise.all([activeSessions(tx, actor), ownMemberships(tx, actor.userId)]),
    );
    const practices = await namePractices(own, actor.userId, new Map([[actor.practiceId, actor.practice.name]]));
    return { sessions, practices };
  },
);
