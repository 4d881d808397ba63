import { describe, expect, it } from 'vitest';

import { bandFor, type MeasureKey } from '@/lib/measures';

// Every edge on both sides.
const cases: [MeasureKey, number, string | null][] = [
  ['phq9', 0, 'minimal'],
  ['phq9', 4, 'minimal'],
  ['phq9', 5, 'mild'],
  ['phq9', 9, 'mild'],
  ['phq9', 10, 'moderate'],
  ['phq9', 14, 'moderate'],
  ['phq9', 15, 'moderately_severe'],
  ['phq9', 19, 'moderately_severe'],
  ['phq9', 20, 'severe'],
  ['phq9', 27, 'severe'],
  ['phq9', 28, null],
  ['gad7', 0, 'minimal'],
  ['gad7', 4, 'minimal'],
  ['gad7', 5, 'mild'],
  ['gad7', 9, 'mild'],
  ['gad7', 10, 'moderate'],
  ['gad7', 14, 'moderate'],
  ['gad7', 15, 'severe'],
  ['gad7', 21, 'severe'],
  ['gad7', 22, null],
  ['who5', 0, 'likely_depression'],
  ['who5', 28, 'likely_depression'],
  ['who5', 32, 'poor'],
  ['who5', 29, 'poor'],
  ['who5', 48, 'poor'],
  ['who5', 49, 'adequate'],
  ['who5', 52, 'adequate'],
  ['who5', 100, 'adequate'],
  ['scssf', 1, 'low'],
  ['scssf', 2.49, 'low'],
  ['scssf', 2.5, 'moderate'],
  ['scssf', 3.5, 'moderate'],
  ['scssf', 3.51, 'high'],
  ['scssf', 5, 'high'],
  ['arsq', 8.61, null],
];

describe('bandFor (inclusive edges)', () => {
  it.each(cases)('%s %d → %s', (key, score, expected) => {
    expect(bandFor(key, score)?.id ?? null).toBe(expected);
  });
});
