import { z } from 'zod';
import { isLocalDay, isTimeOfDay } from '@/lib/time/day';
import { isIanaTimeZone } from '@/lib/time/zone';
import { inQuietHours, minutesOf } from './rules';

const checkbox = z
  .union([z.literal('on'), z.literal('true'), z.literal('false'), z.literal(''), z.boolean()])
  .optional()
  .transform((v) => v === true || v === 'on' || v === 'true');

const clockTime = (label: string) => z.string().trim().refine(isTimeOfDay, `${label}: use a time like 19:00.`);

const weeklyCap = z.coerce
  .number({ message: 'Enter a number from 1 to 21.' })
  .int('Enter a whole number.')
  .min(1, 'At least 1 a week (turn reminders off instead).')
  .max(21, 'At most 21 a week.');

/** The client's own reminder choices. */
export const reminderPreferencesInput = z
  .object({
    enabled: checkbox,
    email: checkbox,
    push: checkbox,
    checkinTime: clockTime('Reminder time'),
    timeZone: z.string().trim().refine(isIanaTimeZone, 'Choose a time zone from the list, e.g. America/New_York.'),
    quietStart: clockTime('Quiet hours start'),
    quietEnd: clockTime('Quiet hours end'),
    weeklyCap,
    pausedUntil: z
      .string()
      .trim()
      .optional()
      .transform((v) => (v ? v : null))
      .refine((v) => v === null || isLocalDay(v), 'Enter a date, or leave it empty.'),
  })
  .refine((v) => !inQuietHours(minutesOf(v.checkinTime), v.quietStart, v.quietEnd), {
    path: ['checkinTime'],
    message: 'This time falls inside your quiet hours, so no reminder would come. Choose another time or change the quiet hours.',
  });

/** The practice's defaults for new clients' reminders, and its escalation window. */
export const practiceNotificationInput = z
  .object({
    remindersOnByDefault: checkbox,
    defaultCheckinTime: clockTime('Default reminder time'),
    defaultQuietStart: clockTime('Quiet hours start'),
    defaultQuietEnd: clockTime('Quiet hours end'),
    defaultWeeklyCap: weeklyCap,
    escalationWindowMinutes: z.coerce
      .number({ message: 'Enter minutes, from 15 to 1440.' })
      .int('Enter whole minutes.')
      .min(15, 'At least 15 minutes.')
      .max(1440, 'At most 1,440 minutes (24 hours), when admins are told as well.'),
  })
  .refine((v) => !inQuietHours(minutesOf(v.defaultCheckinTime), v.defaultQuietStart, v.defaultQuietEnd), {
    path: ['defaultCheckinTime'],
    message: 'This time falls inside the quiet hours, so no reminder would come.',
  });

/** A browser's push subscription, as PushSubscription.toJSON() gives it. */
export const pushSubscriptionInput = z.object({
  endpoint: z
    .string()
    .trim()
    .max(2000, 'That push address is too long.')
    .url('That is not a push address.')
    .refine((v) => v.startsWith('https://'), 'A push address must use https.'),
  p256dh: z.string().trim().min(20, 'The browser sent an incomplete key.').max(200).regex(/^[A-Za-z0-9_-]+=*$/, 'The browser sent an unreadable key.'),
  auth: z.string().trim().min(8, 'The browser sent an incomplete key.').max(100).regex(/^[A-Za-z0-9_-]+=*$/, 'The browser sent an unreadable key.'),
});

export const digestInput = z.object({ dailyDigest: checkbox });

export const unsubscribeInput = z.object({ token: z.string().trim().min(10, 'This link is not complete.').max(300, 'This link is not valid.') });
