import { describe, expect, it } from 'vitest';

import {
  ACK_ACTIONS,
  ALERT_KINDS,
  ALERT_TRIGGERS,
  acknowledgementSchema,
  alertsForChange,
  alertsForCheckin,
  alertsForPhq9,
  alertsForSafePlacePractice,
  highestTier,
  withoutOpenKinds,
  type CheckinForAlerts,
} from '@/lib/alerts/triggers';
import { scoreMeasure } from '@/lib/measures';

function phq(values: readonly (number | null)[]) {
  return Object.fromEntries(values.map((v, i) => [`q${i + 1}`, v]));
}

function c(localDay: string, distress: number, safetyThoughts?: boolean): CheckinForAlerts {
  return { localDay, distress, safetyThoughts };
}

const kinds = (alerts: { kind: string; tier: string }[]) => alerts.map((a) => `${a.kind}:${a.tier}`);

describe('trigger table', () => {
  it('has one entry per kind with a tier and a client-safe reason', () => {
    for (const kind of ALERT_KINDS) {
      expect(ALERT_TRIGGERS[kind].kind).toBe(kind);
      expect(['urgent', 'follow_up']).toContain(ALERT_TRIGGERS[kind].tier);
      expect(ALERT_TRIGGERS[kind].reason.length).toBeGreaterThan(10);
    }
    expect(ALERT_TRIGGERS.phq9_item9_unanswered.title).toBe('Safety item unanswered');
  });
});

describe('alertsForPhq9', () => {
  it.each([
    ['nothing: item 9 = 0, total 19', [3, 3, 3, 3, 3, 3, 1, 0, 0], []],
    ['item 9 = 1 → follow-up', [0, 0, 0, 0, 0, 0, 0, 0, 1], ['phq9_item9_positive:follow_up']],
    ['item 9 = 2 → urgent', [0, 0, 0, 0, 0, 0, 0, 0, 2], ['phq9_urgent:urgent']],
    ['item 9 = 3 → urgent', [0, 0, 0, 0, 0, 0, 0, 0, 3], ['phq9_urgent:urgent']],
    ['total 20 with item 9 = 0 → urgent', [3, 3, 3, 3, 3, 3, 2, 0, 0], ['phq9_urgent:urgent']],
    ['total 27: one urgent alert, not two', [3, 3, 3, 3, 3, 3, 3, 3, 3], ['phq9_urgent:urgent']],
    [
      'item 9 = 1 and total 20: one alert per trigger',
      [3, 3, 3, 3, 3, 3, 1, 0, 1],
      ['phq9_item9_positive:follow_up', 'phq9_urgent:urgent'],
    ],
    ['item 9 unanswered → follow-up "safety item unanswered"', [0, 0, 0, 0, 0, 0, 0, 0, null], ['phq9_item9_unanswered:follow_up']],
    [
      'item 9 unanswered, answered items already sum to 24 → also urgent',
      [3, 3, 3, 3, 3, 3, 3, 3, null],
      ['phq9_item9_unanswered:follow_up', 'phq9_urgent:urgent'],
    ],
  ] as const)('%s', (_l, values, expected) => {
    const answers = phq(values);
    const result = scoreMeasure('phq9', answers);
    const alerts = alertsForPhq9(answers, result.complete ? result.score : null);
    expect(kinds(alerts)).toEqual(expected);
    expect(new Set(alerts.map((a) => a.kind)).size).toBe(alerts.length);
  });

  it('uses the prorated total: 2 missing, 16 × 9 / 7 = 20.6 → 21 → urgent', () => {
    const answers = phq([3, 3, 3, 3, 3, 1, null, null, 0]);
    const result = scoreMeasure('phq9', answers);
    expect(result.complete && result.score).toBe(21);
    expect(kinds(alertsForPhq9(answers, result.complete ? result.score : null))).toEqual(['phq9_urgent:urgent']);
  });

  it('merges the matched conditions of one kind', () => {
    const [alert] = alertsForPhq9(phq([3, 3, 3, 3, 3, 3, 3, 3, 3]), 27);
    expect(alert?.matched).toEqual(['item 9 = 3', 'total = 27']);
  });
});

