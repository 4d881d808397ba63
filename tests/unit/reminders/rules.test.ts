import { describe, expect, it } from 'vitest';
import { emailRetryDelayMs } from '../../../lib/email/outbox-policy';
import { inQuietHours, minutesOf, reminderHold, type ReminderSettings } from '../../../lib/reminders/rules';
import { localClock } from '../../../lib/time/day';

const base: ReminderSettings = {
  enabled: true, email: true, push: false, checkinTime: '19:00', timeZone: 'America/New_York',
  quietStart: '21:00', quietEnd: '08:00', weeklyCap: 7, pausedUntil: null,
};
const facts = { sentInLast7Days: 0, somethingWaiting: true };

describe('local clock', () => {
  it.each([
    ['2026-12-02T00:05:00Z', 'Asia/Tokyo', '2026-12-02', 9 * 60 + 5],
    ['2026-12-02T00:05:00Z', 'America/New_York', '2026-12-01', 19 * 60 + 5],
    ['2026-07-01T12:00:00Z', 'Europe/London', '2026-07-01', 13 * 60],
    ['2026-03-29T00:30:00Z', 'Europe/London', '2026-03-29', 30],
  ])('%s in %s is %s, minute %i', (instant, zone, day, minutes) => {
    expect(localClock(new Date(instant), zone)).toEqual({ day, minutes });
  });
});

describe('quiet hours', () => {
  it.each([
    ['21:00', '08:00', '22:30', true],
    ['21:00', '08:00', '07:59', true],
    ['21:00', '08:00', '08:00', false],
    ['21:00', '08:00', '20:59', false],
    ['12:00', '14:00', '13:00', true],
    ['12:00', '14:00', '14:00', false],
    ['00:00', '00:00', '03:00', false],
  ])('%s–%s at %s: %s', (start, end, at, quiet) => {
    expect(inQuietHours(minutesOf(at), start, end)).toBe(quiet);
  });
});

describe('when a reminder is held back', () => {
  const at = (iso: string) => new Date(iso);
  it.each<[string, Partial<ReminderSettings>, Partial<typeof facts>, string, string | null]>([
    ['due at the chosen time', {}, {}, '2026-12-02T00:05:00Z', null],
    ['before the chosen time', {}, {}, '2026-12-01T23:55:00Z', 'before_time'],
    ['in quiet hours (late run)', {}, {}, '2026-12-02T02:30:00Z', 'quiet_hours'],
    ['turned off', { enabled: false }, {}, '2026-12-02T00:05:00Z', 'off'],
    ['no channel left', { email: false, push: false }, {}, '2026-12-02T00:05:00Z', 'no_channel'],
    ['paused through today', { pausedUntil: '2026-12-01' }, {}, '2026-12-02T00:05:00Z', 'paused'],
    ['pause over', { pausedUntil: '2026-11-30' }, {}, '2026-12-02T00:05:00Z', null],
    ['weekly cap reached', { weeklyCap: 3 }, { sentInLast7Days: 3 }, '2026-12-02T00:05:00Z', 'weekly_cap'],
    ['nothing waiting', {}, { somethingWaiting: false }, '2026-12-02T00:05:00Z', 'nothing_waiting'],
  ])('%s', (_, settings, extra, instant, hold) => {
    expect(reminderHold({ ...base, ...settings }, at(instant), { ...facts, ...extra })).toBe(hold);
  });
});

describe('email retry delay', () => {
  it('doubles from 30 seconds and stops growing at 30 minutes', () => {
    expect([1, 2, 3, 4, 7, 12].map(emailRetryDelayMs)).toEqual([30_000, 60_000, 120_000, 240_000, 1_800_000, 1_800_000]);
  });
});
