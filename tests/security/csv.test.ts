import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, startsFormula, toCsv } from '../../lib/export/csv';

/** Reads one RFC 4180 record back, to check that quoting round-trips whatever users wrote. */
function parseRecord(line: string): string[] {
  const cells: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let value = '';
      i += 1;
      while (i < line.length) {
        if (line[i] === '"' && line[i + 1] === '"') {
          value += '"';
          i += 2;
        } else if (line[i] === '"') break;
        else value += line[i++];
      }
      cells.push(value);
      i += 2;
    } else {
      const end = line.indexOf(',', i);
      cells.push(line.slice(i, end < 0 ? line.length : end));
      i = end < 0 ? line.length + 1 : end + 1;
    }
  }
  return cells;
}

describe('CSV exports of user text', () => {
  it('no cell can start a formula, whatever was typed', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 60 }),
        fc.constantFrom('', ' ', '\u00a0', '\u200b', '\ufeff', '\u202e', '\n', '\u0000', ' \t '),
        fc.constantFrom('=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠', '﹦', '﹫', '⁺', '₌', '−', ''),
        (text, blank, lead) => {
          const cell = csvCell(blank + lead + text);
          const unquoted = cell.startsWith('"') ? cell.slice(1) : cell;
          // What a spreadsheet may see first: past invisible characters, after compatibility normalisation.
          const seen = unquoted.replace(/^[\p{Cc}\p{Cf}\p{Z}]+/u, '').normalize('NFKC');
          expect(/^[\t\r]/.test(unquoted) || /^[=+\-@\u2212]/.test(seen)).toBe(false);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('quoting round-trips commas, quotes and line breaks', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 30 }).filter((s) => !startsFormula(s)), { minLength: 1, maxLength: 5 }), (row) => {
        const csv = toCsv(row.map((_, i) => `h${i}`), [row]);
        const body = csv.slice(csv.indexOf('\r\n') + 2, -2);
        expect(parseRecord(body)).toEqual(row);
      }),
      { numRuns: 300 },
    );
  });
});
