/**
 * Forms that also post natively (before their script has run, or without one) send each control flat, under its own
 * name, while the same form sent by script sends its answers as one value (`answers`). Which of the two a request
 * is must not be read from the names of its fields: a question may be named like the script's own keys (a custom
 * exercise's question "Answers" has the id `answers`). A native post says so with this field instead. Its name has
 * a capital letter, so no control named by an answer's id (lower case, SLUG_PATTERN in lib/exercises/text.ts) is it.
 * Free of imports: the forms that send it are in the browser's bundle.
 */
export const NATIVE_POST_FIELD = 'postedNatively';

/**
 * A natively posted form as the action's input: the fields in `own` (the form's hidden context: which homework,
 * which measure, its key) as they are, and every other field under `into`, for the action to read by its own
 * template. Anything else (a form sent by script, or not an object) is returned as it is.
 */
export function nativePostInput(raw: unknown, own: readonly string[], into: string): unknown {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return raw;
  const fields = raw as Record<string, unknown>;
  // Without the marker, a post is native unless it carries the script's answers (a page drawn before the marker).
  if (!(NATIVE_POST_FIELD in fields) && 'answers' in fields) return raw;
  // Without a prototype: a field named `__proto__` is data here, as in the form's own reading (formToObject).
  const input: Record<string, unknown> = Object.create(null);
  const rest: Record<string, unknown> = Object.create(null);
  for (const key of Object.keys(fields)) {
    if (key === NATIVE_POST_FIELD) continue;
    if (own.includes(key)) input[key] = fields[key];
    else rest[key] = fields[key];
  }
  input[into] = rest;
  return input;
}
