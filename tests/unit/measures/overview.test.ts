import { describe, expect, it } from 'vitest';
import { parseOverviewRange, rangeStartDay, trailingDailyAverage } from '../../../lib/measures/overview';
import { nextDueDay, planDefaultSchedules } from '../../../lib/measures/schedule-rules';
import { addDays } from '../../../lib/time/day';

describe('overview range', () => {
  it.each([
    ['30d', '30d'],
    ['90d', '90d'],
    ['1y', '1y'],
    ['all', 'all'],
    [undefined, '90d'],
    ['7d', '90d'],
    [['30d', 'all'], '30d'],
    ['ALL', '90d'],
  ])('parses %j as %s', (input, expected) => {
    expect(parseOverviewRange(input)).toBe(expected);
  });

  it('counts today as the last day of the range', () => {
    expect(rangeStartDay('30d', '2026-03-30')).toBe('2026-03-01');
    expect(rangeStartDay('90d', '2026-03-31')).toBe('2026-01-01');
    expect(rangeStartDay('1y', '2024-12-31')).toBe('2024-01-02');
    expect(rangeStartDay('all', '2026-03-30')).toBeNull();
  });

  it('adds days across month ends and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});

describe('7-day moving average of distress', () => {
  it('averages the reported days in the 7 days ending on each one', () => {
    const values = [
      { day: '2026-01-01', value: 10 },
      { day: '2026-01-02', value: 30 },
      { day: '2026-01-07', value: 50 },
      { day: '2026-01-08', value: 70 },
      { day: '2026-01-20', value: 40 },
    ];
    // Jan 8's window is Jan 2–8: 30, 50, 70. Jan 20 stands alone.
    expect(trailingDailyAverage(values)).toEqual([10, 20, 30, 50, 40]);
  });

  it('rounds to one decimal and handles no values', () => {
    expect(trailingDailyAverage([{ day: '2026-01-01', value: 10 }, { day: '2026-01-02', value: 10 }, { day: '2026-01-03', value: 20 }])).toEqual([10, 10, 13.3]);
    expect(trailingDailyAverage([])).toEqual([]);
  });
});

describe('measure schedules', () => {
  const every14 = { everyDays: 14, startDate: '2026-01-05', endDate: null, active: true };

  it('finds the next due day on or after today', () => {
    expect(nextDueDay(every14, '2026-01-01')).toBe('2026-01-05');
    expect(nextDueDay(every14, '2026-01-05')).toBe('2026-01-05');
    expect(nextDueDay(every14, '2026-01-06')).toBe('2026-01-19');
    expect(nextDueDay(every14, '2026-01-19')).toBe('2026-01-19');
    expect(nextDueDay({ ...every14, everyDays: 1 }, '2026-02-10')).toBe('2026-02-10');
  });

  it('has none after the end date or once stopped', () => {
    expect(nextDueDay({ ...every14, endDate: '2026-01-18' }, '2026-01-06')).toBeNull();
    expect(nextDueDay({ ...every14, endDate: '2026-01-19' }, '2026-01-06')).toBe('2026-01-19');
    expect(nextDueDay({ ...every14, active: false }, '2026-01-01')).toBeNull();
  });

  it('plans the practice defaults, skipping measures already scheduled and malformed entries', () => {
    const defaults = [
      { measure: 'phq9', everyDays: 14, atIntake: true },
      { measure: 'gad7', everyDays: 14, atIntake: true },
      { measure: 'who5', everyDays: 30, atIntake: false },
      { measure: 'phq10', everyDays: 14, atIntake: true },
      { measure: 'arsq', everyDays: 0, atIntake: true },
      { measure: 'phq9', everyDays: 7, atIntake: true },
    ];
    expect(planDefaultSchedules(defaults, '2026-03-01', ['gad7'])).toEqual([
      { measure: 'phq9', everyDays: 14, startDate: '2026-03-01' },
      { measure: 'who5', everyDays: 30, startDate: '2026-03-31' },
    ]);
  });
});
