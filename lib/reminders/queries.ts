import 'server-only';
import { and, count, eq } from 'drizzle-orm';
import { clinicianNotificationPreferences, pushSubscriptions, reminderPreferences } from '@/db/schema';
import { assertCan } from '@/lib/access/guard';
import { canReadClinical, withActor } from '@/lib/access/scope';
import type { Actor } from '@/lib/auth/types';
import { effectiveReminderSettings, practiceNotificationSettings } from '@/lib/notifications/settings';
import { getVapidKeys } from '@/lib/push/vapid';
import type { ReminderSettings } from './rules';

export type MyReminders = {
  settings: ReminderSettings;
  /** False while the practice's defaults apply. */
  chosen: boolean;
  /** The key a browser subscribes with, or null when this deployment has no push keys. */
  pushPublicKey: string | null;
  devicesSubscribed: number;
};

async function devicesOf(actor: Actor): Promise<number> {
  return withActor(actor, async (tx) => {
    const [row] = await tx
      .select({ n: count() })
      .from(pushSubscriptions)
      .where(and(eq(pushSubscriptions.practiceId, actor.practiceId), eq(pushSubscriptions.membershipId, actor.membershipId)));
    return Number(row?.n ?? 0);
  });
}

/** The client's own reminder settings for the portal form. */
export async function myReminders(actor: Actor): Promise<MyReminders> {
  assertCan(actor, 'reminders.manageOwn');
  const clientId = actor.clientId;
  const own = await withActor(actor, async (tx) => {
    const [row] = clientId
      ? await tx
          .select()
          .from(reminderPreferences)
          .where(and(eq(reminderPreferences.practiceId, actor.practiceId), eq(reminderPreferences.clientId, clientId)))
      : [];
    return { row: row ?? null, defaults: await practiceNotificationSettings(tx, actor.practiceId) };
  });
  return {
    settings: effectiveReminderSettings(own.row, own.defaults, actor.practice.timeZone),
    chosen: Boolean(own.row),
    pushPublicKey: getVapidKeys()?.publicKey ?? null,
    devicesSubscribed: await devicesOf(actor),
  };
}

export type ReminderStatus = { enabled: boolean; email: boolean; push: boolean; pausedUntil: string | null; chosen: boolean };

/**
 * Whether a client's reminders are on (not what they remind of), for their care team; null for anyone
 * else (the choices follow the care team in row-level security, like the clinical record).
 */
export async function clientReminderStatus(actor: Actor, clientId: string): Promise<ReminderStatus | null> {
  assertCan(actor, 'client.viewRecord');
  if (!canReadClinical(actor, clientId)) return null;
  return withActor(actor, async (tx) => {
    // Independent reads, issued together: one round trip on the transaction's connection.
    const [[row], practiceSettings] = await Promise.all([
      tx
        .select()
        .from(reminderPreferences)
        .where(and(eq(reminderPreferences.practiceId, actor.practiceId), eq(reminderPreferences.clientId, clientId))),
      practiceNotificationSettings(tx, actor.practiceId),
    ]);
    const settings = effectiveReminderSettings(row, practiceSettings, actor.practice.timeZone);
    return { enabled: settings.enabled, email: settings.email, push: settings.push, pausedUntil: settings.pausedUntil, chosen: Boolean(row) };
  });
}

export type MyClinicianNotifications = { dailyDigest: boolean; pushPublicKey: string | null; devicesSubscribed: number };

export async function myClinicianNotifications(actor: Actor): Promise<MyClinicianNotifications> {
  assertCan(actor, 'notifications.digest');
  const dailyDigest = await withActor(actor, async (tx) => {
    const [row] = await tx
      .select({ dailyDigest: clinicianNotificationPreferences.dailyDigest })
      .from(clinicianNotificationPreferences)
      .where(and(eq(clinicianNotificationPreferences.practiceId, actor.practiceId), eq(clinicianNotificationPreferences.membershipId, actor.membershipId)));
    return row?.dailyDigest ?? false;
  });
  return { dailyDigest, pushPublicKey: getVapidKeys()?.publicKey ?? null, devicesSubscribed: await devicesOf(actor) };
}
