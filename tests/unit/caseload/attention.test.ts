import { describe, expect, it } from 'vitest';
import {
  ATTENTION_CRITERIA,
  ATTENTION_EXPLANATION,
  type AttentionFacts,
  DISENGAGED_AFTER_DAYS,
  EVERYONE_ELSE_RANK,
  attentionCriterion,
  attentionRank,
} from '../../../lib/caseload/attention';
import { relativeDay } from '../../../lib/caseload/format';
import { DEFAULT_VIEW, parseRosterView, rosterViewToSearchParams } from '../../../lib/caseload/view';

const calm: AttentionFacts = {
  status: 'active',
  openUrgentAlerts: 0,
  openFollowUpAlerts: 0,
  phq9Change: 'reliable_improvement',
  gad7Change: 'no_reliable_change',
  overdueHomework: 0,
  daysSinceCheckin: 0,
};

describe('the attention rule', () => {
  it.each([
    ['urgent_alert', { openUrgentAlerts: 1, openFollowUpAlerts: 2, overdueHomework: 3, daysSinceCheckin: 30 }],
    ['follow_up_alert', { openFollowUpAlerts: 1, gad7Change: 'reliable_deterioration' as const, daysSinceCheckin: null }],
    ['reliable_deterioration', { gad7Change: 'reliable_deterioration' as const, overdueHomework: 1 }],
    ['overdue_homework', { overdueHomework: 2, daysSinceCheckin: DISENGAGED_AFTER_DAYS }],
    ['no_recent_checkin', { daysSinceCheckin: DISENGAGED_AFTER_DAYS }],
    ['no_recent_checkin', { daysSinceCheckin: null }],
  ])('ranks a client meeting %s (and anything lower) by that criterion', (id, facts) => {
    expect(attentionCriterion(attentionRank({ ...calm, ...facts }))?.id).toBe(id);
  });

  it('puts everyone else last, including quiet clients who are not active', () => {
    expect(attentionRank(calm)).toBe(EVERYONE_ELSE_RANK);
    expect(attentionRank({ ...calm, daysSinceCheckin: DISENGAGED_AFTER_DAYS - 1 })).toBe(EVERYONE_ELSE_RANK);
    expect(attentionRank({ ...calm, status: 'paused', daysSinceCheckin: null })).toBe(EVERYONE_ELSE_RANK);
    // Facts the viewer may not see (null) never raise a client.
    expect(attentionRank({ ...calm, openUrgentAlerts: null, phq9Change: null, gad7Change: null })).toBe(EVERYONE_ELSE_RANK);
    expect(attentionCriterion(EVERYONE_ELSE_RANK)).toBeNull();
  });

  it('explains itself in the order it applies', () => {
    let at = -1;
    for (const c of ATTENTION_CRITERIA) {
      const next = ATTENTION_EXPLANATION.indexOf(c.label);
      expect(next).toBeGreaterThan(at);
      at = next;
    }
    expect(ATTENTION_EXPLANATION).toMatch(/Everyone else/);
  });
});

describe('roster display and URL helpers', () => {
  it('says how long ago a local day was', () => {
    expect(relativeDay('2026-03-10', '2026-03-10')).toBe('today');
    expect(relativeDay('2026-03-10', '2026-03-09')).toBe('yesterday');
    expect(relativeDay('2026-03-10', '2026-03-01')).toBe('9 days ago');
    expect(relativeDay('2026-03-10', '2026-03-11')).toBe('tomorrow');
    expect(relativeDay('2026-03-10', '2026-03-14')).toBe('in 4 days');
  });

  it('round-trips a view through the URL, leaving defaults out, and the search beside it (never in it)', () => {
    expect(rosterViewToSearchParams(DEFAULT_VIEW).toString()).toBe('');
    const view = { ...DEFAULT_VIEW, sort: 'gad7' as const, dir: 'desc' as const, q: 'Alex R', band: 'phq9:mild', overdue: true, page: 2, size: 50 };
    expect(rosterViewToSearchParams(view).has('q')).toBe(false);
    expect(parseRosterView(rosterViewToSearchParams(view), view.q)).toEqual(view);
  });
});
