import { JOURNALING_PROMPTS, OWN_PROMPT_VALUE } from '../journaling-prompts';
import type { ExerciseTemplate } from '../types';

export const JOURNALING_PROMPT_KEY = 'journaling_prompt';

export const journalingPromptV1 = {
  key: JOURNALING_PROMPT_KEY,
  version: 1,
  origin: 'built_in',
  title: 'Journaling prompt',
  themes: ['journaling', 'acknowledging_hurt'],
  summary: 'One question, written about freely, to put the hurt into words.',
  instructions:
    'Find ten quiet minutes. Read the prompt, then write whatever comes — full sentences, fragments or lists ' +
    'all count, and spelling does not matter. If you get stuck, write "I am stuck because…" and carry on from ' +
    'there. Stop when you have said what you needed to, or when it starts to feel like too much; you can come ' +
    'back to it.',
  estimatedMinutes: 15,
  sections: [
    {
      id: 'prompt',
      heading: 'The prompt',
      fields: [
        {
          id: 'prompt',
          type: 'single_choice',
          label: 'Prompt',
          required: true,
          options: [...JOURNALING_PROMPTS, { value: OWN_PROMPT_VALUE, label: 'A prompt of my own (or my therapist\'s)' }],
        },
        { id: 'own_prompt', type: 'short_text', label: 'Your prompt', required: false, maxLength: 500 },
      ],
    },
    {
      id: 'entry',
      heading: 'Your entry',
      fields: [{ id: 'entry', type: 'long_text', label: 'Write here', required: true, maxLength: 10000 }],
    },
  ],
  rules: [
    {
      kind: 'required_when',
      field: 'own_prompt',
      when: { field: 'prompt', equals: OWN_PROMPT_VALUE },
      message: 'Write the prompt you are answering.',
    },
  ],
} as const satisfies ExerciseTemplate;
