import { WINDOW_STATES, type WindowState } from '@/lib/checkins/rules';

/** What the report says about a period's daily check-ins (docs/clinical.md §3.1): how often, mood, distress, window. */

export interface SummaryStat {
  /** Mean to one decimal. */
  mean: number;
  min: number;
  max: number;
}

export interface CheckinSummary {
  daysInPeriod: number;
  checkins: number;
  mood: SummaryStat | null;
  distress: SummaryStat | null;
  /** Check-ins in each window-of-tolerance state. */
  window: Record<WindowState, number>;
}

export interface SummarisedCheckin {
  mood: number;
  distress: number;
  window: WindowState;
}

function stat(values: readonly number[]): SummaryStat | null {
  if (!values.length) return null;
  const sum = values.reduce((a, b) => a + b, 0);
  return { mean: Math.round((sum / values.length) * 10) / 10, min: Math.min(...values), max: Math.max(...values) };
}

export function summariseCheckins(rows: readonly SummarisedCheckin[], daysInPeriod: number): CheckinSummary {
  const window = Object.fromEntries(WINDOW_STATES.map((s) => [s, 0])) as Record<WindowState, number>;
  for (const row of rows) window[row.window] += 1;
  return {
    daysInPeriod,
    checkins: rows.length,
    mood: stat(rows.map((r) => r.mood)),
    distress: stat(rows.map((r) => r.distress)),
    window,
  };
}

/** A share as a whole percentage, or null when there is nothing to share. */
export function percent(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 100) : null;
}
