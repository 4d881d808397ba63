import { createElement as h } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { MoodSparkline, MoodSparklineCopy, moodDrawingId } from '@/app/(clinic)/caseload/_components/sparkline';
import { moodSummary, sparklineShape } from '@/app/(clinic)/caseload/_components/sparkline-shape';

const today = '2026-03-14';

describe('the roster’s mood sparkline', () => {
  it('draws consecutive days as one line, a lone day as a dot, and marks the latest check-in', () => {
    const points = [
      { day: '2026-03-01', mood: 4 },
      { day: '2026-03-02', mood: 6 },
      { day: '2026-03-05', mood: 10 },
      { day: '2026-03-13', mood: 5 },
      { day: '2026-03-14', mood: 0 },
    ];
    const shape = sparklineShape(points, today, 14)!;
    // Day 1 of 14 sits on the left edge, today on the right; mood 10 at the top, 0 at the bottom (3-px inset).
    expect(shape.lines).toEqual(['3.0,16.2 11.2,11.8', '100.8,14.0 109.0,25.0']);
    expect(shape.dots).toEqual([[3 + (4 / 13) * 106, 3]]);
    expect(shape.last).toEqual([109, 25]);
    expect(shape.guide).toBe(14);
    expect(shape.label).toBe(moodSummary(points, 14));
    expect(shape.label).toBe('Mood over the last 14 days: 5 check-ins, latest 0 of 10, average 5, range 0 to 10');
  });

  it('has nothing to draw without a check-in, and says so in both places', () => {
    expect(sparklineShape([], today, 14)).toBeNull();
    expect(renderToStaticMarkup(h(MoodSparkline, { row: 3, shape: null }))).toContain('No check-ins');
    expect(renderToStaticMarkup(h(MoodSparklineCopy, { row: 3, shape: null }))).toContain('No check-ins');
  });

  it('is drawn once; the copy shows that drawing and takes its name from the drawing’s title', () => {
    const shape = sparklineShape([{ day: today, mood: 7 }], today, 14);
    const drawing = renderToStaticMarkup(h(MoodSparkline, { row: 3, shape }));
    const copy = renderToStaticMarkup(h(MoodSparklineCopy, { row: 3, shape }));
    const id = moodDrawingId(3);
    expect(drawing).toContain(`<g id="${id}"><title id="${id}-label">Mood over the last 14 days`);
    expect(copy).toContain(`<use href="#${id}"></use>`);
    expect(copy).not.toContain('<circle');
    for (const svg of [drawing, copy]) expect(svg).toContain(`role="img" aria-labelledby="${id}-label"`);
  });
});
