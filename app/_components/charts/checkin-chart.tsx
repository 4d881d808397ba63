'use client';

import {
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatDay } from './chart-format';
import { AXIS_TICK, HomeworkLegendItem, homeworkMarkerProps, timeAxisProps } from './chart-parts';

export type CheckinChartPoint = {
  t: number;
  day: string;
  mood: number;
  distress: number;
  distressAverage7: number;
  window: 'hypo' | 'within' | 'hyper';
};

export type CheckinChartProps = {
  timeZone: string;
  domain: [number, number];
  points: CheckinChartPoint[];
  homework: { t: number; day: string }[];
  windowLabels: Record<'hypo' | 'within' | 'hyper', string>;
};

export const WINDOW_COLOURS = { hypo: '#60a5fa', within: '#2dd4bf', hyper: '#f97316' } as const;

const HALF_DAY = 43_200_000;
// The window-of-tolerance band sits below the lines, on its own scale from -18 to -4 of the distress axis.
const BAND = { y1: -16, y2: -5 } as const;

export function CheckinChart(props: CheckinChartProps) {
  return (
    <figure className="m-0">
      <div className="chart-surface h-72 w-full" aria-hidden="true" data-testid="checkin-chart">
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart accessibilityLayer={false} data={props.points} margin={{ top: 12, right: 8, bottom: 4, left: 0 }}>
            <CartesianGrid stroke="#e2e8f0" strokeDasharray="2 4" vertical={false} />
            <XAxis {...timeAxisProps(props.domain, props.timeZone)} />
            <YAxis
              yAxisId="distress"
              domain={[-18, 100]}
              ticks={[0, 20, 40, 60, 80, 100]}
              tick={AXIS_TICK}
              width={40}
              label={{ value: 'Distress', angle: -90, position: 'insideLeft', fill: '#334155', fontSize: 12 }}
            />
            <YAxis
              yAxisId="mood"
              orientation="right"
              domain={[-1.8, 10]}
              ticks={[0, 2, 4, 6, 8, 10]}
              tick={AXIS_TICK}
              width={36}
              label={{ value: 'Mood', angle: 90, position: 'insideRight', fill: '#334155', fontSize: 12 }}
            />
            {props.points.map((p) => (
              <ReferenceArea
                key={`w-${p.t}`}
                yAxisId="distress"
                x1={p.t - HALF_DAY}
                x2={p.t + HALF_DAY}
                y1={BAND.y1}
                y2={BAND.y2}
                fill={WINDOW_COLOURS[p.window]}
                fillOpacity={0.9}
                stroke="none"
                ifOverflow="hidden"
              />
            ))}
            {props.homework.map((h) => (
              <ReferenceLine key={`hw-${h.t}`} yAxisId="distress" {...homeworkMarkerProps(h.t, 'insideTop')} />
            ))}
            <Tooltip
              labelFormatter={(_, payload) => {
                const point = payload?.[0]?.payload as CheckinChartPoint | undefined;
                return point ? `${formatDay(point.day)} · ${props.windowLabels[point.window]}` : '';
              }}
            />
            <Line yAxisId="distress" dataKey="distress" name="Distress" stroke="#b45309" strokeWidth={1} dot={{ r: 2 }} isAnimationActive={false} />
            <Line
              yAxisId="distress"
              dataKey="distressAverage7"
              name="Distress, 7-day average"
              stroke="#7c2d12"
              strokeWidth={2.5}
              dot={false}
              isAnimationActive={false}
            />
            <Line yAxisId="mood" dataKey="mood" name="Mood" stroke="#0f766e" strokeWidth={2} dot={{ r: 2 }} isAnimationActive={false} />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700">
        <span>
          <span aria-hidden="true" className="mr-1 inline-block h-0.5 w-4 bg-brand-700 align-middle" />
          Mood (0–10, right axis)
        </span>
        <span>
          <span aria-hidden="true" className="mr-1 inline-block h-px w-4 bg-amber-700 align-middle" />
          Distress (0–100, left axis)
        </span>
        <span>
          <span aria-hidden="true" className="mr-1 inline-block h-1 w-4 bg-orange-900 align-middle" />
          Distress, 7-day average
        </span>
        {(['hypo', 'within', 'hyper'] as const).map((state) => (
          <span key={state}>
            <span aria-hidden="true" className="mr-1 inline-block h-2 w-4 align-middle" style={{ backgroundColor: WINDOW_COLOURS[state] }} />
            {props.windowLabels[state]}
          </span>
        ))}
        <HomeworkLegendItem shown={props.homework.length > 0} />
      </figcaption>
    </figure>
  );
}
