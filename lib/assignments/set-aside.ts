'use server';

import { and, eq, inArray } from 'drizzle-orm';
import { assignmentOccurrences } from '@/db/schema';
import { defineAction } from '@/lib/access/action';
import { ActionRefusal, NotFoundRefusal } from '@/lib/access/errors';
import { setAsideInput } from './schemas';
import { SET_ASIDE_STATUS } from './standing';

const SETTABLE = ['due', 'in_progress', 'missed'] as const;

/**
 * Input: `{ occurrenceId, reason? }`. The client lets one of their own homework items go: it leaves their list,
 * their care team sees it was set aside (and why, if they said), and it is never counted as overdue.
 */
export const setAsideHomework = defineAction({
  name: 'homework.setAside',
  // The page's server data says it is set aside now: it is rendered again in the same response.
  refresh: true,
  permission: 'submission.write',
  input: setAsideInput,
  run: async ({ actor, input, tx, audit }) => {
    const clientId = actor.clientId;
    if (!clientId) throw new NotFoundRefusal();
    const [row] = await tx
      .select({ id: assignmentOccurrences.id, status: assignmentOccurrences.status, assignmentId: assignmentOccurrences.assignmentId })
      .from(assignmentOccurrences)
      .where(
        and(
          eq(assignmentOccurrences.practiceId, actor.practiceId),
          eq(assignmentOccurrences.id, input.occurrenceId),
          eq(assignmentOccurrences.clientId, clientId),
        ),
      );
    if (!row) throw new NotFoundRefusal();
    if (row.status === SET_ASIDE_STATUS) throw new ActionRefusal('You have already set this aside.');
    // The status is checked again in the write: a send arriving meanwhile wins.
    const now = new Date();
    const changed = await tx
      .update(assignmentOccurrences)
      .set({ status: SET_ASIDE_STATUS, setAsideAt: now, setAsideReason: input.reason, updatedAt: now })
      .where(
        and(
          eq(assignmentOccurrences.practiceId, actor.practiceId),
          eq(assignmentOccurrences.id, row.id),
          inArray(assignmentOccurrences.status, [...SETTABLE]),
        ),
      )
      .returning({ id: assignmentOccurrences.id });
    if (!changed.length) {
      throw new ActionRefusal(row.status === 'cancelled' ? 'Your therapist already took this one off your list.' : 'You have already sent this, so there is nothing to set aside.');
    }
    audit({ entityType: 'assignment_occurrence', entityId: row.id, clientId, meta: { assignmentId: row.assignmentId, withReason: input.reason !== null } });
    return { occurrenceId: row.id };
  },
  successMessage: 'Set aside. Your therapist will see that you let this one go.',
});
