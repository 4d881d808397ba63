import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { clients, emailOutbox, practices, reminderPreferences, users } from '@/db/schema';
import { withPracticeSystem } from '@/lib/access/system-scope';
import { recordAudit } from '@/lib/audit/record';
import { effectiveReminderSettings, practiceNotificationSettings } from '@/lib/notifications/settings';
import { readUnsubscribeToken, type Channel } from './unsubscribe';

/**
 * Turns one channel off for one client, at once: the choice is saved and reminder emails still
 * waiting in the outbox for them are cancelled.
 */
async function unsubscribe(tx: Tx, practiceId: string, clientId: string, channel: Channel): Promise<boolean> {
  const [client] = await tx
    .select({ id: clients.id, userId: clients.userId, email: users.email })
    .from(clients)
    .leftJoin(users, eq(users.id, clients.userId))
    .where(and(eq(clients.practiceId, practiceId), eq(clients.id, clientId)));
  if (!client) return false;
  const [own] = await tx
    .select()
    .from(reminderPreferences)
    .where(and(eq(reminderPreferences.practiceId, practiceId), eq(reminderPreferences.clientId, clientId)));
  const current = effectiveReminderSettings(own, await practiceNotificationSettings(tx, practiceId), own?.timeZone ?? (await practiceTimeZone(tx, practiceId)));
  const next = { ...current, [channel]: false, updatedAt: new Date() };
  await tx
    .insert(reminderPreferences)
    .values({ practiceId, clientId, ...next })
    .onConflictDoUpdate({ target: [reminderPreferences.practiceId, reminderPreferences.clientId], set: { [channel]: false, updatedAt: new Date() } });
  if (channel === 'email' && client.email) {
    await tx
      .update(emailOutbox)
      .set({ status: 'cancelled' })
      .where(
        and(
          eq(emailOutbox.practiceId, practiceId),
          eq(emailOutbox.kind, 'reminder'),
          eq(emailOutbox.status, 'pending'),
          sql`lower(${emailOutbox.toAddress}) = ${client.email.toLowerCase()}`,
        ),
      );
  }
  // Recorded as the client's own act: only their emailed, signed link leads here.
  await recordAudit(tx, { practiceId, userId: client.userId as string, role: 'client' }, {
    action: 'reminders.unsubscribe',
    entityType: 'client',
    entityId: clientId,
    clientId,
    meta: { channel },
  });
  return true;
}

async function practiceTimeZone(tx: Tx, practiceId: string): Promise<string> {
  const [row] = await tx.select({ timeZone: practices.timeZone }).from(practices).where(eq(practices.id, practiceId));
  return row?.timeZone ?? 'UTC';
}

/**
 * Stops the channel a signed unsubscribe token names, at once. Returns the channel, or null when the
 * token is forged, altered or names no client. Shared by the page's button and the RFC 8058 POST.
 */
export async function unsubscribeWithToken(token: string): Promise<Channel | null> {
  const target = readUnsubscribeToken(token);
  if (!target) return null;
  const done = await withPracticeSystem({ practiceId: target.practiceId }, (tx) => unsubscribe(tx, target.practiceId, target.clientId, target.channel));
  return done ? target.channel : null;
}
