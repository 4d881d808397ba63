import { z } from 'zod';
import { nativePostInput } from '@/lib/access/native-post';
import { isWellFormedText, normalizeNewlines } from '@/lib/exercises/text';
import { normalizeInput } from '@/lib/security/input';

/** A whole answer set as JSON is far below this; anything larger is not a real form. */
export const MAX_ANSWERS_JSON = 200_000;
export const COMMENT_MAX = 2000;

/**
 * Answers arrive either as an object (the completion page calls the action directly) or as the JSON text of
 * the form's hidden input. Either way they must be a plain object; the template's own schema does the rest.
 */
export const answersInput = z.preprocess(
  (value) => {
    if (typeof value !== 'string') return value;
    if (value.length > MAX_ANSWERS_JSON) return null;
    try {
      // JSON escapes can spell what the form layer already cleaned (\u0000, a lone surrogate, __proto__).
      return normalizeInput(JSON.parse(value));
    } catch {
      return null;
    }
  },
  z.record(z.string(), z.unknown(), { error: 'The answers could not be read. Reload the page and try again.' }),
);

const id = (what: string) => z.uuid({ error: `That ${what} was not found.` });

const templateVersion = z.coerce
  .number({ error: 'The exercise version is missing.' })
  .int()
  .min(1)
  .max(100_000)
  .optional();

export const saveDraftInput = z.object({
  occurrenceId: id('homework'),
  /** The template version the client's page was drawn with, to catch a stale page. */
  templateVersion,
  answers: answersInput,
});

/**
 * A completion form posted natively (before its script has run, or without one) sends each control under its
 * answer path beside `occurrenceId` and `templateVersion`; they are kept as `sent` for the action to read by the
 * template (lib/exercises/form-answers.ts). A form sent by script sends `answers`.
 */
const sentFromForm = (raw: unknown) => nativePostInput(raw, ['occurrenceId', 'templateVersion'], 'sent');

export const submitExerciseInput = z.preprocess(
  sentFromForm,
  saveDraftInput.extend({ answers: answersInput.optional(), sent: z.record(z.string(), z.unknown()).optional() }),
);

export const commentInput = z.object({
  submissionId: id('submission'),
  /** Blank for a comment on the whole submission (e.g. a private note). */
  fieldPath: z
    .string()
    .trim()
    .max(200)
    .optional()
    .transform((v) => (v ? v : null)),
  body: z
    .string({ error: 'Write a comment.' })
    .overwrite(normalizeNewlines)
    .trim()
    .min(1, { message: 'Write a comment.' })
    .max(COMMENT_MAX, { message: `Keep the comment to ${COMMENT_MAX} characters or fewer.` })
    .refine(isWellFormedText, { message: 'Remove the unusual control characters from the comment.' }),
  visibility: z.enum(['client', 'private'], { error: 'Choose who can see the comment.' }).default('client'),
});

export const requestRevisionInput = z.object({
  submissionId: id('submission'),
  /** Optional words for the client, stored as a client-visible comment on the whole submission. */
  message: z
    .string()
    .overwrite(normalizeNewlines)
    .trim()
    .max(COMMENT_MAX, { message: `Keep the message to ${COMMENT_MAX} characters or fewer.` })
    .refine(isWellFormedText, { message: 'Remove the unusual control characters from the message.' })
    .optional()
    .transform((v) => (v ? v : null)),
});

export const markReviewedInput = z.object({ submissionId: id('submission') });
