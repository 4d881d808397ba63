'use client';

import dynamic from 'next/dynamic';

/**
 * The charts, loaded only when a page draws one: recharts is then never in a route's first-load JavaScript, so
 * neither opening nor prefetching a page (a <Link> prefetch loads the target's first-load chunks) pulls chart code
 * into a page that draws no chart. Each chart is decorative (aria-hidden, with a table of the same data beside
 * it) and its size comes from CSS, so the server renders a box of the same height and nothing moves when it loads.
 */
export function chartPlaceholder(height: string) {
  function ChartPlaceholder() {
    return <div className={`${height} w-full rounded-lg bg-slate-50`} aria-hidden="true" />;
  }
  return ChartPlaceholder;
}

export const LazyCheckinChart = dynamic(() => import('./checkin-chart').then((m) => m.CheckinChart), {
  ssr: false,
  loading: chartPlaceholder('h-72'),
});

export const LazyMeasureChart = dynamic(() => import('./measure-chart').then((m) => m.MeasureChart), {
  ssr: false,
  loading: chartPlaceholder('h-64'),
});
