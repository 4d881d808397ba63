import { describe, expect, it } from 'vitest';
import { assignmentScheduleSchema, expandOccurrences, recurrenceProblem, recurrenceRuleSchema, type RecurrenceRule } from '@/lib/assignments/recurrence';
import { localDay, zonedTimeToUtc } from '../../../lib/time/day';

const iso = (d: Date) => d.toISOString();
const summary = (rule: RecurrenceRule, start: string, time: string, tz: string) =>
  expandOccurrences(rule, start, time, tz).map((o) => [o.localDate, iso(o.dueAt)]);

describe('expandOccurrences across daylight-saving changes', () => {
  it('keeps 09:00 in New York across the March change', () => {
    expect(summary({ kind: 'daily', end: { count: 5 } }, '2026-03-06', '09:00', 'America/New_York')).toEqual([
      ['2026-03-06', '2026-03-06T14:00:00.000Z'],
      ['2026-03-07', '2026-03-07T14:00:00.000Z'],
      ['2026-03-08', '2026-03-08T13:00:00.000Z'],
      ['2026-03-09', '2026-03-09T13:00:00.000Z'],
      ['2026-03-10', '2026-03-10T13:00:00.000Z'],
    ]);
  });

  it('keeps 09:00 in New York across the November change', () => {
    expect(summary({ kind: 'daily', end: { until: '2026-11-02' } }, '2026-10-30', '09:00', 'America/New_York')).toEqual([
      ['2026-10-30', '2026-10-30T13:00:00.000Z'],
      ['2026-10-31', '2026-10-31T13:00:00.000Z'],
      ['2026-11-01', '2026-11-01T14:00:00.000Z'],
      ['2026-11-02', '2026-11-02T14:00:00.000Z'],
    ]);
  });

  it('moves a time inside the spring-forward gap to just after it, and picks the first of a repeated hour', () => {
    // 02:30 does not exist on 8 March 2026 in New York; it becomes 03:30 EDT.
    expect(iso(zonedTimeToUtc('2026-03-08', '02:30', 'America/New_York'))).toBe('2026-03-08T07:30:00.000Z');
    // 01:30 happens twice on 1 November 2026; the first (EDT) is used.
    expect(iso(zonedTimeToUtc('2026-11-01', '01:30', 'America/New_York'))).toBe('2026-11-01T05:30:00.000Z');
    const gapDay = expandOccurrences({ kind: 'daily', end: { count: 3 } }, '2026-03-07', '02:30', 'America/New_York');
    expect(gapDay.map((o) => o.localDate)).toEqual(['2026-03-07', '2026-03-08', '2026-03-09']);
    expect(gapDay.map((o) => iso(o.dueAt))).toEqual([
      '2026-03-07T07:30:00.000Z',
      '2026-03-08T07:30:00.000Z',
      '2026-03-09T06:30:00.000Z',
    ]);
  });

  it('keeps Sunday 18:00 in London across both changes', () => {
    expect(summary({ kind: 'weekly', end: { count: 3 } }, '2026-03-22', '18:00', 'Europe/London')).toEqual([
      ['2026-03-22', '2026-03-22T18:00:00.000Z'],
      ['2026-03-29', '2026-03-29T17:00:00.000Z'],
      ['2026-04-05', '2026-04-05T17:00:00.000Z'],
    ]);
    expect(summary({ kind: 'weekly', end: { count: 2 } }, '2026-10-18', '18:00', 'Europe/London')).toEqual([
      ['2026-10-18', '2026-10-18T17:00:00.000Z'],
      ['2026-10-25', '2026-10-25T18:00:00.000Z'],
    ]);
    // 01:30 on the spring-forward morning in London falls in the gap.
    expect(iso(zonedTimeToUtc('2026-03-29', '01:30', 'Europe/London'))).toBe('2026-03-29T01:30:00.000Z');
  });

  it('handles zones without DST, half-hour offsets and the southern hemisphere', () => {
    expect(summary({ kind: 'once' }, '2026-07-01', '20:00', 'Asia/Kolkata')).toEqual([['2026-07-01', '2026-07-01T14:30:00.000Z']]);
    expect(summary({ kind: 'daily', end: { count: 2 } }, '2026-04-04', '10:00', 'Australia/Sydney')).toEqual([
      ['2026-04-04', '2026-04-03T23:00:00.000Z'],
      ['2026-04-05', '2026-04-05T00:00:00.000Z'],
    ]);
    expect(summary({ kind: 'once' }, '2026-07-01', '00:00', 'UTC')).toEqual([['2026-07-01', '2026-07-01T00:00:00.000Z']]);
  });

  it('localDay gives the calendar day in the zone', () => {
    expect(localDay(new Date('2026-03-08T03:59:00Z'), 'America/New_York')).toBe('2026-03-07');
    expect(localDay(new Date('2026-03-08T05:00:00Z'), 'America/New_York')).toBe('2026-03-08');
    expect(localDay(new Date('2026-04-03T23:00:00Z'), 'Australia/Sydney')).toBe('2026-04-04');
  });
});

