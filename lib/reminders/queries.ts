import 'server-only';
import { and, count, eq } from 'drizzle-orm';
import { clinicianNotificationPreferences, pushSubscriptions } from '@/db/schema';
import { assertCan } from '@/lib/access/guard';
import { canReadClinical, withActor } from '@/lib/access/scope';
import type { Actor } from '@/lib/auth/types';
import { clientReminderRows, effectiveReminderSettings, practiceNotificationSettings } from '@/lib/notifications/settings';
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
  // The choices and the devices side by side (one transaction when the page's loader holds one).
  const [own, devicesSubscribed] = await Promise.all([
    withActor(actor, async (tx) =>
      clientId ? clientReminderRows(tx, actor.practiceId, clientId) : { own: null, defaults: await practiceNotificationSettings(tx, actor.practiceId) },
    ),
    devicesOf(actor),
  ]);
  return {
    settings: effectiveReminderSettings(own.own, own.defaults, actor.practice.timeZone),
    chosen: Boolean(own.own),
    pushPublicKey: getVapidKeys()?.publicKey ?? null,
    devicesSubscribed,
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
    const { own, defaults } = await clientReminderRows(tx, actor.practiceId, clientId);
    const settings = effectiveReminderSettings(own, defaults, actor.practice.timeZone);
    return { enabled: settings.enabled, email: settings.email, push: settings.push, pausedUntil: settings.pausedUntil, chosen: Boolean(own) };
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
