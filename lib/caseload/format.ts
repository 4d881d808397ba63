import type { ChangeClassification } from '@/lib/measures';
import { daysBetween } from '@/lib/time/day';
import { formatInstant, formatLocalDay, FULL_DATE, FULL_DATE_TIME } from '@/lib/time/format';

/** Display text for the roster, computed on the server in the practice's time zone (no hydration drift). */

/** "today", "yesterday", "3 days ago", "in 2 days" — between two local calendar days. */
export function relativeDay(today: string, day: string): string {
  const diff = daysBetween(day, today);
  if (diff === 0) return 'today';
  if (diff === 1) return 'yesterday';
  if (diff === -1) return 'tomorrow';
  if (diff > 1) return diff < 60 ? `${diff} days ago` : `${Math.round(diff / 30)} months ago`;
  return -diff < 60 ? `in ${-diff} days` : `in ${Math.round(-diff / 30)} months`;
}

export function exactDateTime(iso: string, timeZone: string): string {
  return formatInstant(iso, timeZone, FULL_DATE_TIME);
}

export function exactDay(day: string): string {
  return formatLocalDay(day, FULL_DATE);
}

export const CHANGE_LABELS: Readonly<Record<ChangeClassification, string>> = {
  reliable_improvement: 'Reliable improvement',
  no_reliable_change: 'No reliable change',
  reliable_deterioration: 'Reliable deterioration',
};

export function percent(ratio: number | null): string {
  return ratio === null ? '—' : `${Math.round(ratio * 100)}%`;
}

export function signed(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `−${Math.abs(n)}` : '±0';
}
