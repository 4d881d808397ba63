import { describe, expect, it } from 'vitest';

import { InvalidAnswerError, scoreMeasure, scssfItemScore, type ScoreResult } from '@/lib/measures';

import { answersOf, spread } from './helpers';

function scored(result: ScoreResult) {
  if (!result.complete) throw new Error(`expected a score, got ${result.reason}`);
  return result;
}

describe('PHQ-9 scoring', () => {
  it.each([
    [0, 'minimal'],
    [4, 'minimal'],
    [5, 'mild'],
    [9, 'mild'],
    [10, 'moderate'],
    [14, 'moderate'],
    [15, 'moderately_severe'],
    [19, 'moderately_severe'],
    [20, 'severe'],
    [27, 'severe'],
  ])('total %i → %s', (total, band) => {
    const r = scored(scoreMeasure('phq9', answersOf(spread(total, 9, 3))));
    expect(r.score).toBe(total);
    expect(r.raw).toBe(total);
    expect(r.band?.id).toBe(band);
    expect(r.prorated).toBe(false);
  });

  it('never scores the 10th "how difficult" question', () => {
    const r = scored(scoreMeasure('phq9', { ...answersOf(spread(7, 9, 3)), difficulty: 3 }));
    expect(r.score).toBe(7);
  });

  // Missing items take the mean of the answered ones: total = round_half_up(sum × 9 / answered).
  it.each([
    ['one missing, exact half rounds up (4×9/8 = 4.5)', [1, 1, 1, 1, 0, 0, 0, null, 0], 5],
    ['one missing, 12×9/8 = 13.5 rounds up', [3, 3, 3, 3, 0, 0, 0, null, 0], 14],
    ['one missing, 17×9/8 = 19.125 rounds down', [3, 3, 3, 3, 3, 2, 0, null, 0], 19],
    ['two missing, 10×9/7 = 12.86', [3, 3, 3, 1, 0, null, null, 0, 0], 13],
    ['two missing, 5×9/7 = 6.43', [2, 2, 1, 0, 0, null, null, 0, 0], 6],
    ['two missing, 7×9/7 = 9 exactly', [3, 3, 1, 0, 0, null, null, 0, 0], 9],
    ['two missing at the start', [null, null, 3, 3, 3, 3, 3, 3, 3], 27],
  ] as const)('%s', (_label, values, expected) => {
    const r = scored(scoreMeasure('phq9', answersOf(values)));
    expect(r.score).toBe(expected);
    expect(r.prorated).toBe(true);
    expect(r.missingItemIds.length).toBeGreaterThan(0);
  });

  it('treats undefined and absent keys as missing, like null', () => {
    const answers: Record<string, number | undefined> = answersOf([1, 1, 1, 1, 0, 0, 0, 0, 0]) as Record<
      string,
      number
    >;
    delete answers.q8;
    answers.q7 = undefined;
    const r = scored(scoreMeasure('phq9', answers));
    expect(r.missingItemIds).toEqual(['q7', 'q8']);
    expect(r.score).toBe(5); // 4 × 9 / 7 = 5.14
  });

  it('refuses to score with 3 missing items', () => {
    const r3 = scoreMeasure('phq9', answersOf([3, 3, 3, 3, 3, null, null, null, 0]));
    expect(r3).toEqual({ complete: false, key: 'phq9', reason: 'too_many_missing', missingItemIds: ['q6', 'q7', 'q8'] });
    expect('score' in r3).toBe(false);
  });

  it('never scores with item 9 missing, even if it is the only gap', () => {
    const r = scoreMeasure('phq9', answersOf([1, 1, 1, 1, 1, 1, 1, 1, null]));
    expect(r).toEqual({ complete: false, key: 'phq9', reason: 'safety_item_missing', missingItemIds: ['q9'] });
  });

  it('an empty form is incomplete', () => {
    expect(scoreMeasure('phq9', {}).complete).toBe(false);
  });

  it.each([
    ['above range', 4],
    ['below range', -1],
    ['not whole', 1.5],
  ])('throws on an answer %s', (_l, value) => {
    expect(() => scoreMeasure('phq9', { ...answersOf(spread(0, 9, 3)), q3: value })).toThrow(InvalidAnswerError);
  });
});

