'use client';

import {
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceArea,
  ReferenceDot,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatDay, formatScore } from './chart-format';
import { AXIS_TICK, HomeworkLegendItem, homeworkMarkerProps, timeAxisProps } from './chart-parts';

export type MeasureChartBand = { label: string; min: number; max: number };
export type MeasureChartPoint = { t: number; day: string; score: number; bandLabel: string | null; isBaseline: boolean };

export type MeasureChartProps = {
  title: string;
  timeZone: string;
  domain: [number, number];
  scoreRange: { min: number; max: number };
  higherIsBetter: boolean;
  bands: MeasureChartBand[];
  points: MeasureChartPoint[];
  baseline: { t: number; score: number };
  /** Reliable-change threshold in points, drawn either side of the baseline. */
  threshold: number;
  homework: { t: number; day: string }[];
  decimals: number;
  /** A-RSQ: no bands; the adult norm is drawn instead. */
  norm?: { mean: number; sd: number };
};

// From best to worst: pale teal through amber to rose, light enough for AA text over them.
const GOOD_TO_BAD = ['#dff5f1', '#eef7e2', '#fdf3d7', '#fde6d2', '#fbdada'];

function bandFills(bands: MeasureChartBand[], higherIsBetter: boolean): string[] {
  const n = bands.length;
  return bands.map((_, i) => {
    const badness = higherIsBetter ? n - 1 - i : i;
    const index = n <= 1 ? 0 : Math.round((badness / (n - 1)) * (GOOD_TO_BAD.length - 1));
    return GOOD_TO_BAD[index]!;
  });
}

/**
 * Bands drawn edge to edge: integer-scored bands (0–4, 5–9) would otherwise leave a gap between 4 and 5, so each
 * boundary sits halfway between one band's top and the next one's bottom.
 */
function bandAreas(bands: MeasureChartBand[], range: { min: number; max: number }) {
  return bands.map((band, i) => {
    const previous = bands[i - 1];
    const next = bands[i + 1];
    return {
      label: band.label,
      y1: previous ? (previous.max + band.min) / 2 : range.min,
      y2: next ? (band.max + next.min) / 2 : range.max,
    };
  });
}

function clamp(value: number, range: { min: number; max: number }) {
  return Math.min(range.max, Math.max(range.min, value));
}

export function MeasureChart(props: MeasureChartProps) {
  const { scoreRange, bands, baseline, threshold, higherIsBetter, decimals } = props;
  const fills = bandFills(bands, higherIsBetter);
  const improvementLine = higherIsBetter ? baseline.score + threshold : baseline.score - threshold;
  const deteriorationLine = higherIsBetter ? baseline.score - threshold : baseline.score + threshold;
  const inRange = (v: number) => v >= scoreRange.min && v <= scoreRange.max;
  const baselineShown = baseline.t >= props.domain[0] && baseline.t <= props.domain[1];

  return (
    <figure className="m-0">
      <div className="chart-surface h-64 w-full" aria-hidden="true" data-testid={`measure-chart-${props.title}`}>
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart accessibilityLayer={false} data={props.points} margin={{ top: 16, right: 24, bottom: 4, left: 0 }}>
            {bandAreas(bands, scoreRange).map((band, i) => (
              <ReferenceArea
                key={band.label}
                y1={band.y1}
                y2={band.y2}
                fill={fills[i]}
                fillOpacity={1}
                stroke="none"
                ifOverflow="hidden"
                label={{ value: band.label, position: 'insideLeft', fill: '#334155', fontSize: 11 }}
              />
            ))}
            {props.norm ? (
              <ReferenceArea
                y1={clamp(props.norm.mean - props.norm.sd, scoreRange)}
                y2={clamp(props.norm.mean + props.norm.sd, scoreRange)}
                fill="#e2f3f1"
                stroke="none"
                label={{ value: 'Adult norm ±1 SD', position: 'insideLeft', fill: '#334155', fontSize: 11 }}
              />
            ) : null}
            <CartesianGrid stroke="#cbd5e1" strokeDasharray="2 4" vertical={false} />
            <XAxis {...timeAxisProps(props.domain, props.timeZone)} />
            <YAxis domain={[scoreRange.min, scoreRange.max]} tick={AXIS_TICK} width={40} allowDecimals={decimals > 0} />
            <ReferenceLine
              y={baseline.score}
              stroke="#0f766e"
              strokeDasharray="6 3"
              label={{ value: `Baseline ${formatScore(baseline.score, decimals)}`, position: 'insideTopRight', fill: '#115e59', fontSize: 11 }}
            />
            {inRange(improvementLine) ? (
              <ReferenceLine
                y={improvementLine}
                stroke="#15803d"
                strokeDasharray="2 3"
                label={{ value: 'Reliable improvement', position: 'insideBottomRight', fill: '#166534', fontSize: 11 }}
              />
            ) : null}
            {inRange(deteriorationLine) ? (
              <ReferenceLine
                y={deteriorationLine}
                stroke="#b91c1c"
                strokeDasharray="2 3"
                label={{ value: 'Reliable deterioration', position: 'insideTopRight', fill: '#991b1b', fontSize: 11 }}
              />
            ) : null}
            {props.homework.map((h) => (
              <ReferenceLine key={`hw-${h.t}`} {...homeworkMarkerProps(h.t, 'insideBottom')} />
            ))}
            <Tooltip
              labelFormatter={(_, payload) => {
                const point = payload?.[0]?.payload as MeasureChartPoint | undefined;
                return point ? formatDay(point.day) : '';
              }}
              formatter={(value, _name, item) => {
                const point = item.payload as MeasureChartPoint;
                return [`${formatScore(Number(value), decimals)}${point.bandLabel ? ` (${point.bandLabel})` : ''}${point.isBaseline ? ' · baseline' : ''}`, props.title];
              }}
            />
            <Line
              dataKey="score"
              type="linear"
              stroke="#115e59"
              strokeWidth={2}
              dot={{ r: 3, fill: '#115e59' }}
              isAnimationActive={false}
              name={props.title}
            />
            {baselineShown ? (
              <ReferenceDot x={baseline.t} y={baseline.score} r={7} fill="#ffffff" stroke="#0f766e" strokeWidth={3} ifOverflow="extendDomain" />
            ) : null}
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700">
        <span>
          <span aria-hidden="true" className="mr-1 inline-block h-2 w-4 border-t-2 border-dashed border-brand-700 align-middle" />
          Baseline (ring marks it)
        </span>
        <span>
          <span aria-hidden="true" className="mr-1 inline-block h-2 w-4 border-t-2 border-dotted border-green-700 align-middle" />
          Reliable change, ±{threshold} from baseline (green: improvement, red: deterioration)
        </span>
        <HomeworkLegendItem shown={props.homework.length > 0} />
      </figcaption>
    </figure>
  );
}
