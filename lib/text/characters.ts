/**
 * How Mend counts the characters of what a person writes, on the server's limits and the browser's counters
 * alike: one per Unicode code point, so an emoji counts once (as a person counts it) and not as the two UTF-16
 * units of `string.length`. Code points rather than graphemes, because a grapheme may hold any number of
 * combining marks and a limit in graphemes would bound nothing that is stored.
 */
export function characterCount(text: string): number {
  return [...text].length;
}

/** Whether `text` is within a limit of `max` characters, counted as above. */
export function withinCharacters(text: string, max: number): boolean {
  return characterCount(text) <= max;
}

const OPTIONAL_MARK = /\s*\((?:optional)\)\s*$/i;

/**
 * A field's label without a trailing "(optional)": forms add that mark themselves from the field's `required`,
 * so a label that already carries it (a practice's own question, an older template) is not marked twice.
 */
export function labelWithoutOptionalMark(label: string): string {
  return label.replace(OPTIONAL_MARK, '');
}

/**
 * A count with en-US digit grouping ("2,000"), for the browser's character counters. Not `toLocaleString`: a
 * page's first use of the browser's Intl formatting loads its locale data, 40–230 ms of main thread measured on
 * the check-in page's start-up here, for a comma.
 */
export function groupedCount(n: number): string {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
