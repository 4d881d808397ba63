'use server';

import { sql } from 'drizzle-orm';
import { pushSubscriptions, reminderPreferences } from '@/db/schema';
import { defineAction } from '@/lib/access/action';
import { ActionRefusal, NotFoundRefusal } from '@/lib/access/errors';
import { runPublicAction } from '@/lib/practice/public-action';
import { pushSubscriptionInput, reminderPreferencesInput, unsubscribeInput } from './schemas';
import { unsubscribeWithToken } from './unsubscribe-with-token';

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

const INVALID_LINK = 'This unsubscribe link is not valid. You can turn reminders off in the portal under Reminders.';

/** Public: the one-click unsubscribe link in a reminder email (or push settings), honoured at once. */
export async function unsubscribeAction(_prev: unknown, payload: FormData | Record<string, unknown>) {
  return runPublicAction(
    {
      name: 'reminders.unsubscribe',
      input: unsubscribeInput,
      secretFields: ['token'],
      run: async (input) => {
        const channel = await unsubscribeWithToken(input.token);
        if (!channel) throw new ActionRefusal(INVALID_LINK);
        return { channel };
      },
    },
    payload,
  );
}
Object.assign(unsubscribeAction, { definition: { name: 'reminders.unsubscribe', permission: null } });
