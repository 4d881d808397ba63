import { z } from 'zod';

/**
 * Recurrence of an assignment (CLINICAL §4): once, daily, weekly or every N days, ending on a date or after
 * a number of occurrences. Occurrences are computed on the civil calendar and then placed at the due time
 * in the practice's (or client's) time zone, so "every day at 18:00" stays 18:00 on the wall clock across
 * daylight-saving changes. Intl only, no date library.
 */

export type RecurrenceEnd = { until: string } | { count: number };

export type RecurrenceRule =
  | { kind: 'once' }
  | { kind: 'daily'; end: RecurrenceEnd }
  | { kind: 'weekly'; end: RecurrenceEnd }
  | { kind: 'every_n_days'; n: number; end: RecurrenceEnd };

export interface Occurrence {
  /** 0-based position in the whole series, stable whatever window was asked for. */
  readonly index: number;
  /** The local calendar day the occurrence belongs to, 'YYYY-MM-DD'. */
  readonly localDate: string;
  /** The due instant (UTC). */
  readonly dueAt: Date;
}

export const MAX_RECURRENCE_COUNT = 365;
export const MAX_EVERY_N_DAYS = 365;

const DAY_MS = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

// ---- civil dates -------------------------------------------------------------------------------------

/** Days since 1970-01-01 for a valid 'YYYY-MM-DD', or undefined (rejects 2026-02-30 and friends). */
export function parseLocalDate(date: string): number | undefined {
  const m = DATE_RE.exec(date);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return undefined;
  return ms / DAY_MS;
}

function formatDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  const day = parseLocalDate(date);
  if (day === undefined) throw new RangeError(`Not a calendar date: ${date}`);
  return formatDay(day + days);
}

/** The same calendar day one year later; 29 February becomes 28 February. */
function oneYearLater(day: number): number {
  const d = new Date(day * DAY_MS);
  const y = d.getUTCFullYear() + 1;
  const m = d.getUTCMonth();
  const lastOfMonth = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Date.UTC(y, m, Math.min(d.getUTCDate(), lastOfMonth)) / DAY_MS;
}

export function isValidTime(time: string): boolean {
  return TIME_RE.test(time);
}

// ---- time zones --------------------------------------------------------------------------------------

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isValidTimeZone(timeZone: string): boolean {
  if (typeof timeZone !== 'string' || timeZone === '') return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The zone's UTC offset in ms at an instant (local wall clock minus UTC). */
function offsetAt(timeZone: string, epochMs: number): number {
  const whole = Math.floor(epochMs / 1000) * 1000;
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(new Date(whole))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const asUtc = Date.UTC(
    parts['year'] ?? 1970,
    (parts['month'] ?? 1) - 1,
    parts['day'] ?? 1,
    parts['hour'] ?? 0,
    parts['minute'] ?? 0,
    parts['second'] ?? 0,
  );
  return asUtc - whole;
}

/**
 * The instant a wall-clock time happens in a zone. When the clock jumps forward and the time does not
 * exist, the instant after the gap is used (02:30 → 03:30); when it falls back and the time happens twice,
 * the earlier one — the same choice as Temporal's 'compatible' disambiguation.
 */
export function zonedTimeToUtc(date: string, time: string, timeZone: string): Date {
  const day = parseLocalDate(date);
  const t = TIME_RE.exec(time);
  if (day === undefined || !t) throw new RangeError(`Not a local date and time: ${date} ${time}`);
  const local = day * DAY_MS + (Number(t[1]) * 60 + Number(t[2])) * 60_000;
  const before = offsetAt(timeZone, local - DAY_MS);
  const after = offsetAt(timeZone, local + DAY_MS);
  const valid = [...new Set([before, after])]
    .map((offset) => local - offset)
    .filter((instant) => local - instant === offsetAt(timeZone, instant));
  if (valid.length > 0) return new Date(Math.min(...valid));
  return new Date(local - before);
}

/** The local calendar day of an instant in a zone. */
export function localDateOf(instant: Date, timeZone: string): string {
  return formatDay(Math.floor((instant.getTime() + offsetAt(timeZone, instant.getTime())) / DAY_MS));
}

// ---- rules -------------------------------------------------------------------------------------------

function stepDays(rule: RecurrenceRule): number {
  switch (rule.kind) {
    case 'once':
    case 'daily':
      return 1;
    case 'weekly':
      return 7;
    case 'every_n_days':
      return rule.n;
  }
}

/** The local dates of a rule's occurrences, ignoring time of day. */
function occurrenceDays(rule: RecurrenceRule, startDay: number): number[] {
  if (rule.kind === 'once') return [startDay];
  const step = stepDays(rule);
  const days: number[] = [];
  if ('count' in rule.end) {
    const count = Math.min(rule.end.count, MAX_RECURRENCE_COUNT);
    for (let i = 0; i < count; i += 1) days.push(startDay + i * step);
    return days;
  }
  const until = parseLocalDate(rule.end.until);
  if (until === undefined) throw new RangeError(`Not a calendar date: ${rule.end.until}`);
  // Bounded by the one-year horizon even if an unchecked rule reaches further.
  const last = Math.min(until, oneYearLater(startDay));
  for (let day = startDay; day <= last && days.length < MAX_RECURRENCE_COUNT + 1; day += step) days.push(day);
  return days;
}

/**
 * Why a rule cannot be used from `startDate`, or null if it can: the end must not be before the start and
 * the last occurrence must fall within one year of the start.
 */
export function recurrenceProblem(rule: RecurrenceRule, startDate: string): string | null {
  const start = parseLocalDate(startDate);
  if (start === undefined) return 'Enter a real start date.';
  if (rule.kind === 'once') return null;
  const horizon = oneYearLater(start);
  if ('until' in rule.end) {
    const until = parseLocalDate(rule.end.until);
    if (until === undefined) return 'Enter a real end date.';
    if (until < start) return 'The end date cannot be before the start date.';
    if (until > horizon) return 'Repeat for at most one year.';
    return null;
  }
  const last = start + (rule.end.count - 1) * stepDays(rule);
  return last > horizon ? 'Repeat for at most one year.' : null;
}

const dateString = z.string().refine((s) => parseLocalDate(s) !== undefined, { message: 'Enter a real date as YYYY-MM-DD.' });

export const recurrenceEndSchema = z.union([
  z.strictObject({ until: dateString }),
  z.strictObject({
    count: z
      .int({ message: `Enter a whole number of times from 1 to ${MAX_RECURRENCE_COUNT}.` })
      .min(1, { message: `Enter a whole number of times from 1 to ${MAX_RECURRENCE_COUNT}.` })
      .max(MAX_RECURRENCE_COUNT, { message: `Enter a whole number of times from 1 to ${MAX_RECURRENCE_COUNT}.` }),
  }),
]);

/** The shape of a rule alone. Use `assignmentScheduleSchema` to check it against its start date too. */
export const recurrenceRuleSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('once') }),
  z.strictObject({ kind: z.literal('daily'), end: recurrenceEndSchema }),
  z.strictObject({ kind: z.literal('weekly'), end: recurrenceEndSchema }),
  z.strictObject({
    kind: z.literal('every_n_days'),
    n: z
      .int({ message: `Enter a whole number of days from 1 to ${MAX_EVERY_N_DAYS}.` })
      .min(1, { message: `Enter a whole number of days from 1 to ${MAX_EVERY_N_DAYS}.` })
      .max(MAX_EVERY_N_DAYS, { message: `Enter a whole number of days from 1 to ${MAX_EVERY_N_DAYS}.` }),
    end: recurrenceEndSchema,
  }),
]) satisfies z.ZodType<RecurrenceRule>;

