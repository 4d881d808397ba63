import 'server-only';
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { z } from 'zod';
import { ActionRefusal } from '@/lib/access/errors';
import {
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  MIN_PASSWORD_SCORE,
  type PasswordScore,
  passwordUserInputs,
  TOO_SHORT_MESSAGE,
  WEAK_PASSWORD_MESSAGE,
} from './password-policy';

/** The shape of a new password, for a form's schema; its strength is checked by refuseWeakPassword below. */
export const newPasswordField = z
  .string()
  .min(MIN_PASSWORD_LENGTH, TOO_SHORT_MESSAGE)
  .max(MAX_PASSWORD_LENGTH, `Use at most ${MAX_PASSWORD_LENGTH} characters.`);

export type PasswordStrength = {
  score: PasswordScore;
  acceptable: boolean;
  /** zxcvbn's feedback in English: why it is weak, and what would help. */
  warning: string | null;
  suggestions: string[];
};

let factory: Promise<ZxcvbnFactory> | undefined;

/**
 * zxcvbn with the common-password and English dictionaries (about 4 MB of word lists, all offline), loaded on
 * first use and kept for the life of the process. Server only: the browser's strength meter asks the server
 * (app/api/password-strength) rather than download the lists.
 */
function zxcvbn(): Promise<ZxcvbnFactory> {
  factory ??= (async () => {
    const [{ ZxcvbnFactory }, common, english] = await Promise.all([
      import('@zxcvbn-ts/core'),
      import('@zxcvbn-ts/language-common'),
      import('@zxcvbn-ts/language-en'),
    ]);
    return new ZxcvbnFactory({
      dictionary: { ...common.dictionary, ...english.dictionary },
      graphs: common.adjacencyGraphs,
      translations: english.translations,
      maxLength: MAX_PASSWORD_LENGTH,
    });
  })();
  factory.catch(() => {
    factory = undefined;
  });
  return factory;
}

/** How guessable a password is, given the words of the person's own name and email (passwordUserInputs). */
export async function passwordStrength(password: string, userInputs: readonly string[] = []): Promise<PasswordStrength> {
  const result = (await zxcvbn()).check(password.slice(0, MAX_PASSWORD_LENGTH), [...userInputs]);
  const score = result.score as PasswordScore;
  return {
    score,
    acceptable: password.length >= MIN_PASSWORD_LENGTH && score >= MIN_PASSWORD_SCORE,
    warning: result.feedback.warning || null,
    suggestions: result.feedback.suggestions,
  };
}

/** Why a new password is refused, or null when it may be used. */
export async function passwordRefusal(password: string, about: (string | null | undefined)[]): Promise<string | null> {
  if (password.length < MIN_PASSWORD_LENGTH) return TOO_SHORT_MESSAGE;
  const strength = await passwordStrength(password, passwordUserInputs(...about));
  if (strength.acceptable) return null;
  return strength.warning ? `${WEAK_PASSWORD_MESSAGE} ${strength.warning}` : WEAK_PASSWORD_MESSAGE;
}

/**
 * Refuses a guessable password beside its field. `about` is what an attacker would know of the person: their
 * name, email and practice. Call it before anything is written.
 */
export async function assertStrongPassword(password: string, about: (string | null | undefined)[], field = 'password'): Promise<void> {
  const refusal = await passwordRefusal(password, about);
  if (refusal) throw new ActionRefusal(refusal, { [field]: [refusal] });
}

/**
 * The same check inside a form's schema, with what the form itself says about the person (their name and
 * email at sign-up), so a weak password is reported together with every other field's error. Asynchronous:
 * the actions parse with `safeParseAsync`. `about` picks the form's own words about the person.
 */
export function refuseWeakPassword<T extends Record<string, unknown>>(field: keyof T & string, about: (value: T) => (string | null | undefined)[] = () => []) {
  return async (value: T, ctx: { addIssue: (issue: { code: 'custom'; path: string[]; message: string }) => void }) => {
    const password = value[field];
    // Too short or not text: the field's own rule has said so already.
    if (typeof password !== 'string' || password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH) return;
    const refusal = await passwordRefusal(password, about(value).map((v) => (typeof v === 'string' ? v : null)));
    if (refusal) ctx.addIssue({ code: 'custom', path: [field], message: refusal });
  };
}
