import type { ExerciseTemplate } from '../types';

export const SAFETY_PLAN_KEY = 'safety_plan';

/** A one-column list: the safety plan is read in a hurry, so each step is a short list of concrete items. */
function itemList(id: string, label: string, itemLabel: string, required: boolean, help?: string) {
  return {
    id,
    type: 'repeating_group',
    label,
    ...(help ? { help } : {}),
    required,
    itemLabel,
    minItems: 1,
    maxItems: 12,
    fields: [{ id: 'text', type: 'short_text', label: itemLabel, required: true, maxLength: 300 }],
  } as const;
}

function contactList(id: string, label: string, itemLabel: string, required: boolean, help?: string, contactRequired = false) {
  return {
    id,
    type: 'repeating_group',
    label,
    ...(help ? { help } : {}),
    required,
    itemLabel,
    minItems: 1,
    maxItems: 10,
    fields: [
      { id: 'name', type: 'short_text', label: 'Name', required: true, maxLength: 150 },
      { id: 'contact', type: 'short_text', label: 'Phone or how to reach', required: contactRequired, maxLength: 200 },
    ],
  } as const;
}

/**
 * The six steps of the Stanley–Brown safety planning structure, in our layout and words. Pinned at the top
 * of the client's portal once shared.
 */
export const safetyPlanV1 = {
  key: SAFETY_PLAN_KEY,
  version: 1,
  origin: 'built_in',
  title: 'Safety plan',
  themes: ['safety'],
  summary: 'A short, personal plan for getting through a crisis, one step at a time.',
  instructions:
    'Write this with your therapist, at a calm moment, so it is ready when thinking clearly is hard. When ' +
    'things get bad, start at step 1 and move down the list until you feel safer — you do not have to go in ' +
    'order if a later step is what you need. Use your own words, keep each item short, and keep it somewhere ' +
    'you can reach quickly. If you are in immediate danger, call your local emergency number.',
  estimatedMinutes: 30,
  pinWhenShared: true,
  sections: [
    {
      id: 'step_1',
      heading: '1. My warning signs',
      intro: 'Thoughts, moods, images or situations that tell me a crisis may be building.',
      fields: [itemList('warning_signs', 'Warning signs', 'Warning sign', true)],
    },
    {
      id: 'step_2',
      heading: '2. What I can do on my own',
      intro: 'Things that take my mind off it or calm me down, without contacting anyone.',
      fields: [itemList('coping_alone', 'Ways to cope on my own', 'Coping step', true)],
    },
    {
      id: 'step_3',
      heading: '3. People and places that take my mind off things',
      intro: 'Company and settings that help, even without talking about how I feel.',
      fields: [
        contactList('distraction_people', 'People', 'Person', false),
        itemList('distraction_places', 'Places', 'Place', false),
      ],
    },
    {
      id: 'step_4',
      heading: '4. People I can ask for help',
      intro: 'People I could tell that I am struggling.',
      fields: [contactList('help_people', 'People I can ask', 'Person', true)],
    },
    {
      id: 'step_5',
      heading: '5. Professionals and crisis lines',
      fields: [
        contactList('professionals', 'Professionals', 'Professional', false, 'Therapist, doctor, out-of-hours service.'),
        contactList('crisis_lines', 'Crisis lines', 'Crisis line', true, 'For example 988 in the US or Samaritans 116 123 in the UK.', true),
      ],
    },
    {
      id: 'step_6',
      heading: '6. Making my surroundings safer',
      intro: 'What I will remove, lock away or ask someone to hold on to, and how.',
      fields: [itemList('safer_surroundings', 'Steps to make my surroundings safer', 'Step', true)],
    },
    {
      id: 'reasons',
      heading: 'Worth staying safe for',
      fields: [
        { id: 'reasons_for_living', type: 'long_text', label: 'What matters most to me', required: false, maxLength: 2000 },
      ],
    },
  ],
} as const satisfies ExerciseTemplate;
