import { addDays, daysBetween, isLocalDay } from '@/lib/time/day';

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

function single(value: unknown): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first.trim() : undefined;
}

export function defaultPeriod(today: string): ReportPeriod {
  return { from: addDays(today, -(DEFAULT_REPORT_DAYS - 1)), to: today };
}

/** Days covered, both ends included. */
export function periodDays(period: ReportPeriod): number {
  return daysBetween(period.from, period.to) + 1;
}

export function parseReportPeriod(params: { from?: unknown; to?: unknown }, today: string): ParsedPeriod {
  const fallback = defaultPeriod(today);
  const rawFrom = single(params.from);
  const rawTo = single(params.to);
  const values = { from: rawFrom || fallback.from, to: rawTo || fallback.to };
  const errors: PeriodErrors = {};
  if (!isLocalDay(values.from)) errors.from = 'Enter the first day as a date (YYYY-MM-DD).';
  if (!isLocalDay(values.to)) errors.to = 'Enter the last day as a date (YYYY-MM-DD).';
  else if (values.to > today) errors.to = 'The report cannot end after today.';
  if (!errors.from && !errors.to && values.from > values.to)
    errors.from = 'The first day must be on or before the last day.';
  const valid = !errors.from && !errors.to;
  return { period: valid ? values : fallback, values, errors };
}
