import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { notificationSettings, reminderPreferences } from '@/db/schema';
import { DEFAULT_PRACTICE_SETTINGS, type PracticeReminderDefaults, type ReminderSettings } from '@/lib/reminders/rules';

/** The practice's defaults and escalation window (its saved row, or the defaults). */
export async function practiceNotificationSettings(tx: Tx, practiceId: string): Promise<PracticeReminderDefaults> {
  const [row] = await tx.select().from(notificationSettings).where(eq(notificationSettings.practiceId, practiceId));
  return practiceDefaultsOf(row);
}

/**
 * A client's own reminder choices (null while they have made none, or when the transaction may not see them) and
 * the practice's defaults, in one statement: both rows are optional, so each is left-joined to a single row.
 */
export async function clientReminderRows(
  tx: Tx,
  practiceId: string,
  clientId: string,
): Promise<{ own: typeof reminderPreferences.$inferSelect | null; defaults: PracticeReminderDefaults }> {
  const [row] = await tx
    .select({ own: reminderPreferences, practice: notificationSettings })
    .from(sql`(select 1) as one`)
    .leftJoin(notificationSettings, eq(notificationSettings.practiceId, practiceId))
    .leftJoin(reminderPreferences, and(eq(reminderPreferences.practiceId, practiceId), eq(reminderPreferences.clientId, clientId)));
  return { own: row?.own ?? null, defaults: practiceDefaultsOf(row?.practice) };
}

function practiceDefaultsOf(row: typeof notificationSettings.$inferSelect | null | undefined): PracticeReminderDefaults {
  if (!row) return { ...DEFAULT_PRACTICE_SETTINGS };
  return {
    remindersOnByDefault: row.remindersOnByDefault,
    defaultCheckinTime: row.defaultCheckinTime,
    defaultQuietStart: row.defaultQuietStart,
    defaultQuietEnd: row.defaultQuietEnd,
    defaultWeeklyCap: row.defaultWeeklyCap,
    escalationWindowMinutes: row.escalationWindowMinutes,
  };
}

/** A client's reminder settings: their own choices, else the practice's defaults in the practice's time zone. */
export function effectiveReminderSettings(
  own: typeof reminderPreferences.$inferSelect | null | undefined,
  defaults: PracticeReminderDefaults,
  practiceTimeZone: string,
): ReminderSettings {
  if (own) {
    return {
      enabled: own.enabled,
      email: own.email,
      push: own.push,
      checkinTime: own.checkinTime,
      timeZone: own.timeZone,
      quietStart: own.quietStart,
      quietEnd: own.quietEnd,
      weeklyCap: own.weeklyCap,
      pausedUntil: own.pausedUntil,
    };
  }
  return {
    enabled: defaults.remindersOnByDefault,
    email: true,
    push: true,
    checkinTime: defaults.defaultCheckinTime,
    timeZone: practiceTimeZone,
    quietStart: defaults.defaultQuietStart,
    quietEnd: defaults.defaultQuietEnd,
    weeklyCap: defaults.defaultWeeklyCap,
    pausedUntil: null,
  };
}
