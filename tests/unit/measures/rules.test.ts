import { describe, expect, it } from 'vitest';

import { alertsForCheckin } from '@/lib/alerts/triggers';
import { adherence } from '@/lib/assignments/adherence';
import { bandFor } from '@/lib/measures';
import { classifyChange } from '@/lib/measures/change';
import { scoreMeasure } from '@/lib/measures/scoring';

/**
 * Every [our rule] of docs/clinical.md §7, checked by what it does, with the contract's numbers written out here:
 * a change to a rule in lib/measures/rules.ts has to change this file (and the document) too.
 */

const answers = (prefix: string, values: (number | null)[]) => Object.fromEntries(values.map((v, i) => [`${prefix}${i + 1}`, v]));

describe('docs/clinical.md §1.3: missing answers', () => {
  it('scores a PHQ-9 with two items missing, not three, and never without item 9', () => {
    expect(scoreMeasure('phq9', answers('q', [1, 1, 1, 1, 1, 1, 1, null, 2]))).toMatchObject({ complete: true, score: 10, prorated: true });
    expect(scoreMeasure('phq9', answers('q', [1, 2, 1, 1, 1, 1, 2, null, 2]))).toMatchObject({ complete: true });
    expect(scoreMeasure('phq9', answers('q', [1, 1, 1, 1, 1, 1, null, null, 2]))).toMatchObject({ complete: true });
    expect(scoreMeasure('phq9', answers('q', [1, 1, 1, 1, 1, null, null, null, 2]))).toMatchObject({ complete: false, reason: 'too_many_missing' });
    expect(scoreMeasure('phq9', answers('q', [1, 1, 1, 1, 1, 1, 1, 1, null]))).toMatchObject({ complete: false, reason: 'safety_item_missing' });
  });

  it('fills a missing item with the mean of the answered ones and rounds the total to the nearest, halves up', () => {
    // 7 answered summing to 11: 11 × 9 / 7 = 14.14 → 14.
    expect(scoreMeasure('phq9', answers('q', [2, 2, 2, 2, 1, 1, null, null, 1]))).toMatchObject({ score: 14 });
    // 6 answered summing to 7 on the GAD-7: 7 × 7 / 6 = 8.17 → 8.
    expect(scoreMeasure('gad7', answers('q', [1, 1, 1, 1, 1, 2, null]))).toMatchObject({ complete: true, score: 8 });
    // 8 answered summing to 12 on the PHQ-9: 12 × 9 / 8 = 13.5 → 14 (a half goes up).
    expect(scoreMeasure('phq9', answers('q', [2, 2, 2, 1, 1, 1, 1, null, 2]))).toMatchObject({ score: 14 });
  });

  it('scores a GAD-7 with one item missing, not two', () => {
    expect(scoreMeasure('gad7', answers('q', [1, 1, 1, 1, 1, null, null]))).toMatchObject({ complete: false, reason: 'too_many_missing' });
  });

  it('needs every WHO-5 and SCS-SF item', () => {
    expect(scoreMeasure('who5', answers('q', [3, 3, 3, 3, null]))).toMatchObject({ complete: false });
    expect(scoreMeasure('scssf', answers('q', [3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, null]))).toMatchObject({ complete: false });
  });
});

describe('docs/clinical.md §1.4: SCS-SF bands', () => {
  it.each([
    [1, 'low'],
    [2.49, 'low'],
    [2.5, 'moderate'],
    [3.5, 'moderate'],
    [3.51, 'high'],
    [5, 'high'],
  ])('%s is %s', (score, band) => {
    expect(bandFor('scssf', score)?.id).toBe(band);
  });
});

describe('docs/clinical.md §2.2: SCS-SF reliable change', () => {
  it('is 0.7 on the 1–5 mean, a rise being improvement', () => {
    expect(classifyChange('scssf', 2.5, 3.2)).toBe('reliable_improvement');
    expect(classifyChange('scssf', 2.5, 3.19)).toBe('no_reliable_change');
    expect(classifyChange('scssf', 3.2, 2.5)).toBe('reliable_deterioration');
  });
});

describe('docs/clinical.md §5.1: distress streak', () => {
  const day = (d: number, distress: number) => ({ localDay: `2026-03-0${d}`, distress });

  it('raises a follow-up on the third check-in in a row at distress 80 or more', () => {
    const streak = alertsForCheckin(day(3, 80), [day(1, 90), day(2, 80)]);
    expect(streak).toEqual([expect.objectContaining({ kind: 'checkin_distress_streak', tier: 'follow_up' })]);
  });

  it('raises nothing for two in a row, or a 70 in the run', () => {
    expect(alertsForCheckin(day(2, 100), [day(1, 100)])).toEqual([]);
    expect(alertsForCheckin(day(3, 80), [day(1, 90), day(2, 70)])).toEqual([]);
  });
});

describe('docs/clinical.md §4.5: adherence window', () => {
  it('counts occurrences due in the last 28 days by default', () => {
    const now = new Date('2026-03-29T12:00:00Z');
    const dueDaysAgo = (days: number, status: string) => ({ dueAt: new Date(now.getTime() - days * 86_400_000), status });
    const result = adherence([dueDaysAgo(1, 'submitted'), dueDaysAgo(27, 'missed'), dueDaysAgo(28, 'submitted'), dueDaysAgo(29, 'missed')], now);
    expect(result).toEqual({ due: 3, completed: 2, ratio: 2 / 3 });
  });
});
