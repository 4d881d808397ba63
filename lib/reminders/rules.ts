/**
 * When a client's reminder may go out (pure). A reminder is one nudge a day, at the client's chosen
 * time in their own time zone, and only when something is waiting (today's check-in, homework due
 * today, a questionnaire due). Quiet hours, a weekly cap and a pause hold it back.
 */

import { localClock } from '@/lib/time/day';

export type ReminderSettings = {
  enabled: boolean;
  email: boolean;
  push: boolean;
  /** HH:MM, local to `timeZone`. */
  checkinTime: string;
  timeZone: string;
  quietStart: string;
  quietEnd: string;
  weeklyCap: number;
  /** YYYY-MM-DD: no reminders on or before this local day. */
  pausedUntil: string | null;
};

export type PracticeReminderDefaults = {
  remindersOnByDefault: boolean;
  defaultCheckinTime: string;
  defaultQuietStart: string;
  defaultQuietEnd: string;
  defaultWeeklyCap: number;
  escalationWindowMinutes: number;
};

/** Used until a practice saves its own. */
export const DEFAULT_PRACTICE_SETTINGS: PracticeReminderDefaults = {
  remindersOnByDefault: true,
  defaultCheckinTime: '19:00',
  defaultQuietStart: '21:00',
  defaultQuietEnd: '08:00',
  defaultWeeklyCap: 7,
  escalationWindowMinutes: 60,
};

/** The message every reminder carries: nothing about what is waiting, let alone why. */
export const REMINDER_TEXT = 'You have something waiting in Mend';

export function minutesOf(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return h! * 60 + m!;
}

/** Quiet hours may run past midnight (21:00–08:00). Equal start and end means none. */
export function inQuietHours(minutes: number, quietStart: string, quietEnd: string): boolean {
  const start = minutesOf(quietStart);
  const end = minutesOf(quietEnd);
  if (start === end) return false;
  return start < end ? minutes >= start && minutes < end : minutes >= start || minutes < end;
}

export type ReminderHold = 'off' | 'no_channel' | 'paused' | 'before_time' | 'quiet_hours' | 'weekly_cap' | 'nothing_waiting';

/**
 * Whether today's reminder is due now; `null` means send. `sentInLast7Days` counts reminders already
 * sent; the caller makes sure today's was not (its unique key does).
 */
export function reminderHold(
  settings: ReminderSettings,
  now: Date,
  facts: { sentInLast7Days: number; somethingWaiting: boolean },
): ReminderHold | null {
  if (!settings.enabled) return 'off';
  if (!settings.email && !settings.push) return 'no_channel';
  const clock = localClock(now, settings.timeZone);
  if (settings.pausedUntil && clock.day <= settings.pausedUntil) return 'paused';
  if (clock.minutes < minutesOf(settings.checkinTime)) return 'before_time';
  if (inQuietHours(clock.minutes, settings.quietStart, settings.quietEnd)) return 'quiet_hours';
  if (facts.sentInLast7Days >= settings.weeklyCap) return 'weekly_cap';
  if (!facts.somethingWaiting) return 'nothing_waiting';
  return null;
}
