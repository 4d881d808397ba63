import { z } from 'zod';

import { classifyChange } from '@/lib/measures/change';
import { OUR_RULES } from '@/lib/measures/rules';
import type { Answers } from '@/lib/measures/types';
import { ACK_ACTIONS } from './ack-actions';

export { ACK_ACTIONS, ACK_ACTION_LABELS, type AckAction } from './ack-actions';

/** The trigger table of docs/clinical.md §5.1, as data. One kind per row, so each trigger raises exactly one alert. */

export type AlertTier = 'urgent' | 'follow_up';

export const ALERT_KINDS = [
  'phq9_item9_positive',
  'phq9_urgent',
  'phq9_item9_unanswered',
  'checkin_safety_yes',
  'checkin_distress_streak',
  'safe_place_intrusion',
  'phq9_reliable_deterioration',
  'gad7_reliable_deterioration',
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export interface AlertTrigger {
  kind: AlertKind;
  tier: AlertTier;
  /** The rule, for the care team and the audit log. */
  trigger: string;
  /** Short title for the roster. */
  title: string;
  /** Client-safe wording: describes what was noticed without alarming or judging. */
  reason: string;
}

export const ALERT_TRIGGERS: Readonly<Record<AlertKind, AlertTrigger>> = {
  phq9_item9_positive: {
    kind: 'phq9_item9_positive',
    tier: 'follow_up',
    trigger: 'PHQ-9 item 9 = 1',
    title: 'PHQ-9 item 9 answered "Several days"',
    reason: 'You mentioned some thoughts of being better off dead or of hurting yourself. Your care team will follow up with you.',
  },
  phq9_urgent: {
    kind: 'phq9_urgent',
    tier: 'urgent',
    trigger: 'PHQ-9 item 9 ≥ 2, or PHQ-9 total ≥ 20',
    title: 'PHQ-9 needs urgent review',
    reason: 'Your answers show you are going through a very hard time. Your care team will be in touch as soon as they can.',
  },
  phq9_item9_unanswered: {
    kind: 'phq9_item9_unanswered',
    tier: 'follow_up',
    trigger: 'PHQ-9 item 9 unanswered',
    title: 'Safety item unanswered',
    reason: 'The question about thoughts of hurting yourself was left blank. Your care team may ask you about it.',
  },
  checkin_safety_yes: {
    kind: 'checkin_safety_yes',
    tier: 'urgent',
    trigger: 'Daily safety question answered yes',
    title: 'Check-in: thoughts of self-harm',
    reason: 'You told us you have had thoughts of harming yourself today. Your care team will be in touch as soon as they can.',
  },
  checkin_distress_streak: {
    kind: 'checkin_distress_streak',
    tier: 'follow_up',
    trigger: `Distress ≥ ${OUR_RULES.distressStreak.threshold} on ${OUR_RULES.distressStreak.consecutive} check-ins in a row`,
    title: 'High distress several check-ins running',
    reason: 'Your distress has been high for several check-ins in a row. Your care team will check in with you.',
  },
  safe_place_intrusion: {
    kind: 'safe_place_intrusion',
    tier: 'follow_up',
    trigger: 'Safe-place practice: distressing intrusion',
    title: 'Safe-place practice: something distressing intruded',
    reason: 'Something distressing came up during your safe-place practice. Your care team will talk it through with you.',
  },
  phq9_reliable_deterioration: {
    kind: 'phq9_reliable_deterioration',
    tier: 'follow_up',
    trigger: 'Reliable deterioration on PHQ-9',
    title: 'PHQ-9 reliably worse than baseline',
    reason: 'Your PHQ-9 score has gone up by more than chance would explain. Your care team will follow up with you.',
  },
  gad7_reliable_deterioration: {
    kind: 'gad7_reliable_deterioration',
    tier: 'follow_up',
    trigger: 'Reliable deterioration on GAD-7',
    title: 'GAD-7 reliably worse than baseline',
    reason: 'Your GAD-7 score has gone up by more than chance would explain. Your care team will follow up with you.',
  },
};

export interface AlertDraft {
  kind: AlertKind;
  tier: AlertTier;
  title: string;
  reason: string;
  /** Which conditions of the trigger matched, for the care team (e.g. ["item 9 = 3", "total = 24"]). */
  matched: string[];
}

function draft(kind: AlertKind, matched: string[]): AlertDraft {
  const t = ALERT_TRIGGERS[kind];
  return { kind, tier: t.tier, title: t.title, reason: t.reason, matched };
}

/** Each distinct kind once, in the order first raised; matched conditions are merged. */
function uniqueByKind(drafts: readonly AlertDraft[]): AlertDraft[] {
  const byKind = new Map<AlertKind, AlertDraft>();
  for (const d of drafts) {
    const existing = byKind.get(d.kind);
    if (existing) existing.matched = [...new Set([...existing.matched, ...d.matched])];
    else byKind.set(d.kind, { ...d, matched: [...d.matched] });
  }
  return [...byKind.values()];
}

function answered(value: number | null | undefined): value is number {
  return value !== null && value !== undefined;
}

const PHQ9_URGENT_TOTAL = 20;
const PHQ9_URGENT_ITEM9 = 2;

/**
 * Alerts from one PHQ-9 administration, from its raw answers so that a form too incomplete to score can
 * still raise them. The total used is the scored (prorated) total when one is given; otherwise the sum of the
 * answered items, which can only understate the true total, so ≥ 20 on it is ≥ 20 for certain.
 */
export function alertsForPhq9(answers: Answers, scoredTotal?: number | null): AlertDraft[] {
  const drafts: AlertDraft[] = [];
  const item9 = answers.q9;
  if (!answered(item9)) drafts.push(draft('phq9_item9_unanswered', ['item 9 unanswered']));
  else if (item9 === 1) drafts.push(draft('phq9_item9_positive', ['item 9 = 1']));
  else if (item9 >= PHQ9_URGENT_ITEM9) drafts.push(draft('phq9_urgent', [`item 9 = ${item9}`]));

  let answeredSum = 0;
  for (let n = 1; n <= 9; n++) {
    const v = answers[`q${n}`];
    if (answered(v)) answeredSum += v;
  }
  const total = answered(scoredTotal) ? Math.max(scoredTotal, answeredSum) : answeredSum;
  if (total >= PHQ9_URGENT_TOTAL) drafts.push(draft('phq9_urgent', [`total = ${total}`]));
  return uniqueByKind(drafts);
}

export interface CheckinForAlerts {
  localDay: string;
  distress: number;
  safetyThoughts?: boolean | null;
}

/**
 * Alerts from a check-in. `recent` are earlier check-ins (any order; one per local day; a same-day entry is
 * the one this check-in replaces and is ignored). "In a row" means consecutive check-ins, not calendar days.
 */
export function alertsForCheckin(checkin: CheckinForAlerts, recent: readonly CheckinForAlerts[] = []): AlertDraft[] {
  const drafts: AlertDraft[] = [];
  if (checkin.safetyThoughts === true) drafts.push(draft('checkin_safety_yes', ['safety question answered yes']));

  const { threshold, consecutive } = OUR_RULES.distressStreak;
  const earlier = recent
    .filter((c) => c.localDay < checkin.localDay)
    .sort((a, b) => (a.localDay < b.localDay ? 1 : -1))
    .slice(0, consecutive - 1);
  const run = [checkin, ...earlier];
  if (run.length === consecutive && run.every((c) => c.distress >= threshold)) {
    drafts.push(draft('checkin_distress_streak', run.map((c) => `${c.localDay}: distress ${c.distress}`)));
  }
  return uniqueByKind(drafts);
}

export function alertsForSafePlacePractice(practice: { distressingIntrusion: boolean | null | undefined }): AlertDraft[] {
  return practice.distressingIntrusion === true ? [draft('safe_place_intrusion', ['distressing intrusion: yes'])] : [];
}

/** Reliable deterioration from baseline on PHQ-9 or GAD-7; other measures raise no alert. */
export function alertsForChange(key: string, baseline: number, latest: number): AlertDraft[] {
  if (key !== 'phq9' && key !== 'gad7') return [];
  if (classifyChange(key, baseline, latest) !== 'reliable_deterioration') return [];
  return [draft(`${key}_reliable_deterioration`, [`baseline ${baseline} → latest ${latest}`])];
}

/** The most serious tier among alerts, for choosing how prominently to show the crisis panel. */
export function highestTier(alerts: readonly Pick<AlertDraft, 'tier'>[]): AlertTier | null {
  if (alerts.some((a) => a.tier === 'urgent')) return 'urgent';
  return alerts.length > 0 ? 'follow_up' : null;
}

/** Drops drafts whose kind already has an open (unacknowledged) alert for the client, so a streak does not repeat. */
export function withoutOpenKinds(alerts: readonly AlertDraft[], openKinds: Iterable<AlertKind>): AlertDraft[] {
  const open = new Set(openKinds);
  return alerts.filter((a) => !open.has(a.kind));
}

export const acknowledgementSchema = z
  .strictObject({
    action: z.enum(ACK_ACTIONS, { error: 'Choose what was done.' }),
    reason: z.string().trim().max(2000, { error: 'Keep the reason under 2,000 characters.' }).optional(),
  })
  .superRefine((value, ctx) => {
    if (value.action === 'no_action_needed' && !value.reason) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Say why no action is needed.' });
    }
  });

export type Acknowledgement = z.infer<typeof acknowledgementSchema>;
