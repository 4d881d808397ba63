import type { ExerciseTemplate } from '../types';

export const RECOVERY_TOOLKIT_KEY = 'recovery_toolkit';

/**
 * [our rule] docs/clinical.md §4.2: the step agreed for when scores rise. Kept in this one constant so a practice can
 * see it (and later configure it); the toolkit pre-fills it and the client and therapist may reword it.
 */
export const DEFAULT_AGREED_STEP = 'PHQ-9 ≥ 10 or a rise ≥ 6 → book a session';

export const recoveryToolkitV1 = {
  key: RECOVERY_TOOLKIT_KEY,
  version: 1,
  origin: 'built_in',
  title: 'Recovery toolkit',
  themes: ['relapse_prevention'],
  summary: 'Your own plan for spotting a slide early and knowing what to do about it.',
  instructions:
    'Setbacks are part of recovery; what helps is noticing them early. Build this toolkit on a good day, ' +
    'ideally with your therapist, drawing on what you have learned so far. Be concrete — "text D. and go for ' +
    'a walk" is easier to act on than "reach out". Put the things you can do on your own in order, with the ' +
    'one that helps most first. Agree on a review date and come back to it then.',
  estimatedMinutes: 30,
  sections: [
    {
      id: 'warning_signs',
      heading: 'Early warning signs',
      intro: 'What tends to change first when you start to slide?',
      fields: [
        { id: 'signs_thoughts', type: 'long_text', label: 'Thoughts', required: true, maxLength: 2000 },
        { id: 'signs_feelings', type: 'long_text', label: 'Feelings', required: true, maxLength: 2000 },
        { id: 'signs_behaviours', type: 'long_text', label: 'Behaviours', required: true, maxLength: 2000 },
        { id: 'signs_body', type: 'long_text', label: 'Body', required: false, maxLength: 2000 },
      ],
    },
    {
      id: 'risks',
      heading: 'Triggers and risky times',
      fields: [
        { id: 'rejection_triggers', type: 'long_text', label: 'Rejection triggers', required: true, maxLength: 2000 },
        { id: 'high_risk_situations', type: 'long_text', label: 'High-risk situations', required: false, maxLength: 2000 },
      ],
    },
    {
      id: 'actions',
      heading: 'What I can do',
      fields: [
        {
          id: 'solo_actions',
          type: 'repeating_group',
          label: 'Things I can do on my own, most helpful first',
          required: true,
          itemLabel: 'Action',
          minItems: 1,
          maxItems: 15,
          fields: [{ id: 'action', type: 'short_text', label: 'Action', required: true, maxLength: 300 }],
        },
        {
          id: 'contacts',
          type: 'repeating_group',
          label: 'People I can contact',
          required: false,
          itemLabel: 'Contact',
          maxItems: 15,
          fields: [
            { id: 'who', type: 'short_text', label: 'Who', required: true, maxLength: 100 },
            { id: 'how', type: 'short_text', label: 'How to reach them', required: false, maxLength: 200 },
          ],
        },
        { id: 'keep_well_habits', type: 'long_text', label: 'Habits that keep me well', required: true, maxLength: 2000 },
        { id: 'helped_before', type: 'long_text', label: 'What helped before', required: false, maxLength: 2000 },
      ],
    },
    {
      id: 'agreement',
      heading: 'Our agreement',
      fields: [
        {
          id: 'agreed_step',
          type: 'long_text',
          label: 'The step we agreed on if my scores rise',
          required: true,
          maxLength: 1000,
          defaultValue: DEFAULT_AGREED_STEP,
        },
        { id: 'review_date', type: 'date', label: 'Review date', required: true },
      ],
    },
  ],
} as const satisfies ExerciseTemplate;
