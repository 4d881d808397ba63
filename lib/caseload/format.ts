import type { ChangeClassification } from '@/lib/measures';

/** Display text for the roster, computed on the server in the practice's time zone (no hydration drift). */

const DAY_MS = 86_400_000;

function dayNumber(day: string): number {
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / DAY_MS;
}

/** "today", "yesterday", "3 days ago", "in 2 days" — between two local calendar days. */
export function relativeDay(today: string, day: string): string {
  const diff = dayNumber(today) - dayNumber(day);
  if (diff === 0) return 'today';
  if (diff === 1) return 'yesterday';
  if (diff === -1) return 'tomorrow';
  if (diff > 1) return diff < 60 ? `${diff} days ago` : `${Math.round(diff / 30)} months ago`;
  return -diff < 60 ? `in ${-diff} days` : `in ${Math.round(-diff / 30)} months`;
}

export function exactDateTime(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', { dateStyle: 'full', timeStyle: 'short', timeZone }).format(new Date(iso));
}

export function exactDay(day: string): string {
  return new Intl.DateTimeFormat('en-US', { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(`${day}T12:00:00Z`));
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
