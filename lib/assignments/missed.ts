import 'server-only';
import { and, eq, inArray, lt } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { assignmentOccurrences } from '@/db/schema';

/**
 * Occurrences whose due time passed with nothing started become 'missed'. Done lazily, inside the
 * transaction of whichever read looks at them, so no background job is needed and every reader agrees.
 * An item the client has started ('in_progress') is left for them to finish late.
 */
export async function markMissedOccurrences(tx: Tx, practiceId: string, clientIds: readonly string[], now = new Date()): Promise<number> {
  if (!clientIds.length) return 0;
  const changed = await tx
    .update(assignmentOccurrences)
    .set({ status: 'missed', updatedAt: now })
    .where(
      and(
        eq(assignmentOccurrences.practiceId, practiceId),
        inArray(assignmentOccurrences.clientId, [...clientIds]),
        eq(assignmentOccurrences.status, 'due'),
        lt(assignmentOccurrences.dueAt, now),
      ),
    )
    .returning({ id: assignmentOccurrences.id });
  return changed.length;
}
