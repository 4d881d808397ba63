import { describe, expect, it } from 'vitest';
import { isUuid } from '../../../lib/access/ids';
import { parseAuditFilters } from '../../../lib/audit/queries';

describe('ids from URLs and forms', () => {
  it.each([
    ['7b1e3a52-0c4d-4e1a-9a51-2d6f0f9c0001', true],
    ['7B1E3A52-0C4D-4E1A-9A51-2D6F0F9C0001', true],
    ['------------------------------------', false],
    ['aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', false],
    ['7b1e3a52-0c4d-4e1a-9a51-2d6f0f9c000', false],
    [42, false],
  ])('isUuid(%s) is %s', (value, expected) => {
    expect(isUuid(value)).toBe(expected);
  });
});

describe('audit filters', () => {
  it.each(['2024-02-30', '0000-01-01', '2024-13-01', '2024-1-01', "2024-01-01' or 1=1"])('drops the impossible day %s', (day) => {
    expect(parseAuditFilters({ from: day, to: day })).toMatchObject({ from: null, to: null });
  });
  it('keeps real days, including a leap day', () => {
    expect(parseAuditFilters({ from: '2024-02-29', to: '2026-11-26' })).toMatchObject({ from: '2024-02-29', to: '2026-11-26' });
  });
});
