/**
 * Dates and times as people read them, in a given zone. Intl only (no polyfill), so client components can
 * use it. A new Intl.DateTimeFormat costs tens of microseconds and a cached one about one, so every
 * formatter is kept per (options, zone).
 */

const LOCALE = 'en-US';
const cache = new Map<string, Intl.DateTimeFormat>();

/**
 * The cached formatter for these options in this zone. `locale` only where a document has its own
 * convention (the printed report's day-month-year, a 24-hour clock).
 */
export function dateTimeFormat(options: Intl.DateTimeFormatOptions, timeZone: string, locale: string = LOCALE): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    cache.set(key, format);
  }
  return format;
}

export const DATE: Intl.DateTimeFormatOptions = { dateStyle: 'medium' };
export const DATE_TIME: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };
export const FULL_DATE: Intl.DateTimeFormatOptions = { dateStyle: 'full' };
export const FULL_DATE_TIME: Intl.DateTimeFormatOptions = { dateStyle: 'full', timeStyle: 'short' };
export const MONTH_DAY: Intl.DateTimeFormatOptions = { month: 'short', day: 'numeric' };
export const TIME: Intl.DateTimeFormatOptions = { timeStyle: 'short' };
/** "09:05" with the 'en-GB' locale. */
export const CLOCK_24H: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' };
/** "5 Mar 2026" with the 'en-GB' locale: the printed report's dates. */
export const DAY_MONTH_YEAR: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' };
/** "5 Mar" with the 'en-GB' locale: a chart's day ticks. */
export const DAY_MONTH: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short' };

/** An instant (a Date, epoch ms or an ISO timestamp) as the wall clock in `timeZone` reads it. */
export function formatInstant(instant: Date | number | string, timeZone: string, options: Intl.DateTimeFormatOptions = DATE, locale?: string): string {
  const date = instant instanceof Date ? instant : new Date(instant);
  return dateTimeFormat(options, timeZone, locale).format(date);
}

/**
 * A local calendar day ('YYYY-MM-DD') as a date. The day is already local, so it is formatted as the same
 * date in UTC: no zone can move it to the day before.
 */
export function formatLocalDay(day: string, options: Intl.DateTimeFormatOptions = DATE, locale?: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return dateTimeFormat(options, 'UTC', locale).format(new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)));
}

/** Epoch ms of noon UTC on a local day: a stable x position for a day on a chart's time axis. */
export function dayPosition(day: string): number {
  const [y, m, d] = day.split('-').map(Number);
  return Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1, 12);
}
