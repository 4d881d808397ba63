import { daysBetween } from '@/lib/time/day';
import {
  SPARKLINE_HEIGHT as HEIGHT,
  SPARKLINE_WIDTH as WIDTH,
  SparklineFrame,
  moodDrawingId,
  noCheckins,
} from './sparkline-frame';
/**
 * A 14-day mood sparkline drawn as plain SVG on the server: no chart library reaches this page's bundle.
 * Days without a check-in leave a gap in the line; the label reads the values out for screen readers.
 * Drawn once per client on a page (its id is the client's); MoodSparklineCopy (sparkline-frame.tsx) shows it again.
 */
const PAD = 3;
const MOOD_MAX = 10;

export function moodSummary(points: { day: string; mood: number }[], days: number): string {
  if (!points.length) return `No check-ins in the last ${days} days`;
  const moods = points.map((p) => p.mood);
  const last = moods[moods.length - 1]!;
  const min = Math.min(...moods);
  const max = Math.max(...moods);
  const mean = Math.round((moods.reduce((a, b) => a + b, 0) / moods.length) * 10) / 10;
  return `Mood over the last ${days} days: ${points.length} check-in${points.length === 1 ? '' : 's'}, latest ${last} of 10, average ${mean}, range ${min} to ${max}`;
}

export function MoodSparkline({
  clientId,
  points,
  today,
  days,
}: {
  clientId: string;
  points: { day: string; mood: number }[];
  today: string;
  days: number;
}) {
  if (!points.length) return noCheckins;
  const drawingId = moodDrawingId(clientId);
  const label = moodSummary(points, days);
  const x = (day: string) => {
    const offset = daysBetween(today, day) + (days - 1);
    return PAD + (offset / (days - 1)) * (WIDTH - 2 * PAD);
  };
  const y = (mood: number) => PAD + (1 - mood / MOOD_MAX) * (HEIGHT - 2 * PAD);
  // Break the line where a day is missing, so a gap is not drawn as a trend.
  const segments: { day: string; mood: number }[][] = [];
  let previous: string | null = null;
  for (const p of points) {
    const contiguous = previous !== null && daysBetween(previous, p.day) === 1;
    if (contiguous) segments[segments.length - 1]!.push(p);
    else segments.push([p]);
    previous = p.day;
  }
  const last = points[points.length - 1]!;
  return (
    <SparklineFrame drawingId={drawingId}>
      {/* The title inside the drawing, so that its copy shows it on hover too. */}
      <g id={drawingId}>
        <title id={`${drawingId}-label`}>{label}</title>
        <line x1={PAD} x2={WIDTH - PAD} y1={y(5)} y2={y(5)} className="stroke-slate-200" strokeDasharray="2 2" />
        {segments.map((segment) =>
          segment.length > 1 ? (
            <polyline
              key={segment[0]!.day}
              points={segment.map((p) => `${x(p.day).toFixed(1)},${y(p.mood).toFixed(1)}`).join(' ')}
              fill="none"
              className="stroke-brand-700"
              strokeWidth={1.5}
              strokeLinejoin="round"
              strokeLinecap="round"
            />
          ) : (
            <circle
              key={segment[0]!.day}
              cx={x(segment[0]!.day)}
              cy={y(segment[0]!.mood)}
              r={1.5}
              className="fill-brand-700"
            />
          ),
        )}
        <circle cx={x(last.day)} cy={y(last.mood)} r={2.5} className="fill-brand-800" />
      </g>
    </SparklineFrame>
  );
}
