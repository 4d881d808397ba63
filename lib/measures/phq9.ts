import { FREQUENCY_OPTIONS, PHQ_GAD_ATTRIBUTION } from './options';
import type { MeasureDefinition, MeasureItem } from './types';

const ITEM_TEXT = [
  'Little interest or pleasure in doing things',
  'Feeling down, depressed, or hopeless',
  'Trouble falling or staying asleep, or sleeping too much',
  'Feeling tired or having little energy',
  'Poor appetite or overeating',
  'Feeling bad about yourself — or that you are a failure or have let yourself or your family down',
  'Trouble concentrating on things, such as reading the newspaper or watching television',
  'Moving or speaking so slowly that other people could have noticed? Or the opposite — being so fidgety or restless that you have been moving around a lot more than usual',
  'Thoughts that you would be better off dead or of hurting yourself in some way',
] as const;

const scored: MeasureItem[] = ITEM_TEXT.map((text, i) => ({
  id: `q${i + 1}`,
  number: i + 1,
  text,
  options: FREQUENCY_OPTIONS,
  scored: true,
}));

/** Asked on the published form, never added to the total. */
export const PHQ9_DIFFICULTY_ITEM: MeasureItem = {
  id: 'difficulty',
  number: 10,
  text: 'If you checked off any problems, how difficult have these problems made it for you to do your work, take care of things at home, or get along with other people?',
  options: [
    { value: 0, label: 'Not difficult at all' },
    { value: 1, label: 'Somewhat difficult' },
    { value: 2, label: 'Very difficult' },
    { value: 3, label: 'Extremely difficult' },
  ],
  scored: false,
};

export const PHQ9_SAFETY_ITEM_ID = 'q9';

export const phq9: MeasureDefinition = {
  key: 'phq9',
  title: 'Patient Health Questionnaire (PHQ-9)',
  shortTitle: 'PHQ-9',
  about: 'Depression',
  timeframe: 'Over the last 2 weeks',
  instructions: 'Over the last 2 weeks, how often have you been bothered by any of the following problems?',
  items: [...scored, PHQ9_DIFFICULTY_ITEM],
  attribution: PHQ_GAD_ATTRIBUTION,
  scoreRange: { min: 0, max: 27 },
  higherIsBetter: false,
  bands: [
    { id: 'minimal', label: 'Minimal', min: 0, max: 4, minInclusive: true, maxInclusive: true },
    { id: 'mild', label: 'Mild', min: 5, max: 9, minInclusive: true, maxInclusive: true },
    { id: 'moderate', label: 'Moderate', min: 10, max: 14, minInclusive: true, maxInclusive: true },
    { id: 'moderately_severe', label: 'Moderately severe', min: 15, max: 19, minInclusive: true, maxInclusive: true },
    { id: 'severe', label: 'Severe', min: 20, max: 27, minInclusive: true, maxInclusive: true },
  ],
};
