import { z } from 'zod';
import { MEASURE_KEYS } from '@/lib/measures';
import { SESSION_POLICY } from '@/lib/auth/session-policy';
import { newPasswordField, refuseWeakPassword } from '@/lib/auth/password-strength';
import { isIanaTimeZone, TIME_ZONE_MESSAGE } from '@/lib/time/zone';

// Names and short labels: printable text only (no control or bidi-override characters).
const printable = /^[^\p{Cc}\p{Cf}]*$/u;
export const shortText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be at most ${max} characters.`)
    .regex(printable, `${label} contains characters that cannot be used.`);

export const timeZoneField = z
  .string()
  .trim()
  .refine(isIanaTimeZone, TIME_ZONE_MESSAGE);

export const emailField = z.string().trim().toLowerCase().max(254, 'Use at most 254 characters.').email('Enter a valid email address.');

/** A new password's shape; its strength is checked with the person's own words (refuseWeakPassword). */
export { newPasswordField };

export const personName = shortText('Name', 120).min(1, 'Enter a name.');

export const signUpInput = z
  .object({
    practiceName: shortText('Practice name', 120).min(2, 'Enter the practice name.'),
    timeZone: timeZoneField,
    name: personName,
    email: emailField,
    password: newPasswordField,
    confirmPassword: z.string().max(1024),
  })
  .refine((v) => v.password === v.confirmPassword, { path: ['confirmPassword'], message: 'The two passwords differ.' })
  .superRefine(refuseWeakPassword('password', (v) => [v.name, v.email, v.practiceName]));

export const confirmSignUpInput = z.object({
  token: z.string().max(100),
  password: z.string().min(1, 'Enter the password you chose.').max(1024),
});

const checkbox = z
  .union([z.literal('on'), z.literal('true'), z.literal('false'), z.literal(''), z.boolean()])
  .optional()
  .transform((v) => v === true || v === 'on' || v === 'true');

const crisisContact = z.object({
  label: shortText('Label', 80),
  phone: z
    .string()
    .trim()
    .max(40, 'Use at most 40 characters.')
    .regex(/^[0-9+()\-.\s]*$/, 'Use digits, spaces and + ( ) - only.'),
});

const measureDefault = z.object({
  measure: z.enum(MEASURE_KEYS, 'Unknown measure.'),
  everyDays: z.coerce
    .number('Enter a number of days.')
    .int('Use whole days.')
    .min(1, 'Use 1 to 365 days.')
    .max(365, 'Use at most 365 days.'),
  atIntake: checkbox,
});

export const settingsInput = z.object({
  name: shortText('Practice name', 120).min(2, 'Enter the practice name.'),
  timeZone: timeZoneField,
  safetyQuestionEnabled: checkbox,
  idleTimeoutMinutes: z.coerce
    .number('Enter a number of minutes.')
    .int('Use whole minutes.')
    .min(1, 'Use at least 1 minute.')
    .max(SESSION_POLICY.maxIdleMinutes, `Sign-out after idling can be at most ${SESSION_POLICY.maxIdleMinutes} minutes.`),
  // Blank rows in the form are dropped; a row with only one half filled in is an error beside it.
  crisisContacts: z
    .array(crisisContact)
    .max(10, 'Add at most 10 numbers.')
    .default([])
    .transform((rows) => rows.filter((r) => r.label || r.phone))
    .superRefine((rows, ctx) => {
      rows.forEach((r, i) => {
        if (!r.label) ctx.addIssue({ code: 'custom', path: [i, 'label'], message: 'Say whose number this is.' });
        if (!r.phone) ctx.addIssue({ code: 'custom', path: [i, 'phone'], message: 'Enter the number.' });
      });
    }),
  // Only the measures scheduled by default are listed; leaving one out means "not by default".
  measureDefaults: z
    .array(measureDefault)
    .max(MEASURE_KEYS.length)
    .default([])
    .superRefine((rows, ctx) => {
      const seen = new Set<string>();
      rows.forEach((r, i) => {
        if (seen.has(r.measure)) ctx.addIssue({ code: 'custom', path: [i, 'measure'], message: 'Each measure once.' });
        seen.add(r.measure);
      });
    }),
});

export type SettingsInput = z.output<typeof settingsInput>;
