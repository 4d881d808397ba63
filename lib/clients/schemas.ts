import { z } from 'zod';

// Names and short labels: printable text only (no control or bidi-override characters).
const printable = /^[^\p{Cc}\p{Cf}]*$/u;
const shortText = (label: string, max: number) =>
  z.string().trim().max(max, `${label} must be at most ${max} characters.`).regex(printable, `${label} contains characters that cannot be used.`);

export const clientRecordInput = z.object({
  firstName: shortText('First name', 80).min(1, 'Enter a first name.'),
  lastName: shortText('Last name', 80).min(1, 'Enter a last name.'),
  preferredName: shortText('Preferred name', 80).optional().transform((v) => v || null),
  pronouns: shortText('Pronouns', 40).optional().transform((v) => v || null),
  email: z
    .union([z.literal(''), z.string().trim().toLowerCase().email('Enter a valid email address.').max(254)])
    .optional()
    .transform((v) => v || null),
  intakeDate: z
    .union([z.literal(''), z.iso.date('Enter a date as YYYY-MM-DD.')])
    .optional()
    .transform((v) => v || null),
  therapistMembershipIds: z.array(z.uuid('Choose a therapist from the list.')).max(10).default([]),
});
