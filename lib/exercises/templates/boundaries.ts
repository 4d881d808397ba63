import type { ExerciseTemplate } from '../types';

export const BOUNDARIES_KEY = 'boundaries';

export const boundariesV1 = {
  key: BOUNDARIES_KEY,
  version: 1,
  origin: 'built_in',
  title: 'Boundaries worksheet',
  themes: ['boundaries'],
  summary: 'Plan one boundary: what you need, how you will say it, and what you will do if it is crossed.',
  instructions:
    'Choose one relationship or situation where you keep ending up hurt or drained. Start from what you need ' +
    'and why it matters to you; the boundary follows from that. Phrase it as an "I" statement about what you ' +
    'will do, not a demand about what the other person must do. Decide in advance what you will do if it is ' +
    'crossed. Feeling guilty or scared beforehand is normal and does not mean the boundary is wrong. Fill in ' +
    'the last part after you have tried it.',
  estimatedMinutes: 20,
  sections: [
    {
      id: 'plan',
      heading: 'The plan',
      fields: [
        { id: 'relationship', type: 'short_text', label: 'Relationship or situation', required: true, maxLength: 200 },
        { id: 'need', type: 'long_text', label: 'What do I need here?', required: true, maxLength: 1000 },
        { id: 'value', type: 'long_text', label: 'Which value of mine is behind that need?', required: true, maxLength: 1000 },
        {
          id: 'i_statement',
          type: 'long_text',
          label: 'My boundary as an "I" statement',
          help: 'For example: "I am not able to talk about this over text; I will call you tomorrow evening."',
          required: true,
          maxLength: 1000,
        },
        { id: 'if_crossed', type: 'long_text', label: 'What I will do if it is crossed', required: true, maxLength: 1000 },
        { id: 'expected_guilt', type: 'scale_0_10', label: 'How much guilt do I expect?', required: true, minLabel: 'None', maxLabel: 'A great deal' },
        { id: 'expected_fear', type: 'scale_0_10', label: 'How much fear do I expect?', required: true, minLabel: 'None', maxLabel: 'A great deal' },
        { id: 'rehearsed', type: 'yes_no', label: 'Have I rehearsed saying it?', required: true },
      ],
    },
    {
      id: 'afterwards',
      heading: 'Afterwards',
      intro: 'Come back to this once you have set the boundary.',
      fields: [
        { id: 'what_happened', type: 'long_text', label: 'What happened?', required: false, maxLength: 2000 },
        { id: 'effectiveness', type: 'scale_0_10', label: 'How well did it work?', required: false, minLabel: 'Not at all', maxLabel: 'Completely' },
        { id: 'learned', type: 'long_text', label: 'What did I learn?', required: false, maxLength: 2000 },
      ],
    },
  ],
} as const satisfies ExerciseTemplate;
