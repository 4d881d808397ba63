/**
 * The password policy, wherever a new password is set (sign-up, invitation, reset, change): at least 12
 * characters, and not guessable (zxcvbn score 3 or more, counting the person's own name and email as the first
 * guesses). The check itself needs the zxcvbn dictionaries and runs on the server (./password-strength.ts);
 * this file holds the numbers and words, free of imports, so the strength meter in the browser shares them.
 */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

/**
 * zxcvbn's score runs 0–4 by the guesses an attacker would need: 3 is "safely unguessable" (about 10^10
 * guesses, a slow offline attack on the argon2id hash). Anything below is refused.
 */
export const MIN_PASSWORD_SCORE = 3;

export type PasswordScore = 0 | 1 | 2 | 3 | 4;

/** What the strength meter says for each score. */
export const PASSWORD_SCORE_LABELS: Readonly<Record<PasswordScore, string>> = {
  0: 'Very weak',
  1: 'Weak',
  2: 'Not strong enough yet',
  3: 'Strong',
  4: 'Very strong',
};

export const TOO_SHORT_MESSAGE = `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
export const WEAK_PASSWORD_MESSAGE = 'This password would be easy to guess. Add more words or characters that are not about you.';

/**
 * The words of a person's own name, email and practice, as zxcvbn's user inputs: a password built from them is
 * guessed first by anyone who knows whose account it is. "alex.rivera@clients.northside.example" gives
 * "alex", "rivera", "alexrivera", "clients", "northside", "example" and the whole address.
 */
export function passwordUserInputs(...values: (string | null | undefined)[]): string[] {
  const words = new Set<string>();
  for (const value of values) {
    const text = value?.trim().toLowerCase();
    if (!text) continue;
    words.add(text);
    const local = text.split('@')[0] ?? text;
    const parts = local.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    // "alexrivera" as well as "alex" and "rivera": names are often written run together.
    if (parts.length > 1) words.add(parts.join(''));
    for (const part of text.split(/[^\p{L}\p{N}]+/u)) if (part.length >= 3) words.add(part);
  }
  return [...words];
}
