/**
 * Pure rules for the daily check-in (docs/clinical.md §3.1, §3.2): schema and the client's local day; the fields
 * are in ./fields.ts.
 */
import { z } from 'zod';
import { withinCharacters } from '@/lib/text/characters';
import { WINDOW_STATES, SOCIAL_CONTACT_OPTIONS, SELF_CARE_OPTIONS, CHECKIN_RANGES } from './fields';

export * from './fields';

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
  .refine((v) => withinCharacters(v, CHECKIN_RANGES.noteMaxChars), {
    error: `The note can be at most ${CHECKIN_RANGES.noteMaxChars} characters.`,
  });

const baseShape = {
  mood: wholeNumber('Mood', 0, 10),
  distress,
  window: z.enum(WINDOW_STATES, { error: 'Choose where you are in your window of tolerance.' }),
  sleepHours: sleepHours.optional(),
  sleepQuality: wholeNumber('Sleep quality', 0, 4).optional(),
  socialContact: z
    .enum(SOCIAL_CONTACT_OPTIONS, { error: 'Choose how many people you were in contact with.' })
    .optional(),
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