/** Start date, local due time, zone and rule together, with the cross-checks (end after start, ≤ 1 year). */
export const assignmentScheduleSchema = z
  .strictObject({
    startDate: dateString,
    dueTime: z.string().regex(TIME_RE, { message: 'Enter a time as HH:MM (24-hour).' }),
    timeZone: z.string().refine(isValidTimeZone, { message: 'Unknown time zone.' }),
    recurrence: recurrenceRuleSchema,
  })
  .superRefine((s, ctx) => {
    if (parseLocalDate(s.startDate) === undefined) return;
    const problem = recurrenceProblem(s.recurrence, s.startDate);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, path: ['recurrence', 'end'] });
  });

export type AssignmentSchedule = z.output<typeof assignmentScheduleSchema>;

export interface ExpandOptions {
  /** Keep only occurrences due at or after this instant. */
  readonly from?: Date;
  /** Keep only occurrences due at or before this instant. */
  readonly to?: Date;
}

/**
 * Every occurrence of a rule starting on `startDate`, due at `dueTime` local time in `timeZone`.
 * Throws RangeError on inputs the schema would have refused (this is a programming error, not user input).
 */
export function expandOccurrences(
  rule: RecurrenceRule,
  startDate: string,
  dueTime: string,
  timeZone: string,
  opts: ExpandOptions = {},
): Occurrence[] {
  const start = parseLocalDate(startDate);
  if (start === undefined) throw new RangeError(`Not a calendar date: ${startDate}`);
  if (!isValidTime(dueTime)) throw new RangeError(`Not a time of day: ${dueTime}`);
  if (!isValidTimeZone(timeZone)) throw new RangeError(`Unknown time zone: ${timeZone}`);
  if (rule.kind === 'every_n_days' && !(Number.isInteger(rule.n) && rule.n >= 1)) {
    throw new RangeError(`Not a day interval: ${String(rule.n)}`);
  }
  const from = opts.from?.getTime() ?? -Infinity;
  const to = opts.to?.getTime() ?? Infinity;
  const out: Occurrence[] = [];
  occurrenceDays(rule, start).forEach((day, index) => {
    const localDate = formatDay(day);
    const dueAt = zonedTimeToUtc(localDate, dueTime, timeZone);
    if (dueAt.getTime() >= from && dueAt.getTime() <= to) out.push({ index, localDate, dueAt });
  });
  return out;
}
