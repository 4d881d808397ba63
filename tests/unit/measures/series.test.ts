import { describe, expect, it } from 'vitest';

import { downsample } from '@/lib/measures';

const line = (n: number) => Array.from({ length: n }, (_, i) => ({ x: i, y: Math.sin(i / 10) * 10 }));

describe('downsample', () => {
  it('defaults to 400 points and keeps first and last', () => {
    const points = line(5000);
    const out = downsample(points);
    expect(out).toHaveLength(400);
    expect(out[0]).toBe(points[0]);
    expect(out.at(-1)).toBe(points.at(-1));
  });

  it.each([
    [10, 400, 10],
    [400, 400, 400],
    [401, 400, 400],
    [1000, 50, 50],
    [1000, 3, 3],
    [1000, 2, 2],
    [1000, 1, 1],
    [1000, 0, 0],
    [0, 400, 0],
  ])('%i points, max %i → %i points', (n, max, expected) => {
    expect(downsample(line(n), max)).toHaveLength(expected);
  });

  it('returns original points in ascending x without duplicates', () => {
    const points = line(1234);
    const out = downsample(points, 100);
    for (const p of out) expect(points).toContain(p);
    for (let i = 1; i < out.length; i++) expect(out[i]!.x).toBeGreaterThan(out[i - 1]!.x);
  });

  it('keeps a lone spike a clinician would look for', () => {
    const points = Array.from({ length: 1000 }, (_, i) => ({ x: i, y: i === 517 ? 27 : 5 }));
    const out = downsample(points, 20);
    expect(out.some((p) => p.y === 27)).toBe(true);
  });

  it('returns a copy when no thinning is needed', () => {
    const points = line(5);
    const out = downsample(points);
    expect(out).toEqual(points);
    expect(out).not.toBe(points);
  });
});
