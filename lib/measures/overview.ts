/**
 * Pure pieces of the therapist's client overview: the chart range switch and the check-in moving average.
 * Shared by the server query (lib/measures/client-overview.ts) and the client-side range switch.
 */

import { addDays } from '@/lib/time/day';

export const OVERVIEW_RANGES = ['30d', '90d', '1y', 'all'] as const;
export type OverviewRange = (typeof OVERVIEW_RANGES)[number];
export const DEFAULT_OVERVIEW_RANGE: OverviewRange = '90d';

export const OVERVIEW_RANGE_LABELS: Readonly<Record<OverviewRange, string>> = {
  '30d': '30 days',
  '90d': '90 days',
  '1y': '1 year',
  all: 'All',
};

const RANGE_DAYS: Readonly<Record<Exclude<OverviewRange, 'all'>, number>> = { '30d': 30, '90d': 90, '1y': 365 };

/** A range from the URL; anything unknown (or repeated) falls back to the default rather than failing the page. */
export function parseOverviewRange(value: unknown): OverviewRange {
  const single = Array.isArray(value) ? value[0] : value;
  return (OVERVIEW_RANGES as readonly unknown[]).includes(single) ? (single as OverviewRange) : DEFAULT_OVERVIEW_RANGE;
}

/** How many days the range covers, or null for all of the record. */
export function rangeDays(range: OverviewRange): number | null {
  return range === 'all' ? null : RANGE_DAYS[range];
}

/**
 * First local day shown for a range ending on `today`, inclusive: "30 days" is today and the 29 before it.
 * Null for all of the record.
 */
export function rangeStartDay(range: OverviewRange, today: string): string | null {
  const days = rangeDays(range);
  return days === null ? null : addDays(today, -(days - 1));
}

export interface DailyValue {
  day: string;
  value: number;
}

/**
 * Trailing moving average over calendar days: for each entry, the mean of the entries dated within the `window`
 * days ending on its day. Missing days are skipped, not counted as zero, so a client who checks in every other
 * day is averaged over the days they reported. Input in ascending day order; one value per day.
 */
export function trailingDailyAverage(values: readonly DailyValue[], window = 7): number[] {
  const out: number[] = [];
  let start = 0;
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const current = values[i]!;
    sum += current.value;
    const earliest = addDays(current.day, -(window - 1));
    while (values[start]!.day < earliest) {
      sum -= values[start]!.value;
      start++;
    }
    out.push(Math.round((sum / (i - start + 1)) * 10) / 10);
  }
  return out;
}
