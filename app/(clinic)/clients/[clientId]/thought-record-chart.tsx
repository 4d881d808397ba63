'use client';

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export type IntensityChartPoint = { t: number; label: string; before: number | null; after: number | null };

/**
 * Mean emotion intensity at the start of each thought record and after re-rating, over time. The chart is
 * decorative for screen readers; the same numbers are in the table beside it.
 */
export function ThoughtRecordChart({ points }: { points: IntensityChartPoint[] }) {
  return (
    <div className="chart-surface h-64 w-full" aria-hidden="true" data-testid="thought-record-chart">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart accessibilityLayer={false} data={points} margin={{ top: 12, right: 12, bottom: 4, left: 0 }}>
          <CartesianGrid stroke="#e2e8f0" strokeDasharray="2 4" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 12, fill: '#475569' }} />
          <YAxis domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} unit="%" width={44} tick={{ fontSize: 12, fill: '#475569' }} />
          <Tooltip formatter={(value) => `${String(value)}%`} />
          <Legend />
          <Line type="monotone" dataKey="before" name="Before" stroke="#b45309" strokeWidth={2} dot={{ r: 3 }} connectNulls />
          <Line type="monotone" dataKey="after" name="After re-rating" stroke="#0f665d" strokeWidth={2} dot={{ r: 3 }} connectNulls />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
