import { z } from 'zod';
import { JOURNALING_PROMPTS, OWN_PROMPT_VALUE } from '@/lib/exercises/journaling-prompts';
import { isWellFormedText, normalizeNewlines } from '@/lib/exercises/text';

/** Same limit as the journaling template's "own prompt" field, so a chosen prompt always fits the form. */
export const OWN_PROMPT_MAX = 500;

const BANK_IDS = new Set(JOURNALING_PROMPTS.map((p) => p.value));

export function isBankPromptId(value: string): boolean {
  return BANK_IDS.has(value);
}

/**
 * A therapist's prompt choice for a journaling assignment: a bank id (bank_01…bank_16) or their own words.
 * Blank means "let the client choose".
 */
export const promptChoiceSchema = z
  .string()
  .overwrite(normalizeNewlines)
  .trim()
  .refine(isWellFormedText, { message: 'Remove the unusual control characters from the prompt.' })
  .max(OWN_PROMPT_MAX, { message: `Keep the prompt to ${OWN_PROMPT_MAX} characters or fewer.` })
  .refine((v) => !/^bank_\d+$/.test(v) || isBankPromptId(v), { message: 'Choose a prompt from the bank.' })
  .optional()
  .transform((v) => (v ? v : null));

export type PromptChoice = { kind: 'bank'; id: string; text: string } | { kind: 'own'; text: string };

export function describePromptChoice(stored: string | null | undefined): PromptChoice | null {
  if (!stored) return null;
  const bank = JOURNALING_PROMPTS.find((p) => p.value === stored);
  return bank ? { kind: 'bank', id: bank.value, text: bank.label } : { kind: 'own', text: stored };
}

/** The journaling form's starting answers for an assignment's prompt choice (what the client sees pre-filled). */
export function journalingAnswersFor(stored: string | null | undefined): Record<string, string> {
  const choice = describePromptChoice(stored);
  if (!choice) return {};
  return choice.kind === 'bank' ? { prompt: choice.id } : { prompt: OWN_PROMPT_VALUE, own_prompt: choice.text };
}
