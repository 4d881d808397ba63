/**
 * The check-in's fields: their states, options, labels and ranges (docs/clinical.md §3.1). Free of zod and of anything
 * server-side, so the phone's check-in form imports these without the validation library; the schemas that
 * enforce them are in ./rules.ts.
 */
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

/** The check-in's sliders: each holds no answer until it is moved. */
export const SLIDER_FIELDS = ['mood', 'distress', 'sleepHours', 'feltConnected', 'feltRejected'] as const;
export type SliderField = (typeof SLIDER_FIELDS)[number];

/** Where a slider with no answer rests: the step nearest its middle. */
export function restingValue({ min, max, step }: { min: number; max: number; step: number }): number {
  return min + Math.round((max - min) / 2 / step) * step;
}

/**
 * A range input always sends a value, so a form sent natively (before its script has run, or without one) sends
 * an unmoved slider's resting value as if it were chosen. Each slider drawn without an answer also sends its name
 * under this field, and a value still at the resting place is then read as no answer.
 */
export const NOT_SET_FIELD = 'notSet';

/**
 * Whether a slider's sent value is no answer: the slider was drawn without one (its name sent under NOT_SET_FIELD)
 * and the value is where it rests. The action reading a post and the page drawing a refused one again read it here.
 */
export function unmovedSlider(field: SliderField, value: unknown, notSet: unknown): boolean {
  const drawnUnset = Array.isArray(notSet) ? notSet.includes(field) : notSet === field;
  return drawnUnset && value === restingValue(CHECKIN_RANGES[field]);
}
