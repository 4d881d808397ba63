'use client';

import dynamic from 'next/dynamic';
import { chartPlaceholder } from '@/app/_components/charts/lazy';

/** The thought-record chart, loaded when drawn (see app/_components/charts/lazy.tsx). */
export const LazyThoughtRecordChart = dynamic(
  () => import('./thought-record-chart').then((m) => m.ThoughtRecordChart),
  {
    ssr: false,
    loading: chartPlaceholder('h-64'),
  },
);
