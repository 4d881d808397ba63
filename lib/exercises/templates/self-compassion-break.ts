import type { ExerciseTemplate } from '../types';

export const SELF_COMPASSION_BREAK_KEY = 'self_compassion_break';

export const selfCompassionBreakV1 = {
  key: SELF_COMPASSION_BREAK_KEY,
  version: 1,
  origin: 'built_in',
  title: 'Self-compassion break',
  themes: ['self_compassion'],
  summary: 'A few minutes of treating yourself the way you would treat someone you care about.',
  instructions:
    'Use this when you notice yourself being hard on yourself after a knock. Rate where you are first. Then ' +
    'take the three steps slowly, in words that sound like you rather than like a textbook: name that this ' +
    'hurts; remind yourself that being hurt like this is part of being human, not proof that something is ' +
    'wrong with you; and offer yourself one kind sentence. A hand on your chest or arm can help. Rate again ' +
    'at the end — any change, even none, is useful to know.',
  estimatedMinutes: 10,
  sections: [
    {
      id: 'before',
      heading: 'Before',
      fields: [
        { id: 'situation', type: 'long_text', label: 'What is happening?', required: true, maxLength: 2000 },
        { id: 'distress_before', type: 'scale_0_10', label: 'How distressed do you feel?', required: true, minLabel: 'Calm', maxLabel: 'Overwhelmed' },
        { id: 'self_criticism_before', type: 'scale_0_10', label: 'How self-critical are you being?', required: true, minLabel: 'Not at all', maxLabel: 'Very' },
        { id: 'body_location', type: 'short_text', label: 'Where do you feel it in your body?', required: false, maxLength: 200 },
      ],
    },
    {
      id: 'steps',
      heading: 'The three steps, in your words',
      fields: [
        { id: 'step_noticing', type: 'long_text', label: '1. Noticing the pain', help: 'For example: "This really hurts right now."', required: true, maxLength: 1000 },
        { id: 'step_common_humanity', type: 'long_text', label: '2. Others feel this too', help: 'For example: "Anyone who was left out like this would feel it."', required: true, maxLength: 1000 },
        { id: 'step_kindness', type: 'long_text', label: '3. A kind word to yourself', help: 'What would you say to a close friend in your place?', required: true, maxLength: 1000 },
        { id: 'soothing_touch', type: 'yes_no', label: 'Did you use a soothing touch?', required: true },
      ],
    },
    {
      id: 'after',
      heading: 'After',
      fields: [
        { id: 'distress_after', type: 'scale_0_10', label: 'How distressed do you feel now?', required: true, minLabel: 'Calm', maxLabel: 'Overwhelmed' },
        { id: 'self_criticism_after', type: 'scale_0_10', label: 'How self-critical are you being now?', required: true, minLabel: 'Not at all', maxLabel: 'Very' },
      ],
    },
  ],
} as const satisfies ExerciseTemplate;
