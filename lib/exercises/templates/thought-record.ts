import { COGNITIVE_DISTORTIONS } from '../distortions';
import type { ExerciseTemplate } from '../types';

export const THOUGHT_RECORD_KEY = 'thought_record';

export const thoughtRecordV1 = {
  key: THOUGHT_RECORD_KEY,
  version: 1,
  origin: 'built_in',
  title: 'Thought record',
  themes: ['cbt_reframe', 'acknowledging_hurt'],
  summary: 'Slow down a painful moment, catch the thought that hurt most, and weigh it against the facts.',
  instructions:
    'Pick one recent moment when your mood dropped — a message left unanswered, a plan that fell through, ' +
    'a look you read as disapproval. Work through the steps in order. There are no right answers: the aim is ' +
    'to see the thought clearly enough that you can question it, not to argue yourself out of feeling. ' +
    'Rate how strong each feeling is now, and again at the end, so you can see what shifted.',
  estimatedMinutes: 20,
  sections: [
    {
      id: 'situation',
      heading: 'The situation',
      intro: 'Stick to what a camera would have recorded. Your interpretation comes later.',
      fields: [
        { id: 'situation_what', type: 'long_text', label: 'What happened?', required: true, maxLength: 2000 },
        { id: 'situation_who', type: 'short_text', label: 'Who was involved?', required: false, maxLength: 200 },
        { id: 'situation_when', type: 'short_text', label: 'When was it?', required: false, maxLength: 100 },
        { id: 'situation_where', type: 'short_text', label: 'Where were you?', required: false, maxLength: 200 },
      ],
    },
    {
      id: 'feelings',
      heading: 'Feelings',
      fields: [
        {
          id: 'emotions',
          type: 'repeating_group',
          label: 'What did you feel, and how strongly?',
          help: 'One word per feeling works best: hurt, ashamed, angry, lonely, anxious…',
          required: true,
          itemLabel: 'Emotion',
          minItems: 1,
          maxItems: 8,
          fields: [
            { id: 'name', type: 'short_text', label: 'Feeling', required: true, maxLength: 60 },
            { id: 'intensity', type: 'scale_0_100', label: 'How strong (0–100 %)', required: true, step: 5, unit: '%' },
          ],
        },
      ],
    },
    {
      id: 'thoughts',
      heading: 'Thoughts',
      fields: [
        {
          id: 'automatic_thoughts',
          type: 'repeating_group',
          label: 'What went through your mind?',
          help: 'Write the thoughts as they came, even if they seem harsh. Then mark the one that stung the most as the "hot" thought.',
          required: true,
          itemLabel: 'Thought',
          minItems: 1,
          maxItems: 10,
          fields: [
            { id: 'text', type: 'long_text', label: 'Thought', required: true, maxLength: 1000 },
            { id: 'hot', type: 'yes_no', label: 'This is the hot thought', required: false },
          ],
        },
        {
          id: 'distortions',
          type: 'multiple_choice',
          label: 'Which thinking traps can you spot in the hot thought?',
          help: 'Choose any that fit; it is fine to choose none.',
          required: false,
          options: COGNITIVE_DISTORTIONS.map(({ value, label }) => ({ value, label })),
        },
      ],
    },
    {
      id: 'evidence',
      heading: 'Weighing the hot thought',
      intro: 'Treat the hot thought like a claim in court: what would actually hold up?',
      fields: [
        { id: 'evidence_for', type: 'long_text', label: 'Facts that support the hot thought', required: true },
        {
          id: 'evidence_against',
          type: 'long_text',
          label: 'Facts that do not fit the hot thought',
          help: 'What would a friend point out? Has there been a time this was not true?',
          required: true,
        },
      ],
    },
    {
      id: 'balanced',
      heading: 'A more balanced view',
      fields: [
        {
          id: 'balanced_thought',
          type: 'long_text',
          label: 'A fairer way to see it',
          help: 'Something that takes both columns of evidence into account and that you can partly believe.',
          required: true,
          maxLength: 2000,
        },
        { id: 'balanced_belief', type: 'scale_0_100', label: 'How much do you believe it (0–100 %)?', required: true, step: 5, unit: '%' },
        {
          id: 'emotions_rerated',
          type: 'repeating_group',
          label: 'Rate each feeling again now',
          help: 'Same feelings as before, in the same order.',
          required: true,
          itemLabel: 'Emotion',
          minItems: 1,
          maxItems: 8,
          fields: [
            { id: 'name', type: 'short_text', label: 'Feeling', required: true, maxLength: 60 },
            { id: 'intensity', type: 'scale_0_100', label: 'How strong now (0–100 %)', required: true, step: 5, unit: '%' },
          ],
        },
        {
          id: 'action',
          type: 'long_text',
          label: 'Anything you will do differently? (optional)',
          required: false,
          maxLength: 2000,
        },
      ],
    },
  ],
  rules: [
    {
      kind: 'exactly_one_true',
      group: 'automatic_thoughts',
      field: 'hot',
      message: 'Mark exactly one thought as the hot thought.',
    },
    {
      kind: 'aligned_items',
      group: 'emotions_rerated',
      field: 'name',
      source: 'emotions',
      sourceField: 'name',
      message: 'Re-rate the same feelings, in the same order, as at the start.',
    },
  ],
} as const satisfies ExerciseTemplate;
