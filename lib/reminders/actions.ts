'use server';

import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { withPracticeSystem } from '@/lib/access/system-scope';
import { clients, emailOutbox, practices, pushSubscriptions, reminderPreferences, users } from '@/db/schema';
import { defineAction } from '@/lib/access/action';
import { ActionRefusal, NotFoundRefusal } from '@/lib/access/errors';
import { recordAudit } from '@/lib/audit/record';
import { effectiveReminderSettings, practiceNotificationSettings } from '@/lib/notifications/settings';
import { runPublicAction } from '@/lib/practice/public-action';
import { pushSubscriptionInput, reminderPreferencesInput, unsubscribeInput } from './schemas';
import { readUnsubscribeToken, type Channel } from './unsubscribe';

/** The client's own reminder choices; the client record is always the actor's own, never one from the form. */
export const saveReminderPreferences = defineAction({
  name: 'reminders.save',
  permission: 'reminders.manageOwn',
  input: reminderPreferencesInput,
  run: async ({ actor, input, tx, audit }) => {
    if (!actor.clientId) throw new NotFoundRefusal();
    const values = { ...input, updatedAt: new Date() };
    await tx
      .insert(reminderPreferences)
      .values({ practiceId: actor.practiceId, clientId: actor.clientId, ...values })
      .onConflictDoUpdate({ target: [reminderPreferences.practiceId, reminderPreferences.clientId], set: values });
    audit({ entityType: 'client', entityId: actor.clientId, clientId: actor.clientId, meta: { enabled: input.enabled, email: input.email, push: input.push } });
    return { enabled: input.enabled };
  },
  successMessage: 'Reminder settings saved.',
});

/** Stores this browser's push subscription for the signed-in member (a browser moving between logins follows the latest). */
export const savePushSubscription = defineAction({
  name: 'push.subscribe',
  permission: 'push.subscribe',
  input: pushSubscriptionInput,
  run: async ({ actor, input, tx, audit }) => {
    const [row] = await tx
      .insert(pushSubscriptions)
      .values({ practiceId: actor.practiceId, membershipId: actor.membershipId, endpoint: input.endpoint, p256dh: input.p256dh, auth: input.auth })
      .onConflictDoUpdate({
        target: [pushSubscriptions.practiceId, pushSubscriptions.endpoint],
        set: { membershipId: actor.membershipId, p256dh: input.p256dh, auth: input.auth, createdAt: sql`now()` },
      })
      .returning({ id: pushSubscriptions.id });
    audit({ entityType: 'push_subscription', entityId: row!.id });
    return { subscribed: true };
  },
  successMessage: 'Notifications are on for this device.',
});

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

/** Public: the one-click unsubscribe link in a reminder email (or push settings), honoured at once. */
export async function unsubscribeAction(_prev: unknown, payload: FormData | Record<string, unknown>) {
  return runPublicAction(
    {
      name: 'reminders.unsubscribe',
      input: unsubscribeInput,
      secretFields: ['token'],
      run: async (input) => {
        const target = readUnsubscribeToken(input.token);
        if (!target) throw new ActionRefusal('This unsubscribe link is not valid. You can turn reminders off in the portal under Reminders.');
        const done = await withPracticeSystem({ practiceId: target.practiceId }, (tx) => unsubscribe(tx, target.practiceId, target.clientId, target.channel));
        if (!done) throw new ActionRefusal('This unsubscribe link is not valid. You can turn reminders off in the portal under Reminders.');
        return { channel: target.channel };
      },
    },
    payload,
  );
}
Object.assign(unsubscribeAction, { definition: { name: 'reminders.unsubscribe', permission: null } });
