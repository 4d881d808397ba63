import { describe, expect, it } from 'vitest';
import { CSV_BOM, csvCell, neutraliseCell, startsFormula, toCsv } from '../../../lib/export/csv';
import { parseCsv } from '../../support/csv';

describe('CSV export', () => {
  it.each(['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\t=1', '\r=1'])('neutralises a formula-looking cell %j', (value) => {
    expect(neutraliseCell(value)).toBe(`'${value}`);
    expect(csvCell(value).replace(/^"|"$/g, '').startsWith("'")).toBe(true);
  });

  /** Every code point, each a string of its own (surrogates left out: they are not characters). */
  const everyCharacter = function* () {
    for (let c = 0; c <= 0x10ffff; c += 1) if (c < 0xd800 || c > 0xdfff) yield String.fromCodePoint(c);
  };
  // Derived from Unicode, not listed by hand: whatever compatibility normalisation turns into = + - @ (or the minus sign).
  const triggers = [...everyCharacter()].filter((ch) => /^[=+\-@\u2212]/.test(ch.normalize('NFKC')));
  const invisible = [...everyCharacter()].filter((ch) => /^[\p{Cc}\p{Cf}\p{Z}]$/u.test(ch));

  it('knows the look-alike triggers: full-width, small, superscript and subscript forms and the minus sign', () => {
    for (const ch of ['＝', '＋', '－', '＠', '﹦', '﹢', '﹣', '﹫', '⁼', '⁺', '⁻', '₌', '₊', '₋', '−']) {
      expect(triggers, ch).toContain(ch);
    }
  });

  it('neutralises a cell starting with any character that normalises to = + - @', () => {
    for (const ch of triggers) expect(neutraliseCell(`${ch}HYPERLINK("x")`), ch).toBe(`'${ch}HYPERLINK("x")`);
  });

  it('neutralises a trigger behind any run of control, space or format characters', () => {
    for (const lead of invisible) {
      for (const ch of ['=', '＝', '+', '@', '－']) {
        expect(startsFormula(`${lead}${ch}1+1`), `U+${lead.codePointAt(0)!.toString(16)} ${ch}`).toBe(true);
      }
    }
    for (const lead of [' \t ', '\u200b\u00a0', '\ufeff\u3000', '\u202e\u2066 ', '\n\n', '\u0000']) {
      expect(neutraliseCell(`${lead}＝cmd|' /C calc'!A0`)).toBe(`'${lead}＝cmd|' /C calc'!A0`);
    }
  });

  it('leaves ordinary text alone', () => {
    for (const value of ['Zoë', "O'Brien", 'a=b', '3 - 4', '2026-01-02', 'self-care', ' walk', '(=1)', '', '\u200bAnn', '﹡']) {
      expect(neutraliseCell(value), JSON.stringify(value)).toBe(value);
    }
  });

  it('writes numbers as numbers: a negative score or change is not escaped', () => {
    expect(csvCell(-3)).toBe('"-3"');
    expect(csvCell(-0.5)).toBe('"-0.5"');
    expect(toCsv(['Change'], [[-12]])).toBe(`${CSV_BOM}"Change"\r\n"-12"\r\n`);
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
