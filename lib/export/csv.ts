/**
 * CSV for spreadsheets. Every field is quoted (RFC 4180), so a spreadsheet that splits on `;` or a
 * tab instead of `,` still reads each field whole: `they;=3+4` stays one cell and never becomes one
 * starting with `=`. A cell that a spreadsheet may read as a formula (see startsFormula) is also
 * prefixed with an apostrophe, so an exported name like "=HYPERLINK(...)" is shown, never run. The
 * file starts with a UTF-8 byte-order mark, which tells Excel the encoding (without it, accented
 * names arrive garbled).
 */
export type CsvCell = string | number | boolean | Date | null | undefined;

/** U+FEFF, written as the bytes EF BB BF at the start of a UTF-8 file. */
export const CSV_BOM = '\uFEFF';

/** A tab or carriage return first can hide what follows in a cell, so such a cell is always escaped. */
const HIDING_START = /^[\t\r]/;
/**
 * What spreadsheets skip or show as nothing in front of a formula: control characters, spaces of any
 * width (no-break, ideographic) and format characters (zero-width space, byte-order mark, bidi marks).
 */
const IGNORABLE_LEAD = /^[\p{Cc}\p{Cf}\p{Z}]+/u;
/** = + - @, and the minus sign U+2212 (the compatibility form of superscript and subscript minus). */
const FORMULA_TRIGGER = /^[=+\-@\u2212]/;

/**
 * Whether a spreadsheet may read the cell as a formula: it starts with = + - @ (or a tab or carriage
 * return), possibly after invisible characters, or with a look-alike that Unicode compatibility
 * normalisation (NFKC, which some spreadsheet imports apply) turns into one of them: the full-width
 * ＝ ＋ － ＠, the small ﹦ ﹢ ﹣ ﹫, the superscript and subscript ⁼ ⁺ ⁻ ₌ ₊ ₋, and the minus sign −.
 * The whole class is decided here, so every export escapes the same cells.
 */
export function startsFormula(value: string): boolean {
  if (HIDING_START.test(value)) return true;
  const first = value.replace(IGNORABLE_LEAD, '').codePointAt(0);
  return first !== undefined && FORMULA_TRIGGER.test(String.fromCodePoint(first).normalize('NFKC'));
}

export function neutraliseCell(value: string): string {
  return startsFormula(value) ? `'${value}` : value;
}

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '""';
  const text =
    value instanceof Date ? value.toISOString() : typeof value === 'number' || typeof value === 'boolean' ? String(value) : neutraliseCell(value);
  return `"${text.replace(/"/g, '""')}"`;
}

/** A whole file: the byte-order mark, the header, then one CRLF-terminated line per row. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return CSV_BOM + [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
