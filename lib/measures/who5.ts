import type { AnswerOption, MeasureDefinition } from './types';

const OPTIONS: readonly AnswerOption[] = [
  { value: 5, label: 'All of the time' },
  { value: 4, label: 'Most of the time' },
  { value: 3, label: 'More than half of the time' },
  { value: 2, label: 'Less than half of the time' },
  { value: 1, label: 'Some of the time' },
  { value: 0, label: 'At no time' },
];

const ITEM_TEXT = [
  'I have felt cheerful and in good spirits',
  'I have felt calm and relaxed',
  'I have felt active and vigorous',
  'I woke up feeling fresh and rested',
  'My daily life has been filled with things that interest me',
] as const;

/** Raw 0–25 is multiplied by this to give the 0–100 score that bands and change use. */
export const WHO5_PERCENT_FACTOR = 4;

export const who5: MeasureDefinition = {
  key: 'who5',
  title: 'WHO-5 Well-Being Index',
  shortTitle: 'WHO-5',
  about: 'Wellbeing',
  timeframe: 'Over the last two weeks',
  instructions:
    'Please indicate for each of the five statements which is closest to how you have been feeling over the last two weeks. Notice that higher numbers mean better well-being.',
  items: ITEM_TEXT.map((text, i) => ({ id: `q${i + 1}`, number: i + 1, text, options: OPTIONS, scored: true })),
  attribution: 'WHO-5 Well-Being Index © Psychiatric Research Unit, Mental Health Centre North Zealand.',
  scoreRange: { min: 0, max: 100 },
  higherIsBetter: true,
  bands: [
    { id: 'likely_depression', label: 'Likely depression', min: 0, max: 28, minInclusive: true, maxInclusive: true },
    { id: 'poor', label: 'Poor wellbeing', min: 28, max: 48, minInclusive: false, maxInclusive: true },
    { id: 'adequate', label: 'Adequate wellbeing', min: 48, max: 100, minInclusive: false, maxInclusive: true },
  ],
};
