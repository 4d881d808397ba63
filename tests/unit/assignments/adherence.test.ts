import { describe, expect, it } from 'vitest';
import { adherence } from '@/lib/assignments/adherence';
import { OUR_RULES } from '@/lib/measures/rules';

const at = (s: string) => new Date(s);
const now = at('2026-04-30T12:00:00Z');

describe('adherence', () => {
  it('defaults to the 28-day window of OUR_RULES', () => {
    expect(OUR_RULES.adherenceWindowDays).toBe(28);
  });

  it('counts submitted and reviewed over due occurrences inside [now − 28 d, now]', () => {
    const occurrences = [
      { dueAt: at('2026-04-02T11:59:59Z'), status: 'submitted' }, // just before the window
      { dueAt: at('2026-04-02T12:00:00Z'), status: 'missed' }, // window start, included
      { dueAt: at('2026-04-10T12:00:00Z'), status: 'submitted' },
      { dueAt: at('2026-04-15T12:00:00Z'), status: 'reviewed' },
      { dueAt: at('2026-04-20T12:00:00Z'), status: 'pending' },
      { dueAt: at('2026-04-25T12:00:00Z'), status: 'cancelled' }, // excluded entirely
      { dueAt: at('2026-04-30T12:00:00Z'), status: 'draft' }, // now, included
      { dueAt: at('2026-05-01T12:00:00Z'), status: 'submitted' }, // done early, not yet due
    ];
    expect(adherence(occurrences, now)).toEqual({ due: 5, completed: 2, ratio: 0.4 });
  });

  it('uses the given window', () => {
    const occurrences = [
      { dueAt: at('2026-04-20T12:00:00Z'), status: 'submitted' },
      { dueAt: at('2026-04-24T12:00:00Z'), status: 'pending' },
      { dueAt: at('2026-04-29T12:00:00Z'), status: 'submitted' },
    ];
    expect(adherence(occurrences, now, 7)).toEqual({ due: 2, completed: 1, ratio: 0.5 });
    expect(adherence(occurrences, now, 28)).toEqual({ due: 3, completed: 2, ratio: 2 / 3 });
  });

  it('gives null, not zero, when nothing fell due', () => {
    expect(adherence([], now)).toEqual({ due: 0, completed: 0, ratio: null });
    expect(adherence([{ dueAt: at('2026-04-20T12:00:00Z'), status: 'cancelled' }], now)).toEqual({ due: 0, completed: 0, ratio: null });
    expect(adherence([{ dueAt: at('2026-05-20T12:00:00Z'), status: 'submitted' }], now)).toEqual({ due: 0, completed: 0, ratio: null });
  });

  it('reaches 1 when everything due was done', () => {
    expect(adherence([{ dueAt: at('2026-04-29T12:00:00Z'), status: 'reviewed' }], now).ratio).toBe(1);
  });

  it('refuses a nonsensical window', () => {
    expect(() => adherence([], now, 0)).toThrow(RangeError);
    expect(() => adherence([], now, Number.NaN)).toThrow(RangeError);
  });
});
