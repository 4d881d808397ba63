import { z } from 'zod';
import { nativePostInput } from '@/lib/access/native-post';
import { answersSchema } from './schema';
import { MEASURE_KEYS, type MeasureKey } from './types';
import { dictionary } from '@/lib/security/input';

/**
 * Input for the client's measure actions. Anything else a request carries (a clientId above all) is dropped:
 * whose answers these are comes from the session.
 */

/** Made by the form when it opens: the same key for a retry, a double click or a second tab. */
export const SUBMISSION_KEY_PATTERN = /^[A-Za-z0-9-]{16,64}$/;

const rawAnswers = z
  .record(z.string(), z.unknown(), { error: 'Answers are missing.' })
  .optional()
  .transform((v) => v ?? {});

export const measureDraftInput = z.object({
  measure: z.enum(MEASURE_KEYS, { error: 'Choose a measure.' }),
  answers: rawAnswers,
});

/**
 * A form posted natively (before its script has run, or without one) sends each question's radio under the
 * question's id beside `measure` and `submissionKey`; a form sent by script sends them as `answers`. Every other
 * field is taken as an answer, so one that is no question of the measure is refused by name.
 */
const answersFromForm = (raw: unknown) => nativePostInput(raw, ['measure', 'submissionKey'], 'answers');

export const measureSubmissionInput = z.preprocess(
  answersFromForm,
  z.object({
    measure: z.enum(MEASURE_KEYS, { error: 'Choose a measure.' }),
    submissionKey: z.string({ error: 'This form is out of date. Reload the page.' }).regex(SUBMISSION_KEY_PATTERN, {
      error: 'This form is out of date. Reload the page.',
    }),
    answers: rawAnswers,
  }),
);

/** An answer as sent by a form ("2", "", null) read as a number or null; anything unreadable is kept for the schema to name. */
function readAnswer(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') {
    if (value.trim() === '') return null;
    const n = Number(value);
    return Number.isFinite(n) ? n : value;
  }
  return value;
}

export type CheckedAnswers =
  | { ok: true; answers: Record<string, number | null> }
  | { ok: false; fieldErrors: Record<string, string[]> };

/**
 * Checks answers against the measure's items: every value one of its item's options, unknown items refused.
 * Unanswered items are allowed — a client is never stopped from finishing; scoring decides what that means.
 */
export function checkAnswers(key: MeasureKey, raw: Record<string, unknown>): CheckedAnswers {
  const normalized = dictionary<unknown>();
  for (const id of Object.keys(raw)) normalized[id] = readAnswer(raw[id]);
  const parsed = answersSchema(key).safeParse(normalized);
  if (!parsed.success) {
    const fieldErrors = dictionary<string[]>();
    for (const issue of parsed.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        for (const k of issue.keys) (fieldErrors[k] ??= []).push('This question is not part of the form.');
        continue;
      }
      const field = issue.path.length ? issue.path.map(String).join('.') : '_form';
      (fieldErrors[field] ??= []).push(issue.message);
    }
    return { ok: false, fieldErrors };
  }
  // zod's output is a plain object of known item ids; it is stored as it is (the database layer wants a plain object).
  const answers = Object.fromEntries(Object.entries(parsed.data).map(([id, v]) => [id, v ?? null])) as Record<string, number | null>;
  return { ok: true, answers };
}
