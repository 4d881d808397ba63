/**
 * CSV for spreadsheets. Every field is quoted (RFC 4180), so a spreadsheet that splits on `;` or a
 * tab instead of `,` still reads each field whole: `they;=3+4` stays one cell and never becomes one
 * starting with `=`. A cell that a spreadsheet would read as a formula (starting with = + - @, or a
 * tab or carriage return that hides one) is also prefixed with an apostrophe, so an exported name
 * like "=HYPERLINK(...)" is shown, never run. The file starts with a UTF-8 byte-order mark, which
 * tells Excel the encoding (without it, accented names arrive garbled).
 */
export type CsvCell = string | number | boolean | Date | null | undefined;

/** U+FEFF, written as the bytes EF BB BF at the start of a UTF-8 file. */
export const CSV_BOM = '\uFEFF';

const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
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