describe('expandOccurrences across month ends and leap years', () => {
  const dates = (rule: RecurrenceRule, start: string) => expandOccurrences(rule, start, '12:00', 'UTC').map((o) => o.localDate);

  it('rolls Jan 31 into Feb 1', () => {
    expect(dates({ kind: 'daily', end: { count: 4 } }, '2026-01-30')).toEqual(['2026-01-30', '2026-01-31', '2026-02-01', '2026-02-02']);
  });

  it('goes from Feb 28 to Mar 1 in a common year and through Feb 29 in a leap year', () => {
    expect(dates({ kind: 'daily', end: { count: 3 } }, '2026-02-27')).toEqual(['2026-02-27', '2026-02-28', '2026-03-01']);
    expect(dates({ kind: 'every_n_days', n: 1, end: { until: '2028-03-01' } }, '2028-02-27')).toEqual([
      '2028-02-27',
      '2028-02-28',
      '2028-02-29',
      '2028-03-01',
    ]);
    expect(dates({ kind: 'every_n_days', n: 10, end: { count: 2 } }, '2024-02-20')).toEqual(['2024-02-20', '2024-03-01']);
  });

  it('keeps the weekday for weekly rules across month and year ends', () => {
    const weekly = expandOccurrences({ kind: 'weekly', end: { count: 10 } }, '2026-12-03', '08:15', 'Europe/London');
    expect(weekly).toHaveLength(10);
    for (const o of weekly) {
      expect(new Date(`${o.localDate}T00:00:00Z`).getUTCDay()).toBe(4);
      expect(o.dueAt.toISOString().slice(11, 16)).toBe('08:15');
    }
    expect(weekly.map((o) => o.localDate).slice(3, 6)).toEqual(['2026-12-24', '2026-12-31', '2027-01-07']);
  });
});

describe('ends', () => {
  it('stops after count occurrences', () => {
    expect(expandOccurrences({ kind: 'every_n_days', n: 3, end: { count: 4 } }, '2026-05-01', '09:00', 'UTC').map((o) => o.localDate)).toEqual([
      '2026-05-01',
      '2026-05-04',
      '2026-05-07',
      '2026-05-10',
    ]);
  });

  it('includes the until date and stops there', () => {
    const rule: RecurrenceRule = { kind: 'every_n_days', n: 3, end: { until: '2026-05-09' } };
    expect(expandOccurrences(rule, '2026-05-01', '09:00', 'UTC').map((o) => o.localDate)).toEqual(['2026-05-01', '2026-05-04', '2026-05-07']);
    expect(expandOccurrences({ kind: 'daily', end: { until: '2026-05-01' } }, '2026-05-01', '09:00', 'UTC')).toHaveLength(1);
  });

  it('once gives one occurrence on the start date', () => {
    expect(expandOccurrences({ kind: 'once' }, '2026-05-01', '17:30', 'Europe/London').map((o) => [o.index, o.localDate, iso(o.dueAt)])).toEqual([
      [0, '2026-05-01', '2026-05-01T16:30:00.000Z'],
    ]);
  });

  it('filters to a window while keeping each index', () => {
    const window = expandOccurrences({ kind: 'daily', end: { count: 10 } }, '2026-05-01', '09:00', 'UTC', {
      from: new Date('2026-05-04T09:00:00Z'),
      to: new Date('2026-05-06T08:59:59Z'),
    });
    expect(window.map((o) => [o.index, o.localDate])).toEqual([
      [3, '2026-05-04'],
      [4, '2026-05-05'],
    ]);
  });

  it('refuses malformed input instead of guessing', () => {
    expect(() => expandOccurrences({ kind: 'once' }, '2026-02-30', '09:00', 'UTC')).toThrow(RangeError);
    expect(() => expandOccurrences({ kind: 'once' }, '2026-02-01', '9am', 'UTC')).toThrow(RangeError);
    expect(() => expandOccurrences({ kind: 'once' }, '2026-02-01', '09:00', 'Mars/Olympus')).toThrow(RangeError);
    expect(() => expandOccurrences({ kind: 'every_n_days', n: 0, end: { count: 2 } }, '2026-02-01', '09:00', 'UTC')).toThrow(RangeError);
  });
});

