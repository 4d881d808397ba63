import { formatTick, timeTicks } from './chart-format';

/** What the check-in and measure charts draw alike, so the two read as one set on the client's record. */

/** Axis tick labels: slate-700 on white passes WCAG AA at this size. */
export const AXIS_TICK = { fontSize: 12, fill: '#334155' };

/**
 * The shared date axis: a time scale over the chosen range with evenly spaced ticks in the practice's time
 * zone. Spread into <XAxis> rather than wrapping it, so recharts still sees its own element.
 */
export function timeAxisProps(domain: [number, number], timeZone: string) {
  return {
    dataKey: 't',
    type: 'number',
    scale: 'time',
    domain,
    ticks: timeTicks(domain),
    tickFormatter: (t: number) => formatTick(t, timeZone),
    tick: AXIS_TICK,
    allowDataOverflow: true,
  } as const;
}

/**
 * A homework marker: a dotted violet line on the day something was assigned. Spread into <ReferenceLine>;
 * each chart puts the label where it covers the least of its own data.
 */
export function homeworkMarkerProps(t: number, labelPosition: 'insideTop' | 'insideBottom') {
  return {
    x: t,
    stroke: '#7c3aed',
    strokeDasharray: '1 3',
    label: { value: '▲ HW', position: labelPosition, fill: '#5b21b6', fontSize: 10 },
  } as const;
}

/** The legend entry for homework markers, shown only when the chart has any. */
export function HomeworkLegendItem({ shown }: { shown: boolean }) {
  if (!shown) return null;
  return (
    <span>
      <span aria-hidden="true" className="mr-1 text-violet-700">▲ HW</span>
      Homework assigned
    </span>
  );
}
