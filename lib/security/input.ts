/**
 * The one place request input is made safe to hold: every map built from input has no prototype,
 * and text Postgres cannot store (a NUL byte, a lone surrogate) is refused with a clear message
 * before it reaches a query. Used by the action wrappers (through lib/access/form-data.ts) and by
 * the proxy, for URLs.
 */

/**
 * A map keyed by input. Without a prototype, a key such as `constructor`, `toString` or `__proto__`
 * is just a key: it neither reads an inherited member nor replaces the prototype.
 */
export function dictionary<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** Deeper than any form Mend has; past it, input is not a form and is cut off (zod then names it). */
const MAX_DEPTH = 32;
const NUL = /\u0000/;

/**
 * Text Postgres cannot store as it was typed: a NUL byte (refused in a text value) or a lone
 * surrogate half (it has no UTF-8 form). Neither comes from a keyboard; both get a clear refusal.
 */
export function isStorableText(value: string): boolean {
  return !NUL.test(value) && value.isWellFormed();
}

function isRecord(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * A deep copy of input in which every object is a null-prototype dictionary and arrays stay arrays.
 * Anything that is not JSON-like (a File, a Date) is kept as it is; nesting past MAX_DEPTH is cut.
 */
export function normalizeInput(value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return null;
  if (Array.isArray(value)) return value.map((item) => normalizeInput(item, depth + 1));
  if (!isRecord(value)) return value;
  const out = dictionary<unknown>();
  for (const key of Object.keys(value)) out[key] = normalizeInput((value as Record<string, unknown>)[key], depth + 1);
  return out;
}

/**
 * The same value with every null-prototype object turned back into a plain one, for what leaves the
 * server: React refuses to send an object without a prototype to the browser. Keys are defined as
 * own data properties, so even '__proto__' stays a key. Other objects (Date, Map) are kept.
 */
export function plainOutput<T>(value: T, depth = 0): T {
  if (value === null || typeof value !== 'object' || depth > 64) return value;
  if (Array.isArray(value)) return value.map((item) => plainOutput(item, depth + 1)) as T;
  if (!isRecord(value)) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    Object.defineProperty(out, key, { value: plainOutput((value as Record<string, unknown>)[key], depth + 1), enumerable: true, writable: true, configurable: true });
  }
  return out as T;
}

export const UNSTORABLE_TEXT_MESSAGE =
  'This contains a character that cannot be saved (a NUL byte or half of an emoji). Remove it and try again.';

/**
 * The fields of normalised input holding text that cannot be stored, as form paths
 * ("answers.situation", "items.0.note"); a bad key counts for the object that holds it ('_form' at the top).
 */
export function unstorableTextPaths(value: unknown, path: string[] = [], out: string[] = []): string[] {
  const here = () => (path.length ? path.join('.') : '_form');
  if (typeof value === 'string') {
    if (!isStorableText(value)) out.push(here());
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => unstorableTextPaths(item, [...path, String(i)], out));
  } else if (value !== null && typeof value === 'object' && isRecord(value)) {
    for (const key of Object.keys(value)) {
      if (!isStorableText(key)) out.push(here());
      else unstorableTextPaths((value as Record<string, unknown>)[key], [...path, key], out);
    }
  }
  return out;
}

/** A percent-decoded URL part holds a NUL byte: no page or query has a use for it, and Postgres refuses it. */
const HAS_NUL = /\u0000/;

function decodePart(part: string, plusIsSpace: boolean): string | null {
  try {
    return decodeURIComponent(plusIsSpace ? part.replace(/\+/g, ' ') : part);
  } catch {
    return null;
  }
}

/**
 * Why a request URL cannot be served, or null when it can: a percent-encoding that is not UTF-8
 * (`%FF%FE`, or an encoded lone surrogate `%ED%A0%80`), or an encoded NUL byte, in the path or in
 * any query name or value. Read from the raw URL: URLSearchParams silently turns a malformed
 * sequence into U+FFFD, and the path would be decoded later, where a failure is a 500.
 */
export function malformedUrlReason(rawUrl: string): string | null {
  const url = new URL(rawUrl, 'http://localhost');
  const path = decodePart(url.pathname, false);
  if (path === null) return 'The address contains an encoding that is not valid UTF-8.';
  if (HAS_NUL.test(path)) return 'The address contains a NUL character.';
  const query = url.search.startsWith('?') ? url.search.slice(1) : url.search;
  for (const pair of query.split('&')) {
    if (!pair) continue;
    const decoded = decodePart(pair, true);
    if (decoded === null) return 'The search contains an encoding that is not valid UTF-8.';
    if (HAS_NUL.test(decoded)) return 'The search contains a NUL character.';
  }
  return null;
}
