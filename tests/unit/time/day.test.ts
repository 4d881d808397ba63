import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { addDays, dayNumber, daysBetween, isLocalDay, localDay, oneYearLater, startOfLocalDay, zonedTimeToUtc } from '../../../lib/time/day';
import { isIanaTimeZone } from '../../../lib/time/zone';

describe('localDay', () => {
  it.each([
    // 07:30 UTC on 1 March is still 28 February in Los Angeles (UTC−8).
    ['2025-03-01T07:30:00Z', 'America/Los_Angeles', '2025-02-28'],
    ['2025-03-01T08:30:00Z', 'America/Los_Angeles', '2025-03-01'],
    ['2025-03-01T07:30:00Z', 'UTC', '2025-03-01'],
    // London is on UTC in winter, so 23:30 UTC is still 31 December there…
    ['2024-12-31T23:30:00Z', 'Europe/London', '2024-12-31'],
    // …but it is in Auckland (UTC+13 in summer).
    ['2024-12-31T11:30:00Z', 'Pacific/Auckland', '2025-01-01'],
    ['2024-12-31T10:59:00Z', 'Pacific/Auckland', '2024-12-31'],
    // British Summer Time: 23:30 UTC on 30 June is 00:30 on 1 July in London.
    ['2025-06-30T23:30:00Z', 'Europe/London', '2025-07-01'],
    // Half-hour offset (UTC+5:30).
    ['2025-06-30T18:29:00Z', 'Asia/Kolkata', '2025-06-30'],
    ['2025-06-30T18:30:00Z', 'Asia/Kolkata', '2025-07-01'],
  ])('%s in %s → %s', (instant, tz, expected) => {
    expect(localDay(new Date(instant), tz)).toBe(expected);
    expect(localDay(instant, tz)).toBe(expected);
    expect(localDay(Date.parse(instant), tz)).toBe(expected);
  });

  it('throws on an unknown time zone or an invalid instant', () => {
    expect(() => localDay(new Date(), 'Mars/Olympus')).toThrow(RangeError);
    expect(() => localDay('not a date', 'UTC')).toThrow(RangeError);
  });
});

describe('isIanaTimeZone', () => {
  it.each(['Europe/London', 'America/Argentina/Buenos_Aires', 'UTC', 'Etc/GMT+5', 'Asia/Kolkata'])('accepts %s', (zone) => {
    expect(isIanaTimeZone(zone)).toBe(true);
  });

  // Abbreviations name no daylight-saving rules: "EST" is New York in winter only.
  it.each(['EST', 'PST', 'EST5EDT', 'CET', '+05:00', 'Mars/Olympus', '', 'Europe/London; drop', 42, null])('refuses %s', (zone) => {
    expect(isIanaTimeZone(zone)).toBe(false);
  });

  it('answers the same the second time, and a refused zone stays refused (only valid zones are remembered)', () => {
    for (let i = 0; i < 2; i++) {
      expect(isIanaTimeZone('Europe/Berlin')).toBe(true);
      expect(isIanaTimeZone('Mars/Olympus')).toBe(false);
      expect(isIanaTimeZone('Europe/Berlin ')).toBe(false);
    }
  });
});

describe('zonedTimeToUtc', () => {
  it('places a wall-clock time on both sides of a change', () => {
    expect(zonedTimeToUtc('2026-03-07', '09:00', 'America/New_York').toISOString()).toBe('2026-03-07T14:00:00.000Z');
    expect(zonedTimeToUtc('2026-03-09', '09:00', 'America/New_York').toISOString()).toBe('2026-03-09T13:00:00.000Z');
  });

  it('moves a time in the spring-forward gap past it and takes the first of a repeated hour', () => {
    expect(zonedTimeToUtc('2026-03-08', '02:30', 'America/New_York').toISOString()).toBe('2026-03-08T07:30:00.000Z');
    expect(zonedTimeToUtc('2026-11-01', '01:30', 'America/New_York').toISOString()).toBe('2026-11-01T05:30:00.000Z');
  });

  it('refuses what is not a day, a time or a zone', () => {
    expect(() => zonedTimeToUtc('2026-02-30', '09:00', 'UTC')).toThrow(RangeError);
    expect(() => zonedTimeToUtc('2026-03-01', '24:00', 'UTC')).toThrow(RangeError);
    expect(() => zonedTimeToUtc('2026-03-01', '09:00', 'EST')).toThrow(RangeError);
  });
});

describe('calendar days', () => {
  it('adds and counts whole days across a DST change, a month end and a leap day', () => {
    expect(addDays('2026-03-07', 2)).toBe('2026-03-09');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-03-01', '2026-03-31')).toBe(30);
    expect(daysBetween('2026-03-31', '2026-03-01')).toBe(-30);
    expect(daysBetween('2028-02-01', '2028-03-01')).toBe(29);
  });

  it('counts days as the calendar does, from year 1 to 9999, and refuses what is not a date', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('1969-12-31')).toBe(-1);
    expect(daysBetween('0099-12-31', '0100-01-01')).toBe(1);
    expect(daysBetween('1900-02-28', '1900-03-01')).toBe(1);
    expect(daysBetween('2000-02-28', '2000-03-01')).toBe(2);
    for (const [from, to] of [['0001-01-01', '9999-12-31'], ['2026-03-08', '2026-11-01'], ['1899-07-14', '2031-02-28']] as const) {
      expect(daysBetween(from, to)).toBe(Temporal.PlainDate.from(from).until(Temporal.PlainDate.from(to), { largestUnit: 'days' }).days);
    }
    for (const bad of ['2026-02-29', '2026-13-01', '2026-1-01', '2026-04-31', '']) expect(() => dayNumber(bad)).toThrow(RangeError);
  });

  it('knows a real date from a shaped string', () => {
    expect(isLocalDay('2028-02-29')).toBe(true);
    expect(isLocalDay('2026-02-29')).toBe(false);
    expect(isLocalDay('2026-13-01')).toBe(false);
    expect(isLocalDay('2026-1-01')).toBe(false);
  });

  it('one year after 29 February is 28 February', () => {
    expect(oneYearLater('2028-02-29')).toBe('2029-02-28');
    expect(oneYearLater('2026-06-15')).toBe('2027-06-15');
  });

  it('a local day starts at local midnight', () => {
    expect(startOfLocalDay('2026-07-01', 'America/New_York').toISOString()).toBe('2026-07-01T04:00:00.000Z');
    expect(startOfLocalDay('2026-01-01', 'Pacific/Auckland').toISOString()).toBe('2025-12-31T11:00:00.000Z');
  });
});