describe('GAD-7 scoring', () => {
  it.each([
    [0, 'minimal'],
    [4, 'minimal'],
    [5, 'mild'],
    [9, 'mild'],
    [10, 'moderate'],
    [14, 'moderate'],
    [15, 'severe'],
    [21, 'severe'],
  ])('total %i → %s', (total, band) => {
    const r = scored(scoreMeasure('gad7', answersOf(spread(total, 7, 3))));
    expect(r.score).toBe(total);
    expect(r.band?.id).toBe(band);
  });

  it.each([
    ['3×7/6 = 3.5 rounds up', [1, 1, 1, 0, 0, 0, null], 4],
    ['9×7/6 = 10.5 rounds up', [3, 3, 3, 0, 0, null, 0], 11],
    ['5×7/6 = 5.83', [3, 2, 0, null, 0, 0, 0], 6],
    ['7×7/6 = 8.17', [null, 3, 3, 1, 0, 0, 0], 8],
  ] as const)('one missing: %s', (_l, values, expected) => {
    const r = scored(scoreMeasure('gad7', answersOf(values)));
    expect(r.score).toBe(expected);
    expect(r.prorated).toBe(true);
  });

  it('refuses to score with 2 missing', () => {
    expect(scoreMeasure('gad7', answersOf([3, 3, 3, 3, 3, null, null]))).toEqual({
      complete: false,
      key: 'gad7',
      reason: 'too_many_missing',
      missingItemIds: ['q6', 'q7'],
    });
  });
});

describe('WHO-5 scoring', () => {
  it.each([
    [0, 0, 'likely_depression', true],
    [7, 28, 'likely_depression', true],
    [8, 32, 'poor', false],
    [12, 48, 'poor', false],
    [13, 52, 'adequate', false],
    [25, 100, 'adequate', false],
  ])('raw %i → %i on 0–100 → %s', (raw, percent, band, offerPhq9) => {
    const r = scored(scoreMeasure('who5', answersOf(spread(raw, 5, 5))));
    expect(r.raw).toBe(raw);
    expect(r.score).toBe(percent);
    expect(r.band?.id).toBe(band);
    expect(r.offerPhq9).toBe(offerPhq9);
  });

  it('needs every item', () => {
    expect(scoreMeasure('who5', answersOf([5, 5, 5, 5, null]))).toMatchObject({
      complete: false,
      reason: 'too_many_missing',
      missingItemIds: ['q5'],
    });
  });
});

describe('A-RSQ scoring', () => {
  function arsqAnswers(pairs: readonly (readonly [number | null, number | null])[]) {
    const out: Record<string, number | null> = {};
    pairs.forEach(([a, b], i) => {
      out[`q${i + 1}a`] = a;
      out[`q${i + 1}b`] = b;
    });
    return out;
  }

  it.each([
    ['lowest possible', [1, 6], 1],
    ['highest possible', [6, 1], 36],
    ['concern 3, acceptance 4', [3, 4], 9],
  ] as const)('every scenario %s → mean %d', (_l, [a, b], expected) => {
    const r = scored(scoreMeasure('arsq', arsqAnswers(Array.from({ length: 9 }, () => [a, b] as const))));
    expect(r.score).toBe(expected);
    expect(r.band).toBeNull();
  });

  it('scores each scenario a × (7 − b) and takes the mean of the nine', () => {
    const pairs = [
      [1, 6],
      [2, 5],
      [3, 4],
      [4, 3],
      [5, 2],
      [6, 1],
      [2, 2],
      [3, 6],
      [1, 1],
    ] as const;
    const r = scored(scoreMeasure('arsq', arsqAnswers(pairs)));
    const products = [1, 4, 9, 16, 25, 36, 10, 3, 6];
    expect(Object.values(r.itemScores)).toEqual(products);
    expect(r.itemScores.s5).toBe(25);
    const mean = products.reduce((a, b) => a + b, 0) / 9; // 110 / 9 = 12.222…
    expect(r.score).toBe(12.22);
    expect(r.zScore).toBe(Number(((mean - 8.61) / 3.61).toFixed(2)));
    expect(r.zScore).toBe(1.0);
  });

  it('z-score at the norm mean is 0', () => {
    // All scenarios 3 × (7 − 4) = 9 → mean 9 → (9 − 8.61)/3.61 = 0.108
    const r = scored(scoreMeasure('arsq', arsqAnswers(Array.from({ length: 9 }, () => [3, 4] as const))));
    expect(r.zScore).toBe(0.11);
  });

  it.each([
    ['a part missing', 'q4a'],
    ['b part missing', 'q9b'],
  ])('needs every item (%s)', (_l, id) => {
    const answers = arsqAnswers(Array.from({ length: 9 }, () => [3, 4] as const));
    answers[id] = null;
    expect(scoreMeasure('arsq', answers)).toMatchObject({ complete: false, missingItemIds: [id] });
  });
});

