import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import webpush from 'web-push';
import { withPracticeSystem } from '@/lib/access/system-scope';
import { pushSubscriptions } from '@/db/schema';
import { getVapidKeys } from './vapid';

/** What a push carries: a title, a line without clinical content, and where a tap leads. */
export type PushMessage = { title: string; body: string; url: string };

/**
 * Sends a Web Push message to every browser the member subscribed. A subscription the push service
 * says is gone (404/410) is deleted. Returns how many were delivered. Failures are not retried: a
 * push is a nudge, and the email (from the outbox) is the channel that is never lost.
 */
export async function pushToMember(practiceId: string, membershipId: string, message: PushMessage): Promise<number> {
  const vapid = getVapidKeys();
  if (!vapid) return 0;
  const subscriptions = await withPracticeSystem({ practiceId }, (tx) =>
    tx
      .select()
      .from(pushSubscriptions)
      .where(and(eq(pushSubscriptions.practiceId, practiceId), eq(pushSubscriptions.membershipId, membershipId))),
  );
  let delivered = 0;
  const gone: string[] = [];
  for (const s of subscriptions) {
    try {
      await webpush.sendNotification({ endpoint: s.endpoint, keys: { p256dh: s.p256dh, auth: s.auth } }, JSON.stringify(message), {
        vapidDetails: vapid,
        TTL: 12 * 3600,
        timeout: 10_000,
      });
      delivered++;
    } catch (error) {
      const status = (error as { statusCode?: number }).statusCode;
      if (status === 404 || status === 410) gone.push(s.id);
    }
  }
  if (gone.length) {
    await withPracticeSystem({ practiceId }, (tx) =>
      tx.delete(pushSubscriptions).where(and(eq(pushSubscriptions.practiceId, practiceId), inArray(pushSubscriptions.id, gone))),
    );
  }
  return delivered;
}
