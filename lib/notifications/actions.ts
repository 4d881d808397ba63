'use server';

import { clinicianNotificationPreferences, notificationSettings } from '@/db/schema';
import { defineAction } from '@/lib/access/action';
import { digestInput, practiceNotificationInput } from '@/lib/reminders/schemas';

/** The practice's reminder defaults for clients who have not chosen, and its escalation window. */
export const savePracticeNotificationSettings = defineAction({
  name: 'practice.updateNotifications',
  refresh: true,
  permission: 'practice.settings',
  input: practiceNotificationInput,
  run: async ({ actor, input, tx, audit }) => {
    const values = { ...input, updatedAt: new Date() };
    await tx
      .insert(notificationSettings)
      .values({ practiceId: actor.practiceId, ...values })
      .onConflictDoUpdate({ target: notificationSettings.practiceId, set: values });
    audit({ entityType: 'practice', entityId: actor.practiceId, meta: { ...input } });
    return { saved: true };
  },
  successMessage: 'Reminder and notification settings saved.',
});

/** A clinician's own opt-in to the daily summary (counts only). */
export const saveDigestPreference = defineAction({
  name: 'notifications.saveDigest',
  permission: 'notifications.digest',
  input: digestInput,
  run: async ({ actor, input, tx, audit }) => {
    const values = { dailyDigest: input.dailyDigest, updatedAt: new Date() };
    await tx
      .insert(clinicianNotificationPreferences)
      .values({ practiceId: actor.practiceId, membershipId: actor.membershipId, ...values })
      .onConflictDoUpdate({ target: [clinicianNotificationPreferences.practiceId, clinicianNotificationPreferences.membershipId], set: values });
    audit({ entityType: 'membership', entityId: actor.membershipId, meta: { dailyDigest: input.dailyDigest } });
    return { dailyDigest: input.dailyDigest };
  },
  successMessage: 'Saved.',
});
