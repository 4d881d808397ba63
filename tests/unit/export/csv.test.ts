import { describe, expect, it } from 'vitest';
import { CSV_BOM, csvCell, neutraliseCell, toCsv } from '../../../lib/export/csv';
import { parseCsv } from '../../support/csv';

describe('CSV export', () => {
  it.each(['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\t=1', '\r=1'])('neutralises a formula-looking cell %j', (value) => {
    expect(neutraliseCell(value)).toBe(`'${value}`);
    expect(csvCell(value).replace(/^"|"$/g, '').startsWith("'")).toBe(true);
  });

  it('quotes every field: text, numbers, dates and empty cells', () => {
    expect(csvCell('client.create')).toBe('"client.create"');
    expect(csvCell(-3)).toBe('"-3"');
    expect(csvCell(new Date('2026-01-02T03:04:05Z'))).toBe('"2026-01-02T03:04:05.000Z"');
    expect(csvCell(null)).toBe('""');
  });

  it('doubles quotes and keeps commas and line breaks inside the field', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });

  it('starts with a UTF-8 byte-order mark and ends every row with CRLF', () => {
    const csv = toCsv(['a', 'b'], [['1', '=x'], [null, 'Zoë']]);
    expect(csv).toBe(`${CSV_BOM}"a","b"\r\n"1","'=x"\r\n"","Zoë"\r\n`);
    expect([...Buffer.from(csv, 'utf8').subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('a spreadsheet splitting on ";" still reads "they;=3+4" as one cell, and no cell starts a formula', () => {
    const csv = toCsv(['pronouns', 'name'], [['they;=3+4', 'a;+b'], ['x\t=1', '@y']]);
    expect(parseCsv(csv, ',')[1]).toEqual(['they;=3+4', 'a;+b']);
    for (const separator of [',', ';', '\t']) {
      const rows = parseCsv(csv, separator);
      expect(rows[1]![0]).toMatch(/^they;=3\+4/);
      for (const cell of rows.flat()) expect(cell, `${JSON.stringify(separator)}: ${cell}`).not.toMatch(/^[=+\-@]/);
    }
  });
});
