import 'server-only';
import { sql } from 'drizzle-orm';
import { callSelfScoped } from '@/lib/access/system-scope';
import { forEachPractice } from './practices';

/**
 * The `housekeeping.prune` job: removes what Mend keeps only for a while (db/migrations/0017): each
 * practice's idempotency keys after seven days, sessions and sign-in counters that can no longer
 * matter, and sign-ups a week after their link expired (0024). Each call is one statement of a SECURITY DEFINER function that takes no row from us, so the
 * job can delete nothing that has not expired. Idempotent: a second run finds nothing more.
 */
export async function pruneExpired(_now: Date = new Date(), practiceIds?: string[]): Promise<void> {
  if (!practiceIds) {
    await callSelfScoped(sql`select prune_sign_in_state()`);
    await callSelfScoped(sql`select prune_pending_signups()`);
  }
  await forEachPractice(
    'housekeeping.prune',
    async (practice) => {
      await callSelfScoped(sql`select prune_idempotency_keys(${practice.id}::uuid)`);
    },
    practiceIds,
  );
}
