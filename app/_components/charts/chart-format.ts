/** Formatting shared by the chart components (pure; safe in client bundles). */
import { formatInstant, MONTH_DAY } from '@/lib/time/format';

export { formatLocalDay as formatDay } from '@/lib/time/format';

export function formatTick(t: number, timeZone: string): string {
  return formatInstant(t, timeZone, MONTH_DAY);
}

/** Evenly spaced ticks across the domain, so a sparse series still gets a readable date axis. */
export function timeTicks([start, end]: readonly [number, number], count = 6): number[] {
  if (!(end > start)) return [start];
  const step = (end - start) / (count - 1);
  return Array.from({ length: count }, (_, i) => Math.round(start + i * step));
}

export function formatScore(value: number, decimals: number): string {
  return decimals === 0 ? String(Math.round(value)) : value.toFixed(decimals);
}
