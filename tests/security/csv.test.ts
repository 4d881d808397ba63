import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../lib/export/csv';

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
      fc.property(fc.string({ maxLength: 60 }), fc.constantFrom('=', '+', '-', '@', '\t', '\r', ''), (text, lead) => {
        const cell = csvCell(lead + text);
        const unquoted = cell.startsWith('"') ? cell.slice(1) : cell;
        expect(/^[=+\-@\t\r]/.test(unquoted)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('quoting round-trips commas, quotes and line breaks', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 30 }).filter((s) => !/^[=+\-@\t\r]/.test(s)), { minLength: 1, maxLength: 5 }), (row) => {
        const csv = toCsv(row.map((_, i) => `h${i}`), [row]);
        const body = csv.slice(csv.indexOf('\r\n') + 2, -2);
        expect(parseRecord(body)).toEqual(row);
      }),
      { numRuns: 300 },
    );
  });
});
