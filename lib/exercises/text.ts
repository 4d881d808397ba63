/** C0 controls except tab and newline, DEL, and C1 controls. CR is normalised away before this runs. */
const FORBIDDEN_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** Textareas submit CRLF; store one newline convention so lengths and diffs are stable. */
export function normalizeNewlines(value: string): string {
  return value.replace(/\r\n?/g, '\n');
}

export function hasForbiddenControl(value: string): boolean {
  return FORBIDDEN_CONTROL.test(value);
}

/** Lone surrogates cannot be stored in Postgres text/jsonb and never come from a real keyboard. */
export function isWellFormedText(value: string): boolean {
  return !hasForbiddenControl(value) && value.isWellFormed();
}

/**
 * Derives a stable snake_case identifier from a human label: 'Evidence against?' → 'evidence_against'.
 * Always starts with a letter so it is safe as an object key, a form field name and a URL fragment.
 */
export function slugify(label: string, maxLength = 40): string {
  const base = label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, maxLength)
    .replace(/_+$/g, '');
  if (base === '') return 'field';
  return /^[a-z]/.test(base) ? base : `f_${base}`.slice(0, maxLength);
}

/** Makes `slug` unique against `taken` by suffixing _2, _3, … and records the result in `taken`. */
export function uniqueSlug(slug: string, taken: Set<string>, maxLength = 40): string {
  let candidate = slug;
  for (let n = 2; taken.has(candidate); n += 1) {
    const suffix = `_${n}`;
    candidate = `${slug.slice(0, maxLength - suffix.length)}${suffix}`;
  }
  taken.add(candidate);
  return candidate;
}

export const SLUG_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;
