import { z } from 'zod';

/** Pure rules for the daily check-in (CLINICAL §3): schema, labels and the client's local day. */

export const WINDOW_STATES = ['hypo', 'within', 'hyper'] as const;
export type WindowState = (typeof WINDOW_STATES)[number];

export const WINDOW_LABELS: Readonly<Record<WindowState, string>> = {
  hypo: 'Shut down',
  within: 'Within my window',
  hyper: 'Overwhelmed',
};

export const WINDOW_EXPLANATIONS: Readonly<Record<WindowState, string>> = {
  hypo: 'Below the window: numb, flat or shut down, as if everything is far away.',
  within: 'Inside the window: able to feel what is happening and still think and choose.',
  hyper: 'Above the window: overwhelmed, on edge, racing or hard to calm down.',
};

export const SOCIAL_CONTACT_OPTIONS = ['0', '1', '2-3', '4+'] as const;
export type SocialContact = (typeof SOCIAL_CONTACT_OPTIONS)[number];

export const SOCIAL_CONTACT_LABELS: Readonly<Record<SocialContact, string>> = {
  '0': 'No one',
  '1': 'One person',
  '2-3': '2–3 people',
  '4+': '4 or more people',
};

export const SELF_CARE_OPTIONS = [
  'movement',
  'rest',
  'nourishing_meal',
  'time_outside',
  'mindfulness',
  'creative',
  'reached_out',
] as const;
export type SelfCare = (typeof SELF_CARE_OPTIONS)[number];

export const SELF_CARE_LABELS: Readonly<Record<SelfCare, string>> = {
  movement: 'Movement',
  rest: 'Rest',
  nourishing_meal: 'A nourishing meal',
  time_outside: 'Time outside',
  mindfulness: 'Mindfulness',
  creative: 'Something creative',
  reached_out: 'Reached out to someone',
};

export const SLEEP_QUALITY_LABELS: Readonly<Record<0 | 1 | 2 | 3 | 4, string>> = {
  0: 'Very poor',
  1: 'Poor',
  2: 'Fair',
  3: 'Good',
  4: 'Very good',
};

export const CHECKIN_RANGES = {
  mood: { min: 0, max: 10, step: 1 },
  distress: { min: 0, max: 100, step: 10 },
  sleepHours: { min: 0, max: 14, step: 0.5 },
  sleepQuality: { min: 0, max: 4, step: 1 },
  feltConnected: { min: 0, max: 10, step: 1 },
  feltRejected: { min: 0, max: 10, step: 1 },
  noteMaxChars: 2000,
} as const;

/** Anchors for the 0–10 and 0–100 sliders; the ends are what a person needs to read a scale at a glance. */
export const SCALE_ANCHORS = {
  mood: { min: 'Very low', max: 'Very good' },
  distress: { min: 'Calm, no distress', max: 'Worst distress imaginable' },
  feltConnected: { min: 'Not at all', max: 'Very connected' },
  feltRejected: { min: 'Not at all', max: 'Very rejected' },
} as const;

/** Distress (SUDS) labels for every allowed value. */
export const DISTRESS_LABELS: Readonly<Record<number, string>> = {
  0: '0 – calm, no distress',
  10: '10',
  20: '20',
  30: '30 – mild',
  40: '40',
  50: '50 – moderate',
  60: '60',
  70: '70 – strong',
  80: '80',
  90: '90',
  100: '100 – worst imaginable',
};

export const CHECKIN_FIELD_LABELS = {
  mood: 'Mood',
  distress: 'Distress',
  window: 'Window of tolerance',
  sleepHours: 'Hours of sleep',
  sleepQuality: 'Sleep quality',
  socialContact: 'People I was in contact with today',
  feltConnected: 'Felt connected',
  feltRejected: 'Felt rejected',
  selfCare: 'Self-care done',
  note: 'Note',
  safetyThoughts: 'Any thoughts of harming yourself today?',
} as const;

export const SAFETY_QUESTION = CHECKIN_FIELD_LABELS.safetyThoughts;

function wholeNumber(field: string, min: number, max: number) {
  const message = `${field} must be a whole number from ${min} to ${max}.`;
  return z.number({ error: message }).int({ error: message }).min(min, { error: message }).max(max, { error: message });
}

const distress = z
  .number({ error: 'Distress must be 0–100 in steps of 10.' })
  .int({ error: 'Distress must be 0–100 in steps of 10.' })
  .min(0, { error: 'Distress must be 0–100 in steps of 10.' })
  .max(100, { error: 'Distress must be 0–100 in steps of 10.' })
  .refine((v) => v % 10 === 0, { error: 'Distress must be 0–100 in steps of 10.' });

const sleepHours = z
  .number({ error: 'Sleep must be 0–14 hours in half hours.' })
  .min(0, { error: 'Sleep must be 0–14 hours in half hours.' })
  .max(14, { error: 'Sleep must be 0–14 hours in half hours.' })
  // Compare on doubled value so 7.5 passes without float remainder surprises.
  .refine((v) => Number.isInteger(v * 2), { error: 'Sleep must be 0–14 hours in half hours.' });

const note = z
  .string({ error: 'The note must be text.' })
  // Count characters as a person does, so an emoji is one, not two UTF-16 units.
  .refine((v) => [...v].length <= CHECKIN_RANGES.noteMaxChars, {
    error: `The note can be at most ${CHECKIN_RANGES.noteMaxChars} characters.`,
  });

const baseShape = {
  mood: wholeNumber('Mood', 0, 10),
  distress,
  window: z.enum(WINDOW_STATES, { error: 'Choose where you are in your window of tolerance.' }),
  sleepHours: sleepHours.optional(),
  sleepQuality: wholeNumber('Sleep quality', 0, 4).optional(),
  socialContact: z.enum(SOCIAL_CONTACT_OPTIONS, { error: 'Choose how many people you were in contact with.' }).optional(),
  feltConnected: wholeNumber('Felt connected', 0, 10).optional(),
  feltRejected: wholeNumber('Felt rejected', 0, 10).optional(),
  selfCare: z
    .array(z.enum(SELF_CARE_OPTIONS, { error: 'Choose from the self-care list.' }))
    .refine((items) => new Set(items).size === items.length, { error: 'Each self-care item can be chosen once.' })
    .optional(),
  note: note.optional(),
};

/** The daily check-in with the safety question available (answer optional). Unknown keys are refused. */
export const checkinSchema = z.strictObject({
  ...baseShape,
  safetyThoughts: z.boolean({ error: 'Answer yes or no.' }).optional(),
});

/** Without the safety question a practice has not turned on, an answer to it is refused rather than stored. */
export const checkinSchemaWithoutSafety = z.strictObject(baseShape);

export function checkinSchemaFor(options: { safetyQuestionEnabled: boolean }) {
  return options.safetyQuestionEnabled ? checkinSchema : checkinSchemaWithoutSafety;
}

export type CheckinInput = z.infer<typeof checkinSchema>;
