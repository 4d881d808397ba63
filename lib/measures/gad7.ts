import { FREQUENCY_OPTIONS, PHQ_GAD_ATTRIBUTION } from './options';
import type { MeasureDefinition } from './types';

const ITEM_TEXT = [
  'Feeling nervous, anxious, or on edge',
  'Not being able to stop or control worrying',
  'Worrying too much about different things',
  'Trouble relaxing',
  'Being so restless that it is hard to sit still',
  'Becoming easily annoyed or irritable',
  'Feeling afraid, as if something awful might happen',
] as const;

export const gad7: MeasureDefinition = {
  key: 'gad7',
  title: 'Generalized Anxiety Disorder 7-item scale (GAD-7)',
  shortTitle: 'GAD-7',
  about: 'Anxiety',
  timeframe: 'Over the last 2 weeks',
  instructions: 'Over the last 2 weeks, how often have you been bothered by the following problems?',
  items: ITEM_TEXT.map((text, i) => ({
    id: `q${i + 1}`,
    number: i + 1,
    text,
    options: FREQUENCY_OPTIONS,
    scored: true,
  })),
  attribution: PHQ_GAD_ATTRIBUTION,
  scoreRange: { min: 0, max: 21 },
  higherIsBetter: false,
  bands: [
    { id: 'minimal', label: 'Minimal', min: 0, max: 4, minInclusive: true, maxInclusive: true },
    { id: 'mild', label: 'Mild', min: 5, max: 9, minInclusive: true, maxInclusive: true },
    { id: 'moderate', label: 'Moderate', min: 10, max: 14, minInclusive: true, maxInclusive: true },
    { id: 'severe', label: 'Severe', min: 15, max: 21, minInclusive: true, maxInclusive: true },
  ],
};
