/** Formatting shared by the chart components (pure; safe in client bundles). */

export function formatTick(t: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone }).format(new Date(t));
}

export function formatDay(day: string): string {
  return new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${day}T12:00:00Z`));
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
