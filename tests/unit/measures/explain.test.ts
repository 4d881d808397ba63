import { describe, expect, it } from 'vitest';

import { explainArsqNorm, explainChange, type MeasureKey } from '@/lib/measures';

describe('explainChange', () => {
  it.each([
    ['phq9', 17, 10, 'Your PHQ-9 has dropped 7 points since you started: that is a reliable improvement.'],
    [
      'phq9',
      12,
      9,
      'Your PHQ-9 has dropped 3 points since you started: that is within the range scores move by chance, so it is not yet a reliable change.',
    ],
    [
      'phq9',
      8,
      14,
      'Your PHQ-9 has risen 6 points since you started: that is a reliable change for the worse. Your therapist can see this and can talk it through with you.',
    ],
    ['gad7', 10, 9, 'Your GAD-7 has dropped 1 point since you started: that is within the range scores move by chance, so it is not yet a reliable change.'],
    ['gad7', 10, 10, 'Your GAD-7 is the same as when you started.'],
    ['who5', 40, 56, 'Your WHO-5 wellbeing score has risen 16 points (out of 100) since you started: that is a reliable improvement.'],
    ['scssf', 2.5, 3.25, 'Your SCS-SF has risen 0.8 points since you started: that is a reliable improvement.'],
    ['arsq', 14.22, 8.11, 'Your A-RSQ has dropped 6.1 points since you started: that is a reliable improvement.'],
  ] as [MeasureKey, number, number, string][])('%s %d → %d', (key, baseline, latest, text) => {
    expect(explainChange(key, baseline, latest)).toBe(text);
  });
});

describe('explainArsqNorm', () => {
  it.each([
    [0.1, 'Your rejection sensitivity is close to the adult average.'],
    [-0.49, 'Your rejection sensitivity is close to the adult average.'],
    [0.6, 'Your rejection sensitivity is a little above the adult average.'],
    [1.5, 'Your rejection sensitivity is clearly above the adult average.'],
    [-1.2, 'Your rejection sensitivity is clearly below the adult average.'],
    [2.4, 'Your rejection sensitivity is well above the adult average.'],
  ])('z %d', (z, text) => {
    expect(explainArsqNorm(z)).toBe(text);
  });
});
