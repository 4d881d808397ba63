import { OUR_RULES } from './rules';
import type { AnswerOption, MeasureDefinition } from './types';

const OPTIONS: readonly AnswerOption[] = [
  { value: 1, label: 'Almost never' },
  { value: 2, label: '2' },
  { value: 3, label: '3' },
  { value: 4, label: '4' },
  { value: 5, label: 'Almost always' },
];

const ITEM_TEXT = [
  'When I fail at something important to me I become consumed by feelings of inadequacy.',
  "I try to be understanding and patient towards those aspects of my personality I don't like.",
  'When something painful happens I try to take a balanced view of the situation.',
  "When I'm feeling down, I tend to feel like most other people are probably happier than I am.",
  'I try to see my failings as part of the human condition.',
  "When I'm going through a very hard time, I give myself the caring and tenderness I need.",
  'When something upsets me I try to keep my emotions in balance.',
  "When I fail at something that's important to me, I tend to feel alone in my failure.",
  "When I'm feeling down I tend to obsess and fixate on everything that's wrong.",
  'When I feel inadequate in some way, I try to remind myself that feelings of inadequacy are shared by most people.',
  "I'm disapproving and judgmental about my own flaws and inadequacies.",
  "I'm intolerant and impatient towards those aspects of my personality I don't like.",
] as const;

/** Self-judgement, isolation and over-identification items: scored 6 − answer. */
export const SCSSF_REVERSED_ITEMS: readonly number[] = [1, 4, 8, 9, 11, 12];

export const scssf: MeasureDefinition = {
  key: 'scssf',
  title: 'Self-Compassion Scale – Short Form (SCS-SF)',
  shortTitle: 'SCS-SF',
  about: 'Self-compassion',
  timeframe: 'How I typically act towards myself in difficult times',
  instructions:
    'Please read each statement carefully before answering. For each item, indicate how often you behave in the stated manner, using the following scale: 1 Almost never to 5 Almost always.',
  items: ITEM_TEXT.map((text, i) => ({ id: `q${i + 1}`, number: i + 1, text, options: OPTIONS, scored: true })),
  attribution:
    'Self-Compassion Scale – Short Form: Raes, Pommier, Neff & Van Gucht (2011). Construction and factorial validation of a short form of the Self-Compassion Scale. Clinical Psychology & Psychotherapy, 18, 250–255.',
  scoreRange: { min: 1, max: 5 },
  higherIsBetter: true,
  bands: [
    { id: 'low', label: 'Low', min: 1, max: OUR_RULES.scssfBands.lowBelow, minInclusive: true, maxInclusive: false },
    {
      id: 'moderate',
      label: 'Moderate',
      min: OUR_RULES.scssfBands.lowBelow,
      max: OUR_RULES.scssfBands.highAbove,
      minInclusive: true,
      maxInclusive: true,
    },
    { id: 'high', label: 'High', min: OUR_RULES.scssfBands.highAbove, max: 5, minInclusive: false, maxInclusive: true },
  ],
};
