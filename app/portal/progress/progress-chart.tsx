'use client';

import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatInstant, MONTH_DAY } from '@/lib/time/format';

export type ProgressChartPoint = { t: number; score: number };

/** The client's own scores for one measure over time; the table beside it is the same data for screen readers. */
export function ProgressChart({
  title,
  points,
  domain,
  baseline,
  timeZone,
}: {
  title: string;
  points: ProgressChartPoint[];
  domain: [number, number];
  baseline: number;
  /** The practice's zone: the server renders this too, so a browser elsewhere must not move a day. */
  timeZone: string;
}) {
  const day = (t: number) => formatInstant(t, timeZone, MONTH_DAY);
  return (
    <figure>
      <div aria-hidden="true" className="chart-surface h-44 w-full">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart accessibilityLayer={false} data={points} margin={{ top: 8, right: 12, bottom: 0, left: -16 }}>
            <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" />
            <XAxis
              dataKey="t"
              type="number"
              scale="time"
              domain={['dataMin', 'dataMax']}
              tickFormatter={(t: number) => day(t)}
              tick={{ fontSize: 11, fill: '#475569' }}
            />
            <YAxis domain={domain} tick={{ fontSize: 11, fill: '#475569' }} allowDecimals={false} />
            <ReferenceLine y={baseline} stroke="#94a3b8" strokeDasharray="4 4" label={{ value: 'start', fontSize: 10, fill: '#475569', position: 'insideTopLeft' }} />
            <Tooltip labelFormatter={(t) => day(Number(t))} formatter={(v) => [v, title]} />
            <Line type="monotone" dataKey="score" stroke="#0f665d" strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="sr-only">{title} over time</figcaption>
      <table className="sr-only">
        <caption>{title} scores</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Score</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.t}>
              <td>{day(p.t)}</td>
              <td>{p.score}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