describe('schemas', () => {
  const schedule = (recurrence: unknown, startDate = '2026-01-15') => ({ startDate, dueTime: '18:00', timeZone: 'Europe/London', recurrence });
  const ok = (recurrence: unknown, start?: string) => assignmentScheduleSchema.safeParse(schedule(recurrence, start)).success;

  it('accepts each kind of rule', () => {
    expect(ok({ kind: 'once' })).toBe(true);
    expect(ok({ kind: 'daily', end: { count: 365 } })).toBe(true);
    expect(ok({ kind: 'weekly', end: { until: '2026-06-01' } })).toBe(true);
    expect(ok({ kind: 'every_n_days', n: 365, end: { count: 2 } })).toBe(true);
  });

  it.each<[string, unknown]>([
    ['once with an end', { kind: 'once', end: { count: 2 } }],
    ['daily without an end', { kind: 'daily' }],
    ['both ends', { kind: 'daily', end: { count: 2, until: '2026-02-01' } }],
    ['n = 0', { kind: 'every_n_days', n: 0, end: { count: 2 } }],
    ['n = 366', { kind: 'every_n_days', n: 366, end: { count: 2 } }],
    ['fractional n', { kind: 'every_n_days', n: 1.5, end: { count: 2 } }],
    ['count = 0', { kind: 'daily', end: { count: 0 } }],
    ['count = 366', { kind: 'daily', end: { count: 366 } }],
    ['an impossible until', { kind: 'daily', end: { until: '2026-02-30' } }],
    ['an unknown kind', { kind: 'monthly', end: { count: 2 } }],
  ])('refuses %s', (_name, rule) => {
    expect(recurrenceRuleSchema.safeParse(rule).success).toBe(false);
    expect(ok(rule)).toBe(false);
  });

  it('refuses an end before the start', () => {
    const r = assignmentScheduleSchema.safeParse(schedule({ kind: 'daily', end: { until: '2026-01-14' } }));
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['recurrence', 'end']);
    expect(ok({ kind: 'daily', end: { until: '2026-01-15' } })).toBe(true);
  });

  it('limits the horizon to one year', () => {
    expect(ok({ kind: 'daily', end: { until: '2027-01-15' } })).toBe(true);
    expect(ok({ kind: 'daily', end: { until: '2027-01-16' } })).toBe(false);
    expect(ok({ kind: 'weekly', end: { count: 53 } })).toBe(true);
    expect(ok({ kind: 'weekly', end: { count: 54 } })).toBe(false);
    expect(ok({ kind: 'every_n_days', n: 30, end: { count: 13 } })).toBe(true);
    expect(ok({ kind: 'every_n_days', n: 30, end: { count: 14 } })).toBe(false);
    expect(ok({ kind: 'every_n_days', n: 365, end: { count: 3 } })).toBe(false);
    // From a leap day, one year later is 28 February.
    expect(ok({ kind: 'daily', end: { until: '2029-02-28' } }, '2028-02-29')).toBe(true);
    expect(ok({ kind: 'daily', end: { until: '2029-03-01' } }, '2028-02-29')).toBe(false);
    expect(recurrenceProblem({ kind: 'daily', end: { until: '2030-01-01' } }, '2026-01-01')).toBe('Repeat for at most one year.');
  });

  it('checks the start date, time and zone', () => {
    const base = schedule({ kind: 'once' });
    expect(assignmentScheduleSchema.safeParse({ ...base, startDate: '2026-02-29' }).success).toBe(false);
    expect(assignmentScheduleSchema.safeParse({ ...base, dueTime: '24:00' }).success).toBe(false);
    expect(assignmentScheduleSchema.safeParse({ ...base, dueTime: '7:00' }).success).toBe(false);
    expect(assignmentScheduleSchema.safeParse({ ...base, timeZone: 'Europe/Atlantis' }).success).toBe(false);
    expect(assignmentScheduleSchema.safeParse({ ...base, timeZone: '' }).success).toBe(false);
    expect(assignmentScheduleSchema.safeParse({ ...base, extra: 1 }).success).toBe(false);
  });

  it('never expands more than the schema allows', () => {
    const r = assignmentScheduleSchema.parse(schedule({ kind: 'daily', end: { until: '2027-01-15' } }));
    expect(expandOccurrences(r.recurrence, r.startDate, r.dueTime, r.timeZone)).toHaveLength(366);
  });
});

