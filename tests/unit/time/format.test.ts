import { describe, expect, it } from 'vitest';
import { dateTimeFormat, formatInstant, formatLocalDay, FULL_DATE, DATE_TIME } from '../../../lib/time/format';

describe('formatting', () => {
  it('formats an instant on the wall clock of the zone it is given', () => {
    const instant = '2026-03-01T03:30:00Z';
    expect(formatInstant(instant, 'UTC')).toBe('Mar 1, 2026');
    expect(formatInstant(instant, 'America/Los_Angeles')).toBe('Feb 28, 2026');
    expect(formatInstant(new Date(instant), 'Asia/Kolkata', DATE_TIME)).toBe('Mar 1, 2026, 9:00 AM');
  });

  it('formats a local day as that day in any zone', () => {
    expect(formatLocalDay('2026-03-08')).toBe('Mar 8, 2026');
    expect(formatLocalDay('2026-03-08', FULL_DATE)).toBe('Sunday, March 8, 2026');
  });

  it('keeps one formatter per options and zone', () => {
    expect(dateTimeFormat({ dateStyle: 'medium' }, 'Europe/London')).toBe(dateTimeFormat({ dateStyle: 'medium' }, 'Europe/London'));
    expect(dateTimeFormat({ dateStyle: 'medium' }, 'Europe/London')).not.toBe(dateTimeFormat({ dateStyle: 'medium' }, 'Europe/Paris'));
    expect(dateTimeFormat({ dateStyle: 'medium' }, 'Europe/London')).not.toBe(dateTimeFormat({ dateStyle: 'full' }, 'Europe/London'));
  });
});
