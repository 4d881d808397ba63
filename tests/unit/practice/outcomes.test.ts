import { describe, expect, it } from 'vitest';
import { alertAgeBucket, pairFor, summariseOutcomes, type Administration } from '../../../lib/practice/outcomes';
import { settingsInput } from '../../../lib/practice/schemas';

const DAY = 86_400_000;
const start = new Date('2026-01-05T12:00:00Z').getTime();
const at = (days: number) => new Date(start + days * DAY);
const adm = (clientId: string, measure: string, score: number, days: number, isBaseline = false): Administration => ({
  clientId,
  measure,
  score,
  completedAt: at(days),
  isBaseline,
});

describe('outcome pairs', () => {
  it('needs two administrations at least 8 weeks apart', () => {
    expect(pairFor([adm('a', 'phq9', 15, 0)])).toBeNull();
    expect(pairFor([adm('a', 'phq9', 15, 0), adm('a', 'phq9', 5, 55)])).toBeNull();
    expect(pairFor([adm('a', 'phq9', 15, 0), adm('a', 'phq9', 5, 56)])).toEqual({ baseline: 15, latest: 5 });
  });

  it('uses the marked baseline over the first, and the latest by date', () => {
    expect(pairFor([adm('a', 'phq9', 9, 70), adm('a', 'phq9', 20, 0), adm('a', 'phq9', 18, 7, true)])).toEqual({ baseline: 18, latest: 9 });
  });
});

describe('practice outcomes', () => {
  it('counts reliable improvement among eligible clients and recovery among cases at baseline', () => {
    const summary = summariseOutcomes([
      // Recovered and reliably improved on both.
      adm('a', 'phq9', 18, 0), adm('a', 'phq9', 4, 60), adm('a', 'gad7', 12, 0), adm('a', 'gad7', 3, 60),
      // No reliable change; still a case.
      adm('b', 'phq9', 14, 0), adm('b', 'phq9', 12, 60),
      // Not a case at baseline; deteriorated reliably.
      adm('c', 'gad7', 2, 0), adm('c', 'gad7', 9, 60),
      // Too short a history to count.
      adm('d', 'phq9', 20, 0), adm('d', 'phq9', 2, 30),
      // Other measures are ignored.
      adm('e', 'who5', 20, 0), adm('e', 'who5', 80, 90),
    ]);
    expect(summary).toEqual({ eligible: 3, reliableImprovement: 1, reliableDeterioration: 1, caseAtBaseline: 2, recovery: 1, reliableRecovery: 1 });
  });

  it('buckets open alerts by age', () => {
    const now = at(10);
    expect(alertAgeBucket(new Date(now.getTime() - 3_600_000), now)).toBe('under24h');
    expect(alertAgeBucket(new Date(now.getTime() - 30 * 3_600_000), now)).toBe('from24to72h');
    expect(alertAgeBucket(new Date(now.getTime() - 80 * 3_600_000), now)).toBe('over72h');
  });
});

describe('settings rules', () => {
  it('refuses a zone abbreviation', () => {
    const result = settingsInput.safeParse({ name: 'Practice', timeZone: 'EST', idleTimeoutMinutes: '15' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain('timeZone');
  });

  it.each([['0', false], ['1', true], ['30', true], ['31', false], ['15.5', false], ['abc', false]])('idle minutes %s → %s', (value, ok) => {
    const result = settingsInput.safeParse({ name: 'Practice', timeZone: 'Europe/London', idleTimeoutMinutes: value });
    expect(result.success).toBe(ok);
  });
});
