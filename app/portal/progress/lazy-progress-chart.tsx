'use client';

import dynamic from 'next/dynamic';
import { chartPlaceholder } from '@/app/_components/charts/lazy';

/** The progress chart, loaded when drawn (see app/_components/charts/lazy.tsx). */
export const LazyProgressChart = dynamic(() => import('./progress-chart').then((m) => m.ProgressChart), {
  ssr: false,
  loading: chartPlaceholder('h-44'),
});
