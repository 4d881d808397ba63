import { daysBetween } from '@/lib/time/day';
import { SPARKLINE_HEIGHT as HEIGHT, SPARKLINE_WIDTH as WIDTH, type SparklineShape } from './sparkline';

/**
 * Where a 14-day mood sparkline's marks go, worked out on the server (day arithmetic stays out of the browser's
 * bundle); sparkline.tsx draws them. Days without a check-in leave a gap in the line; the label reads the values
 * out for screen readers.
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

/** The marks of the sparkline, or null when there is no check-in to draw. */
export function sparklineShape(
  points: { day: string; mood: number }[],
  today: string,
  days: number,
): SparklineShape | null {
  if (!points.length) return null;
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
  return {
    label: moodSummary(points, days),
    guide: y(5),
    lines: segments
      .filter((s) => s.length > 1)
      .map((s) => s.map((p) => `${x(p.day).toFixed(1)},${y(p.mood).toFixed(1)}`).join(' ')),
    dots: segments.filter((s) => s.length === 1).map(([p]) => [x(p!.day), y(p!.mood)]),
    last: [x(last.day), y(last.mood)],
  };
}
