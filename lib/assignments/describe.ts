import { type RecurrenceEnd, type RecurrenceRule } from './recurrence';
import { addDays, localDay, zonedTimeToUtc } from '@/lib/time/day';
import { formatLocalDay } from '@/lib/time/format';

function times(n: number): string {
  return n === 1 ? 'once' : `${n} times`;
}

/** "Weekly, 4 times", "Every 3 days until Mar 12, 2026", "Daily, until stopped": how a schedule reads on the client page. */
export function describeRecurrence(rule: RecurrenceRule): string {
  if (rule.kind === 'once') return 'Once';
  const head = rule.kind === 'daily' ? 'Daily' : rule.kind === 'weekly' ? 'Weekly' : rule.n === 1 ? 'Every day' : `Every ${rule.n} days`;
  if ('untilStopped' in rule.end) return `${head}, until stopped`;
  return 'count' in rule.end ? `${head}, ${times(rule.end.count)}` : `${head} until ${formatLocalDay(rule.end.until)}`;
}

/** Reads a stored rule defensively: a row written by hand must not break a page. */
export function asRecurrenceRule(value: unknown): RecurrenceRule | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as { kind?: unknown; n?: unknown; end?: unknown };
  if (v.kind === 'once') return { kind: 'once' };
  const end = v.end as { until?: unknown; count?: unknown; untilStopped?: unknown } | undefined;
  const parsedEnd: RecurrenceEnd | null =
    end && end.untilStopped === true
      ? { untilStopped: true }
      : end && typeof end.until === 'string'
        ? { until: end.until }
        : end && typeof end.count === 'number'
          ? { count: end.count }
          : null;
  if (!parsedEnd) return null;
  if (v.kind === 'daily' || v.kind === 'weekly') return { kind: v.kind, end: parsedEnd };
  if (v.kind === 'every_n_days' && typeof v.n === 'number') return { kind: 'every_n_days', n: v.n, end: parsedEnd };
  return null;
}

export const OCCURRENCE_STATUS_LABELS: Readonly<Record<string, string>> = {
  due: 'Due',
  in_progress: 'In progress',
  submitted: 'Submitted',
  reviewed: 'Reviewed',
  missed: 'Missed',
  cancelled: 'Cancelled',
  set_aside: 'Set aside by client',
};

export const DEFAULT_DUE_TIME = '20:00';

/**
 * The assign form's starting point: today at 20:00 in the practice's zone, or tomorrow once that is less
 * than half an hour away (the first due time must still be ahead when the form is sent).
 */
export function defaultSchedule(timeZone: string, now: Date = new Date()): { startDate: string; dueTime: string } {
  const today = localDay(now, timeZone);
  const due = zonedTimeToUtc(today, DEFAULT_DUE_TIME, timeZone);
  const startDate = due.getTime() - now.getTime() < 30 * 60_000 ? addDays(today, 1) : today;
  return { startDate, dueTime: DEFAULT_DUE_TIME };
}
