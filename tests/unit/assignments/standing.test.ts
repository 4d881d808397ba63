import { describe, expect, it } from 'vitest';
import { canSetAside, countsAsOverdue, HOMEWORK_GRACE_DAYS, homeworkStanding } from '@/lib/assignments/standing';

const now = new Date('2026-03-10T12:00:00Z');
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);

describe('where homework stands', () => {
  it('is open before its due time and gently late for the grace period after it', () => {
    expect(HOMEWORK_GRACE_DAYS).toBe(3);
    expect(homeworkStanding({ status: 'due', dueAt: hoursAgo(-1) }, now)).toBe('open');
    expect(homeworkStanding({ status: 'due', dueAt: now }, now)).toBe('open');
    expect(homeworkStanding({ status: 'due', dueAt: hoursAgo(1) }, now)).toBe('late');
    expect(homeworkStanding({ status: 'in_progress', dueAt: hoursAgo(72) }, now)).toBe('late');
  });

  it('moves quietly to missed once the grace period is over, whatever status was stored', () => {
    expect(homeworkStanding({ status: 'due', dueAt: hoursAgo(72.01) }, now)).toBe('missed');
    expect(homeworkStanding({ status: 'in_progress', dueAt: hoursAgo(24 * 11) }, now)).toBe('missed');
    expect(homeworkStanding({ status: 'missed', dueAt: hoursAgo(24 * 11) }, now)).toBe('missed');
    expect(homeworkStanding({ status: 'due', dueAt: hoursAgo(30) }, now, 1)).toBe('missed');
  });

  it('an item set aside, sent or withdrawn is never late or missed', () => {
    expect(homeworkStanding({ status: 'set_aside', dueAt: hoursAgo(200) }, now)).toBe('set_aside');
    expect(homeworkStanding({ status: 'submitted', dueAt: hoursAgo(200) }, now)).toBe('done');
    expect(homeworkStanding({ status: 'reviewed', dueAt: hoursAgo(200) }, now)).toBe('done');
    expect(homeworkStanding({ status: 'cancelled', dueAt: hoursAgo(200) }, now)).toBe('cancelled');
  });

  it('the care team counts late and missed items as overdue, never one the client set aside', () => {
    expect(countsAsOverdue({ status: 'due', dueAt: hoursAgo(1) }, now)).toBe(true);
    expect(countsAsOverdue({ status: 'in_progress', dueAt: hoursAgo(24 * 11) }, now)).toBe(true);
    expect(countsAsOverdue({ status: 'set_aside', dueAt: hoursAgo(24 * 11) }, now)).toBe(false);
    expect(countsAsOverdue({ status: 'due', dueAt: hoursAgo(-5) }, now)).toBe(false);
    expect(countsAsOverdue({ status: 'submitted', dueAt: hoursAgo(5) }, now)).toBe(false);
  });

  it('only open items can be set aside', () => {
    expect(['due', 'in_progress', 'missed'].every(canSetAside)).toBe(true);
    expect(['submitted', 'reviewed', 'cancelled', 'set_aside'].some(canSetAside)).toBe(false);
  });
});
