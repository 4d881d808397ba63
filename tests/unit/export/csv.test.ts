import { describe, expect, it } from 'vitest';
import { csvCell, neutraliseCell, toCsv } from '../../../lib/export/csv';

describe('CSV export', () => {
  it.each(['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\t=1', '\r=1'])('neutralises a formula-looking cell %j', (value) => {
    expect(neutraliseCell(value)).toBe(`'${value}`);
    expect(csvCell(value).replace(/^"|"$/g, '').startsWith("'")).toBe(true);
  });

  it('leaves ordinary text, numbers and dates alone', () => {
    expect(csvCell('client.create')).toBe('client.create');
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(new Date('2026-01-02T03:04:05Z'))).toBe('2026-01-02T03:04:05.000Z');
    expect(csvCell(null)).toBe('');
  });

  it('quotes commas, quotes and line breaks', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });

  it('builds rows with CRLF line ends', () => {
    expect(toCsv(['a', 'b'], [['1', '=x'], [null, 'y']])).toBe("a,b\r\n1,'=x\r\n,y\r\n");
  });
});