describe('SCS-SF scoring', () => {
  it.each([1, 4, 8, 9, 11, 12])('item %i is reversed (6 − x)', (n) => {
    for (const x of [1, 2, 3, 4, 5]) expect(scssfItemScore(n, x)).toBe(6 - x);
    const answers = answersOf(Array.from({ length: 12 }, () => 3));
    answers[`q${n}`] = 1;
    const r = scored(scoreMeasure('scssf', answers));
    expect(r.itemScores[`q${n}`]).toBe(5);
    expect(r.score).toBe(Number(((11 * 3 + 5) / 12).toFixed(2)));
  });

  it.each([2, 3, 5, 6, 7, 10])('item %i is not reversed', (n) => {
    for (const x of [1, 2, 3, 4, 5]) expect(scssfItemScore(n, x)).toBe(x);
    const answers = answersOf(Array.from({ length: 12 }, () => 3));
    answers[`q${n}`] = 1;
    const r = scored(scoreMeasure('scssf', answers));
    expect(r.itemScores[`q${n}`]).toBe(1);
  });

  const REVERSED = new Set([1, 4, 8, 9, 11, 12]);
  /** Answers whose scored values are all `v`. */
  const uniform = (v: number) =>
    answersOf(Array.from({ length: 12 }, (_, i) => (REVERSED.has(i + 1) ? 6 - v : v)));

  it.each([
    [1, 1, 'low'],
    [5, 5, 'high'],
    [3, 3, 'moderate'],
  ])('all scored %i → mean %d (%s)', (v, mean, band) => {
    const r = scored(scoreMeasure('scssf', uniform(v)));
    expect(r.score).toBe(mean);
    expect(r.band?.id).toBe(band);
  });

  it.each([
    [29, 2.42, 'low'],
    [30, 2.5, 'moderate'],
    [42, 3.5, 'moderate'],
    [43, 3.58, 'high'],
  ])('scored sum %i → mean %d → %s (band edges)', (sum, mean, band) => {
    // Start from all 2s (sum 24) and raise scored values one by one.
    const scoredValues = Array.from({ length: 12 }, () => 2);
    let left = sum - 24;
    for (let i = 0; left > 0; i = (i + 1) % 12) {
      if ((scoredValues[i] ?? 5) < 5) {
        scoredValues[i] = (scoredValues[i] ?? 0) + 1;
        left--;
      }
    }
    const answers = answersOf(scoredValues.map((v, i) => (REVERSED.has(i + 1) ? 6 - v : v)));
    const r = scored(scoreMeasure('scssf', answers));
    expect(r.score).toBe(mean);
    expect(r.band?.id).toBe(band);
  });

  it('needs every item', () => {
    const answers = uniform(3);
    answers.q12 = null;
    expect(scoreMeasure('scssf', answers)).toMatchObject({ complete: false, missingItemIds: ['q12'] });
  });
});
