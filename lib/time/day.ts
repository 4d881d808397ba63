import { Temporal } from 'temporal-polyfill';
import { isIanaTimeZone } from './zone';

/**
 * Local calendar days ('YYYY-MM-DD') and zoned arithmetic, on Temporal (the polyfill until runtimes ship
 * it). A "day" is always a civil date in some zone (for Mend, the practice's); an instant is a Date.
 *
 * This module loads the polyfill: import it from server code. Client components format with
 * `lib/time/format.ts`, which is Intl only.
 */

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** The civil date of a 'YYYY-MM-DD' string, or undefined (refuses 2026-02-30 and friends). */
export function parseLocalDay(day: string): Temporal.PlainDate | undefined {
  if (typeof day !== 'string' || !DAY_RE.test(day)) return undefined;
  try {
    return Temporal.PlainDate.from(day, { overflow: 'reject' });
  } catch {
    return undefined;
  }
}

export function isLocalDay(day: string): boolean {
  return parseLocalDay(day) !== undefined;
}

function plainDay(day: string): Temporal.PlainDate {
  const date = parseLocalDay(day);
  if (!date) throw new RangeError(`Not a calendar date: ${day}`);
  return date;
}

export function isTimeOfDay(time: string): boolean {
  return TIME_RE.test(time);
}

export function addDays(day: string, days: number): string {
  return plainDay(day).add({ days }).toString();
}

const MS_PER_DAY = 86_400_000;

/**
 * The day's number counted from 1970-01-01 (negative before it), for a valid 'YYYY-MM-DD' (throws otherwise, as
 * parseLocalDay refuses). Plain arithmetic on a UTC midnight, which has no DST, so it equals Temporal's count; the
 * polyfill's PlainDate parse and `until` cost tens of microseconds each, and a roster page of sparklines asks
 * this hundreds of times.
 */
export function dayNumber(day: string): number {
  if (typeof day !== 'string' || !DAY_RE.test(day)) throw new RangeError(`Not a calendar date: ${day}`);
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7));
  const d = Number(day.slice(8, 10));
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999.
  const date = new Date(0);
  date.setUTCFullYear(y, m - 1, d);
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    throw new RangeError(`Not a calendar date: ${day}`);
  }
  return Math.round(date.getTime() / MS_PER_DAY);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier); DST never makes a day 23 hours. */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** The same calendar day one year later; 29 February becomes 28 February. */
export function oneYearLater(day: string): string {
  return plainDay(day).add({ years: 1 }, { overflow: 'constrain' }).toString();
}

function instantOf(instant: Date | number | string): Temporal.Instant {
  const ms = instant instanceof Date ? instant.getTime() : typeof instant === 'number' ? instant : Date.parse(instant);
  if (!Number.isFinite(ms)) throw new RangeError(`Invalid instant: ${String(instant)}`);
  return Temporal.Instant.fromEpochMilliseconds(ms);
}

function zone(timeZone: string): string {
  if (!isIanaTimeZone(timeZone)) throw new RangeError(`Unknown time zone: ${timeZone}`);
  return timeZone;
}

/**
 * The local calendar day of an instant in a zone: one check-in per local day, so 23:30 in Los Angeles is
 * still "today" there though it is already tomorrow in UTC.
 */
export function localDay(instant: Date | number | string, timeZone: string): string {
  return instantOf(instant).toZonedDateTimeISO(zone(timeZone)).toPlainDate().toString();
}

/**
 * The instant a wall-clock time ('HH:MM') happens on a local day in a zone. A time inside the spring-forward
 * gap moves to just after it (02:30 → 03:30); a time that happens twice when clocks fall back is the first
 * one (Temporal's 'compatible' disambiguation).
 */
export function zonedTimeToUtc(day: string, time: string, timeZone: string): Date {
  if (!isTimeOfDay(time)) throw new RangeError(`Not a time of day: ${time}`);
  const zoned = plainDay(day).toZonedDateTime({ timeZone: zone(timeZone), plainTime: Temporal.PlainTime.from(time) });
  return new Date(zoned.epochMilliseconds);
}

/** The instant a local day begins in a zone (midnight, or the first instant after a gap at midnight). */
export function startOfLocalDay(day: string, timeZone: string): Date {
  return new Date(plainDay(day).toZonedDateTime({ timeZone: zone(timeZone) }).epochMilliseconds);
}

/** The local day and the minute of that day (0–1439) at an instant in a zone: when a daily reminder or digest is due. */
export function localClock(instant: Date | number | string, timeZone: string): { day: string; minutes: number } {
  const zoned = instantOf(instant).toZonedDateTimeISO(zone(timeZone));
  return { day: zoned.toPlainDate().toString(), minutes: zoned.hour * 60 + zoned.minute };
}

/**
 * An instant as ISO 8601 on the zone's wall clock with the offset in force at that instant
 * (2026-03-29T09:15:00+02:00): exports show the practice's clock and a program still recovers the instant.
 */
export function isoInZone(instant: Date | number | string, timeZone: string): string {
  return instantOf(instant).toZonedDateTimeISO(zone(timeZone)).toString({ smallestUnit: 'second', timeZoneName: 'never' });
}

/** The same, or an empty cell for a missing instant. */
export function isoInZoneOrNull(instant: Date | null | undefined, timeZone: string): string | null {
  return instant ? isoInZone(instant, timeZone) : null;
}
