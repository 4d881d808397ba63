import { UNSTORABLE_TEXT_MESSAGE, dictionary, normalizeInput, unstorableTextPaths } from '@/lib/security/input';

/**
 * A browser sends every line break of a form's text as CRLF (the multipart encoding, whether the form posts
 * natively or a script sends its FormData), while the page counts and shows it as one LF: read it as the page
 * showed it, so a note the page counted as within its limit is within it here, and stored text has one kind.
 */
const lineBreaks = (value: string) => value.replace(/\r\n?/g, '\n');

/**
 * Turns a submitted form into a plain object for zod. A key sent more than once, or ending in
 * "[]", becomes an array; a `__json` field (from client-built forms) is parsed and merged.
 * Next's own `$ACTION_*` fields are dropped. Every object in the result has no prototype
 * (lib/security/input.ts): a key named `__proto__` or `constructor` is data, never a member.
 */
export function formToObject(input: FormData | Record<string, unknown> | null | undefined): Record<string, unknown> {
  if (!input) return dictionary();
  if (!(input instanceof FormData)) {
    return typeof input === 'object' && !Array.isArray(input) ? (normalizeInput(input) as Record<string, unknown>) : dictionary();
  }
  const out = dictionary<unknown>();
  for (const [rawKey, value] of input.entries()) {
    if (rawKey.startsWith('$ACTION')) continue;
    if (typeof value !== 'string') continue;
    const text = lineBreaks(value);
    if (rawKey === '__json') {
      let parsed: unknown;
      try {
        parsed = JSON.parse(value);
      } catch {
        out.__json = value;
        continue;
      }
      const fields = normalizeInput(parsed);
      if (fields && typeof fields === 'object' && !Array.isArray(fields)) {
        for (const key of Object.keys(fields)) out[key] = (fields as Record<string, unknown>)[key];
      }
      continue;
    }
    const isList = rawKey.endsWith('[]');
    const key = isList ? rawKey.slice(0, -2) : rawKey;
    const existing = out[key];
    if (existing === undefined) out[key] = isList ? [text] : text;
    else if (Array.isArray(existing)) existing.push(text);
    else out[key] = [existing, text];
  }
  return out;
}

/** Submitted values to echo back after a failed action (React resets uncontrolled fields). */
export function echoValues(raw: Record<string, unknown>, secret: readonly string[]): Record<string, string | string[]> {
  const out = dictionary<string | string[]>();
  for (const key of Object.keys(raw)) {
    const value = raw[key];
    if (secret.includes(key)) continue;
    if (typeof value === 'string') out[key] = value.slice(0, 20_000);
    else if (Array.isArray(value) && value.every((v) => typeof v === 'string')) out[key] = value as string[];
  }
  return out;
}

/**
 * Field errors for text no field can store (a NUL byte, a lone surrogate), or null when there is
 * none. Checked before the schema, so every action answers it beside the field instead of failing
 * in the database.
 */
export function unstorableTextErrors(raw: Record<string, unknown>): Record<string, string[]> | null {
  const paths = unstorableTextPaths(raw);
  if (!paths.length) return null;
  const out = dictionary<string[]>();
  for (const path of paths) out[path] = [UNSTORABLE_TEXT_MESSAGE];
  return out;
}
