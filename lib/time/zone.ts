/**
 * Time zones: the one check that a string names an IANA zone. Pure and light (Intl only), so forms in the
 * browser can use it too.
 */

/** "Area/Location" (one or two slashes) or UTC: what a zone list offers. Abbreviations and offsets are not. */
const IANA_SHAPE = /^(?:UTC|[A-Za-z]+(?:\/[A-Za-z0-9_+-]+){1,2})$/;

/**
 * Zones already found valid. Every zoned step of lib/time checks its zone, and building a formatter to do it
 * cost more than the step itself (a client record's page checked the practice's zone hundreds of times: 6 ms of
 * its server time). A zone the runtime knows stays known, and only those are kept, so this holds at most the
 * runtime's own list.
 */
const KNOWN_ZONES = new Set<string>();

/**
 * An IANA zone the runtime knows, e.g. "Europe/London". "EST", "PST", "+05:00" and "EST5EDT" are refused:
 * an abbreviation names no daylight-saving rules (EST is New York in winter only), so a practice that
 * chose one would see every due time an hour off for half the year.
 */
export function isIanaTimeZone(value: unknown): value is string {
  if (typeof value !== 'string' || !IANA_SHAPE.test(value)) return false;
  if (KNOWN_ZONES.has(value)) return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
  } catch {
    return false;
  }
  KNOWN_ZONES.add(value);
  return true;
}

/** Every zone the runtime knows, for a picker. */
export function timeZoneNames(): string[] {
  return Intl.supportedValuesOf('timeZone');
}

export const TIME_ZONE_MESSAGE = 'Choose a time zone from the list, e.g. America/New_York or Europe/London.';
