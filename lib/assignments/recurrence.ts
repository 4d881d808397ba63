import { z } from 'zod';
import { addDays, isLocalDay, isTimeOfDay, oneYearLater, zonedTimeToUtc } from '@/lib/time/day';
import { isIanaTimeZone } from '@/lib/time/zone';

/**
 * Recurrence of an assignment (docs/clinical.md §4.5): once, daily, weekly or every N days, ending on a date, after
 * a number of occurrences, or open-ended until the therapist stops it. Occurrences are computed on the civil calendar and then placed at the due time
 * in the practice's (or client's) time zone, so "every day at 18:00" stays 18:00 on the wall clock across
 * daylight-saving changes (the calendar and zone arithmetic is `lib/time/day.ts`).
 */

/**
 * `untilStopped`: no end chosen. Its occurrences are planned a year ahead (up to the day before the same date
 * next year), and the daily `assignments.rollForward` job keeps planning a year ahead of today until the
 * therapist cancels it or gives it an end.
 */
export type RecurrenceEnd = { until: string } | { count: number } | { untilStopped: true };

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

/** The local dates of a rule's occurrences, ignoring time of day; an open end is planned up to `openUntil` (exclusive). */
function occurrenceDays(rule: RecurrenceRule, startDate: string, openUntil: string = oneYearLater(startDate)): string[] {
  if (rule.kind === 'once') return [startDate];
  const step = stepDays(rule);
  const days: string[] = [];
  if ('untilStopped' in rule.end) {
    for (let day = startDate; day < openUntil; day = addDays(day, step)) days.push(day);
    return days;
  }
  if ('count' in rule.end) {
    const count = Math.min(rule.end.count, MAX_RECURRENCE_COUNT);
    for (let i = 0; i < count; i += 1) days.push(addDays(startDate, i * step));
    return days;
  }
  if (!isLocalDay(rule.end.until)) throw new RangeError(`Not a calendar date: ${rule.end.until}`);
  // Bounded by the one-year horizon even if an unchecked rule reaches further.
  const horizon = oneYearLater(startDate);
  const last = rule.end.until < horizon ? rule.end.until : horizon;
  for (let day = startDate; day <= last && days.length < MAX_RECURRENCE_COUNT + 1; day = addDays(day, step)) days.push(day);
  return days;
}

/**
 * Why a rule cannot be used from `startDate`, or null if it can: the end must not be before the start and
 * the last occurrence must fall within one year of the start. ('YYYY-MM-DD' strings sort as dates do.)
 */
export function recurrenceProblem(rule: RecurrenceRule, startDate: string): string | null {
  if (!isLocalDay(startDate)) return 'Enter a real start date.';
  if (rule.kind === 'once') return null;
  const horizon = oneYearLater(startDate);
  if ('untilStopped' in rule.end) return null;
  if ('until' in rule.end) {
    const until = rule.end.until;
    if (!isLocalDay(until)) return 'Enter a real end date.';
    if (until < startDate) return 'The end date cannot be before the start date.';
    if (until > horizon) return 'Repeat for at most one year.';
    return null;
  }
  const last = addDays(startDate, (rule.end.count - 1) * stepDays(rule));
  return last > horizon ? 'Repeat for at most one year.' : null;
}

const dateString = z.string().refine(isLocalDay, { message: 'Enter a real date as YYYY-MM-DD.' });

export const recurrenceEndSchema = z.union([
  z.strictObject({ untilStopped: z.literal(true) }),
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

/** A local due time, HH:MM on a 24-hour clock. */
export const dueTimeSchema = z.string().refine(isTimeOfDay, { message: 'Enter a time as HH:MM (24-hour).' });

/** Start date, local due time, zone and rule together, with the cross-checks (end after start, ≤ 1 year). */
export const assignmentScheduleSchema = z
  .strictObject({
    startDate: dateString,
    dueTime: dueTimeSchema,
    timeZone: z.string().refine(isIanaTimeZone, { message: 'Unknown time zone.' }),
    recurrence: recurrenceRuleSchema,
  })
  .superRefine((s, ctx) => {
    if (!isLocalDay(s.startDate)) return;
    const problem = recurrenceProblem(s.recurrence, s.startDate);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, path: ['recurrence', 'end'] });
  });

export type AssignmentSchedule = z.output<typeof assignmentScheduleSchema>;

export interface ExpandOptions {
  /** Keep only occurrences due at or after this instant. */
  readonly from?: Date;
  /** Keep only occurrences due at or before this instant. */
  readonly to?: Date;
  /** For an open end: plan up to this local day (exclusive); a year after the start unless given. */
  readonly openUntil?: string;
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
  if (!isLocalDay(startDate)) throw new RangeError(`Not a calendar date: ${startDate}`);
  if (!isTimeOfDay(dueTime)) throw new RangeError(`Not a time of day: ${dueTime}`);
  if (!isIanaTimeZone(timeZone)) throw new RangeError(`Unknown time zone: ${timeZone}`);
  if (rule.kind === 'every_n_days' && !(Number.isInteger(rule.n) && rule.n >= 1)) {
    throw new RangeError(`Not a day interval: ${String(rule.n)}`);
  }
  const from = opts.from?.getTime() ?? -Infinity;
  const to = opts.to?.getTime() ?? Infinity;
  const out: Occurrence[] = [];
  if (opts.openUntil !== undefined && !isLocalDay(opts.openUntil)) throw new RangeError(`Not a calendar date: ${opts.openUntil}`);
  occurrenceDays(rule, startDate, opts.openUntil).forEach((localDate, index) => {
    const dueAt = zonedTimeToUtc(localDate, dueTime, timeZone);
    if (dueAt.getTime() >= from && dueAt.getTime() <= to) out.push({ index, localDate, dueAt });
  });
  return out;
}
