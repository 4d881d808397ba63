import { OUR_RULES } from './rules';

export interface SeriesPoint {
  x: number;
  y: number;
}

/**
 * Thins a chart series to at most `max` points with largest-triangle-three-buckets, which keeps the visual
 * shape (peaks and troughs a clinician would look for) better than averaging. First and last points are kept.
 * Points are expected in ascending x; the originals are returned, never synthesised ones.
 */
export function downsample<T extends SeriesPoint>(points: readonly T[], max: number = OUR_RULES.chartMaxPoints): T[] {
  const limit = Math.floor(max);
  if (limit <= 0 || points.length === 0) return [];
  if (points.length <= limit) return [...points];
  const first = points[0]!;
  const last = points[points.length - 1]!;
  if (limit === 1) return [first];
  if (limit === 2) return [first, last];

  const sampled: T[] = [first];
  const bucketSize = (points.length - 2) / (limit - 2);
  let anchor = first;

  for (let bucket = 0; bucket < limit - 2; bucket++) {
    const start = Math.floor(bucket * bucketSize) + 1;
    const end = Math.min(Math.floor((bucket + 1) * bucketSize) + 1, points.length - 1);

    const nextStart = end;
    const nextEnd = Math.min(Math.floor((bucket + 2) * bucketSize) + 1, points.length);
    let avgX = 0;
    let avgY = 0;
    const nextCount = Math.max(nextEnd - nextStart, 1);
    for (let i = nextStart; i < nextStart + nextCount && i < points.length; i++) {
      avgX += points[i]!.x;
      avgY += points[i]!.y;
    }
    avgX /= nextCount;
    avgY /= nextCount;

    let chosen = points[start]!;
    let largestArea = -1;
    for (let i = start; i < end; i++) {
      const p = points[i]!;
      const area = Math.abs((anchor.x - avgX) * (p.y - anchor.y) - (anchor.x - p.x) * (avgY - anchor.y));
      if (area > largestArea) {
        largestArea = area;
        chosen = p;
      }
    }
    sampled.push(chosen);
    anchor = chosen;
  }

  sampled.push(last);
  return sampled;
}
