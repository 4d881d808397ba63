import { describe, expect, it } from 'vitest';
import { currentPeriodStart, scheduleDueDay } from '../../../lib/measures/due';

const every14 = { everyDays: 14, startDate: '2026-01-01', endDate: null, active: true };

describe('scheduled measure due days', () => {
  it.each([
    ['2025-12-31', null],
    ['2026-01-01', '2026-01-01'],
    ['2026-01-14', '2026-01-01'],
    ['2026-01-15', '2026-01-15'],
    ['2026-03-01', '2026-02-26'],
  ])('on %s the current period began %s', (today, expected) => {
    expect(currentPeriodStart(every14, today)).toBe(expected);
  });

  it('counts whole calendar days across a DST change and a leap day', () => {
    expect(currentPeriodStart({ ...every14, startDate: '2028-02-20' }, '2028-03-05')).toBe('2028-03-05');
    expect(currentPeriodStart({ ...every14, startDate: '2026-03-01' }, '2026-03-15')).toBe('2026-03-15');
  });

  it('is never due after the end date or when stopped', () => {
    expect(currentPeriodStart({ ...every14, endDate: '2026-01-10' }, '2026-01-20')).toBeNull();
    expect(currentPeriodStart({ ...every14, endDate: '2026-01-15' }, '2026-01-20')).toBe('2026-01-15');
    expect(currentPeriodStart({ ...every14, active: false }, '2026-01-20')).toBeNull();
  });

  it('is due until something was completed on or after the period start', () => {
    expect(scheduleDueDay(every14, '2026-01-20', null)).toBe('2026-01-15');
    expect(scheduleDueDay(every14, '2026-01-20', '2026-01-14')).toBe('2026-01-15');
    expect(scheduleDueDay(every14, '2026-01-20', '2026-01-15')).toBeNull();
    expect(scheduleDueDay(every14, '2026-01-29', '2026-01-15')).toBe('2026-01-29');
  });
});
