import type { ExerciseTemplate } from '../types';

export const SUPPORT_NETWORK_KEY = 'support_network';

/**
 * Initials only, so the map never carries a third party's name: one to three letters or periods, at least
 * one of them a letter ("J", "AB", "M.K").
 */
export const INITIALS_PATTERN = '^(?=.*\\p{L})[\\p{L}.]{1,3}$';

export const SUPPORT_CIRCLES = [
  { value: 'inner', label: 'Inner circle — closest, most trusted' },
  { value: 'middle', label: 'Middle circle — friends and family I see' },
  { value: 'outer', label: 'Outer circle — acquaintances, groups, colleagues' },
] as const;

export const SUPPORT_KINDS = [
  { value: 'emotional', label: 'Emotional — listens, comforts' },
  { value: 'practical', label: 'Practical — helps get things done' },
  { value: 'information', label: 'Information — advice, know-how' },
  { value: 'company', label: 'Company — someone to spend time with' },
] as const;

export const CONTACT_FREQUENCIES = [
  { value: 'daily', label: 'Most days' },
  { value: 'weekly', label: 'Every week or so' },
  { value: 'monthly', label: 'Every month or so' },
  { value: 'rarely', label: 'Less often' },
] as const;

export const supportNetworkV1 = {
  key: SUPPORT_NETWORK_KEY,
  version: 1,
  origin: 'built_in',
  title: 'Support-network map',
  themes: ['support_network'],
  summary: 'Map who is around you, what each person offers, and one small step to lean on them a little more.',
  instructions:
    'After a rejection it is easy to feel that nobody is there. This map tests that feeling against the facts. ' +
    'Add the people in your life using initials only, and place each in a circle: the inner circle for the ' +
    'few you trust most, further out for people you are less close to. Note what kind of support each one can ' +
    'give — nobody has to give everything — and how safe it feels to open up to them. Then add the ' +
    'professionals and crisis lines you can reach.',
  estimatedMinutes: 20,
  sections: [
    {
      id: 'people',
      heading: 'People',
      fields: [
        {
          id: 'people',
          type: 'repeating_group',
          label: 'People in my life',
          required: true,
          itemLabel: 'Person',
          minItems: 1,
          maxItems: 30,
          fields: [
            {
              id: 'initials',
              type: 'short_text',
              label: 'Initials',
              required: true,
              maxLength: 3,
              pattern: { source: INITIALS_PATTERN, message: 'Use initials only: one to three letters or periods.' },
            },
            { id: 'circle', type: 'single_choice', label: 'Circle', required: true, options: SUPPORT_CIRCLES },
            { id: 'support_kinds', type: 'multiple_choice', label: 'Kinds of support', required: true, options: SUPPORT_KINDS },
            { id: 'contact_frequency', type: 'single_choice', label: 'How often are we in touch?', required: true, options: CONTACT_FREQUENCIES },
            { id: 'safety_to_share', type: 'scale_0_10', label: 'How safe does sharing with them feel?', required: true, minLabel: 'Not safe', maxLabel: 'Completely safe' },
            { id: 'next_step', type: 'short_text', label: 'One next step with this person', required: false, maxLength: 300 },
          ],
        },
      ],
    },
    {
      id: 'professional',
      heading: 'Professional help',
      fields: [
        {
          id: 'professionals',
          type: 'repeating_group',
          label: 'Professionals I can reach',
          help: 'Your therapist, doctor, or anyone else involved in your care.',
          required: false,
          itemLabel: 'Professional',
          maxItems: 10,
          fields: [
            { id: 'role', type: 'short_text', label: 'Role', required: true, maxLength: 100 },
            { id: 'name', type: 'short_text', label: 'Name or practice', required: false, maxLength: 150 },
            { id: 'contact', type: 'short_text', label: 'How to reach them', required: false, maxLength: 200 },
          ],
        },
        {
          id: 'crisis_lines',
          type: 'repeating_group',
          label: 'Crisis lines',
          help: 'Lines you could call or text if things get very hard.',
          required: false,
          itemLabel: 'Crisis line',
          maxItems: 10,
          fields: [
            { id: 'name', type: 'short_text', label: 'Name', required: true, maxLength: 150 },
            { id: 'contact', type: 'short_text', label: 'Number or how to reach it', required: true, maxLength: 200 },
          ],
        },
      ],
    },
  ],
} as const satisfies ExerciseTemplate;
