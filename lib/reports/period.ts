import { addDays } from '@/lib/time/day';

/**
 * The period a progress report covers: two practice-local calendar days, both inclusive. It arrives in the
 * URL (dates are not health information), so anything malformed is answered beside the field, never a 500.
 */
export interface ReportPeriod {
  from: string;
  to: string;
}

export const DEFAULT_REPORT_DAYS = 90;

export type PeriodErrors = Partial<Record<keyof ReportPeriod, string>>;

export interface ParsedPeriod {
  /** The period shown: the submitted one when valid, otherwise the default. */
  period: ReportPeriod;
  /** What was submitted, echoed back into the fields. */
  values: { from: string; to: string };
  errors: PeriodErrors;
}

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

export function isCalendarDay(value: string): boolean {
  if (!DAY_RE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function single(value: unknown): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first.trim() : undefined;
}

export function defaultPeriod(today: string): ReportPeriod {
  return { from: addDays(today, -(DEFAULT_REPORT_DAYS - 1)), to: today };
}

/** Days covered, both ends included. */
export function periodDays(period: ReportPeriod): number {
  return Math.round((Date.parse(`${period.to}T00:00:00Z`) - Date.parse(`${period.from}T00:00:00Z`)) / 86_400_000) + 1;
}

export function parseReportPeriod(params: { from?: unknown; to?: unknown }, today: string): ParsedPeriod {
  const fallback = defaultPeriod(today);
  const rawFrom = single(params.from);
  const rawTo = single(params.to);
  const values = { from: rawFrom || fallback.from, to: rawTo || fallback.to };
  const errors: PeriodErrors = {};
  if (!isCalendarDay(values.from)) errors.from = 'Enter the first day as a date (YYYY-MM-DD).';
  if (!isCalendarDay(values.to)) errors.to = 'Enter the last day as a date (YYYY-MM-DD).';
  else if (values.to > today) errors.to = 'The report cannot end after today.';
  if (!errors.from && !errors.to && values.from > values.to)
    errors.from = 'The first day must be on or before the last day.';
  const valid = !errors.from && !errors.to;
  return { period: valid ? values : fallback, values, errors };
}
