import type { ExerciseTemplate } from '../types';

export const SAFE_PLACE_KEY = 'safe_place';

/** Where the client sits relative to their window of tolerance. */
const WINDOW_OPTIONS = [
  { value: 'above', label: 'Above my window — keyed up, racing, overwhelmed' },
  { value: 'within', label: 'Inside my window — able to feel and think at once' },
  { value: 'below', label: 'Below my window — flat, numb, shut down' },
] as const;

export const safePlaceV1 = {
  key: SAFE_PLACE_KEY,
  version: 1,
  origin: 'built_in',
  title: 'Safe/calm place practice',
  themes: ['grounding', 'safe_place'],
  summary: 'Practise visiting a place in your mind where you feel settled, so it is there when you need it.',
  instructions:
    'Sit somewhere you will not be interrupted. Rate your distress first. Then bring to mind a place — real or ' +
    'imagined — where you feel safe and at ease, and take your time filling it in with each of your senses. ' +
    'When it feels vivid, pair it with a short cue word you can use later to call it back. If something ' +
    'upsetting pushes in, open your eyes, notice the room around you, and note it below; that is useful ' +
    'information, not a failure. Your therapist will check in with you if it happens.',
  estimatedMinutes: 15,
  sections: [
    {
      id: 'session',
      heading: 'This practice',
      fields: [
        { id: 'practice_date', type: 'date', label: 'Date', required: true },
        { id: 'minutes', type: 'number', label: 'How many minutes?', required: true, min: 1, max: 180, step: 1, unit: 'min' },
        { id: 'suds_before', type: 'scale_0_100', label: 'Distress before (SUDS 0–100)', required: true, step: 5, minLabel: 'Completely calm', maxLabel: 'Worst imaginable' },
        { id: 'window_before', type: 'single_choice', label: 'Where were you before?', required: true, options: WINDOW_OPTIONS },
      ],
    },
    {
      id: 'senses',
      heading: 'Your place, sense by sense',
      fields: [
        { id: 'sense_see', type: 'long_text', label: 'What do you see?', required: false, maxLength: 1000 },
        { id: 'sense_hear', type: 'long_text', label: 'What do you hear?', required: false, maxLength: 1000 },
        { id: 'sense_smell', type: 'long_text', label: 'What do you smell?', required: false, maxLength: 1000 },
        { id: 'sense_touch', type: 'long_text', label: 'What do you feel on your skin or under you?', required: false, maxLength: 1000 },
        { id: 'sense_taste', type: 'long_text', label: 'Any taste?', required: false, maxLength: 1000 },
        { id: 'cue_word', type: 'short_text', label: 'Your cue word', required: true, maxLength: 40 },
      ],
    },
    {
      id: 'after',
      heading: 'Afterwards',
      fields: [
        { id: 'suds_after', type: 'scale_0_100', label: 'Distress after (SUDS 0–100)', required: true, step: 5, minLabel: 'Completely calm', maxLabel: 'Worst imaginable' },
        { id: 'window_after', type: 'single_choice', label: 'Where are you now?', required: true, options: WINDOW_OPTIONS },
        { id: 'intrusion', type: 'yes_no', label: 'Did anything distressing intrude?', required: true },
        { id: 'intrusion_note', type: 'long_text', label: 'If so, what came up? (optional)', required: false, maxLength: 2000 },
      ],
    },
  ],
  alerts: [
    { field: 'intrusion', equals: true, tier: 'follow_up', reason: 'Distressing intrusion during safe-place practice' },
  ],
} as const satisfies ExerciseTemplate;
