/**
 * Instants in exports are written in the practice's time zone with the offset in force at that instant
 * (ISO 8601: 2026-03-29T09:15:00+02:00), so a spreadsheet shows the practice's wall clock and a program can
 * still recover the exact instant.
 */
import { dateTimeFormat } from '@/lib/time/format';

const ISO_PARTS: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'longOffset',
};

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  return dateTimeFormat(ISO_PARTS, timeZone);
}

/** "GMT+05:30" → "+05:30"; "GMT" (UTC itself) → "+00:00". */
function isoOffset(gmt: string): string {
  const match = /^GMT([+-]\d{2}):?(\d{2})?$/.exec(gmt);
  if (!match) return '+00:00';
  return `${match[1]}:${match[2] ?? '00'}`;
}

export function isoInZone(instant: Date, timeZone: string): string {
  if (Number.isNaN(instant.getTime())) throw new RangeError('Invalid instant');
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) parts[part.type] = part.value;
  const year = (parts.year ?? '1970').padStart(4, '0');
  return `${year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${isoOffset(parts.timeZoneName ?? 'GMT')}`;
}

/** The same, or an empty cell for a missing instant. */
export function isoInZoneOrNull(instant: Date | null | undefined, timeZone: string): string | null {
  return instant ? isoInZone(instant, timeZone) : null;
}