describe('alertsForCheckin', () => {
  it('safety yes → urgent', () => {
    expect(kinds(alertsForCheckin(c('2025-01-03', 10, true)))).toEqual(['checkin_safety_yes:urgent']);
  });

  it.each([
    ['safety no', c('2025-01-03', 10, false)],
    ['safety not asked', c('2025-01-03', 10)],
  ])('%s → nothing', (_l, checkin) => {
    expect(alertsForCheckin(checkin)).toEqual([]);
  });

  it.each([
    ['three in a row at 80', [c('2025-01-01', 80), c('2025-01-02', 80)], 80, true],
    ['three in a row, history out of order', [c('2025-01-02', 90), c('2025-01-01', 100)], 90, true],
    ['only two', [c('2025-01-02', 90)], 90, false],
    ['one of the three at 70', [c('2025-01-01', 70), c('2025-01-02', 90)], 90, false],
    ['today below 80', [c('2025-01-01', 90), c('2025-01-02', 90)], 70, false],
    ['older high ones do not count past a low one', [c('2024-12-30', 90), c('2024-12-31', 90), c('2025-01-01', 50), c('2025-01-02', 90)], 90, false],
    ['gaps in days still count as in a row', [c('2024-12-20', 90), c('2024-12-28', 90)], 90, true],
    ['a same-day earlier entry is replaced, not counted', [c('2025-01-02', 90), c('2025-01-03', 90)], 90, false],
    ['a fourth in a row still fires', [c('2024-12-31', 90), c('2025-01-01', 90), c('2025-01-02', 90)], 90, true],
  ] as const)('distress streak: %s', (_l, recent, today, fires) => {
    const alerts = alertsForCheckin(c('2025-01-03', today), recent);
    expect(kinds(alerts)).toEqual(fires ? ['checkin_distress_streak:follow_up'] : []);
  });

  it('safety yes and a streak together give one alert of each kind', () => {
    const alerts = alertsForCheckin(c('2025-01-03', 100, true), [c('2025-01-01', 80), c('2025-01-02', 80)]);
    expect(kinds(alerts)).toEqual(['checkin_safety_yes:urgent', 'checkin_distress_streak:follow_up']);
  });
});

describe('other triggers', () => {
  it('safe-place intrusion → follow-up', () => {
    expect(kinds(alertsForSafePlacePractice({ distressingIntrusion: true }))).toEqual(['safe_place_intrusion:follow_up']);
    expect(alertsForSafePlacePractice({ distressingIntrusion: false })).toEqual([]);
    expect(alertsForSafePlacePractice({ distressingIntrusion: null })).toEqual([]);
  });

  it.each([
    ['phq9', 8, 14, ['phq9_reliable_deterioration:follow_up']],
    ['phq9', 8, 13, []],
    ['phq9', 20, 10, []],
    ['gad7', 5, 9, ['gad7_reliable_deterioration:follow_up']],
    ['gad7', 5, 8, []],
    ['who5', 80, 40, []],
    ['scssf', 4, 2, []],
  ] as const)('reliable deterioration %s %d → %d', (key, baseline, latest, expected) => {
    expect(kinds(alertsForChange(key, baseline, latest))).toEqual(expected);
  });

  it('highestTier', () => {
    expect(highestTier([])).toBeNull();
    expect(highestTier([{ tier: 'follow_up' }])).toBe('follow_up');
    expect(highestTier([{ tier: 'follow_up' }, { tier: 'urgent' }])).toBe('urgent');
  });

  it('withoutOpenKinds drops kinds that already have an open alert', () => {
    const alerts = alertsForCheckin(c('2025-01-03', 90, true), [c('2025-01-01', 90), c('2025-01-02', 90)]);
    expect(kinds(withoutOpenKinds(alerts, ['checkin_distress_streak']))).toEqual(['checkin_safety_yes:urgent']);
  });
});

describe('acknowledgementSchema', () => {
  it.each(ACK_ACTIONS.filter((a) => a !== 'no_action_needed'))('%s needs no reason', (action) => {
    expect(acknowledgementSchema.safeParse({ action }).success).toBe(true);
  });

  it('no_action_needed requires a reason', () => {
    const r = acknowledgementSchema.safeParse({ action: 'no_action_needed' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['reason']);
    expect(acknowledgementSchema.safeParse({ action: 'no_action_needed', reason: '   ' }).success).toBe(false);
    expect(acknowledgementSchema.safeParse({ action: 'no_action_needed', reason: 'Known, discussed in session.' }).success).toBe(
      true,
    );
  });

  it('refuses an unknown action and unknown keys', () => {
    expect(acknowledgementSchema.safeParse({ action: 'ignored' }).success).toBe(false);
    expect(acknowledgementSchema.safeParse({ action: 'contacted_client', alertId: 'x' }).success).toBe(false);
  });
});