describe('an open end ("until stopped")', () => {
  const open = { untilStopped: true } as const;

  it('is accepted by the schema for every repeating kind, and never for a one-off', () => {
    for (const rule of [{ kind: 'daily', end: open }, { kind: 'weekly', end: open }, { kind: 'every_n_days', n: 3, end: open }]) {
      expect(recurrenceRuleSchema.safeParse(rule).success).toBe(true);
    }
    expect(recurrenceRuleSchema.safeParse({ kind: 'weekly', end: { untilStopped: false } }).success).toBe(false);
    expect(recurrenceRuleSchema.safeParse({ kind: 'weekly', end: { untilStopped: true, count: 3 } }).success).toBe(false);
    expect(recurrenceRuleSchema.safeParse({ kind: 'once', end: open }).success).toBe(false);
  });

  it('has no problem from any start date', () => {
    expect(recurrenceProblem({ kind: 'daily', end: open }, '2026-02-28')).toBeNull();
  });

  it('plans the series a year ahead: weekly is 53 Mondays, daily is capped at the series maximum', () => {
    const weekly = expandOccurrences({ kind: 'weekly', end: open }, '2026-01-05', '18:00', 'Europe/London');
    expect(weekly).toHaveLength(53);
    expect(weekly[0]!.localDate).toBe('2026-01-05');
    expect(weekly.at(-1)!.localDate).toBe('2027-01-04');
    expect(weekly.map((o) => o.index)).toEqual(weekly.map((_, i) => i));
    const daily = expandOccurrences({ kind: 'daily', end: open }, '2026-01-05', '18:00', 'Europe/London');
    expect(daily).toHaveLength(365);
    expect(daily.at(-1)!.localDate).toBe('2027-01-04');
    const everyTen = expandOccurrences({ kind: 'every_n_days', n: 10, end: open }, '2026-01-05', '18:00', 'Europe/London');
    expect(everyTen).toHaveLength(37);
  });

  it('reads as "until stopped" on the record', async () => {
    const { describeRecurrence, asRecurrenceRule } = await import('@/lib/assignments/describe');
    expect(describeRecurrence({ kind: 'weekly', end: open })).toBe('Weekly, until stopped');
    expect(describeRecurrence({ kind: 'every_n_days', n: 3, end: open })).toBe('Every 3 days, until stopped');
    expect(asRecurrenceRule({ kind: 'daily', end: { untilStopped: true } })).toEqual({ kind: 'daily', end: open });
    expect(asRecurrenceRule({ kind: 'daily', end: { untilStopped: 'yes' } })).toBeNull();
  });
});
