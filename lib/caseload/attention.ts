import { COMPLETED_OCCURRENCE_STATUSES, EXCLUDED_OCCURRENCE_STATUSES } from '@/lib/assignments/adherence';
import { SET_ASIDE_STATUS } from '@/lib/assignments/standing';
import type { ChangeClassification } from '@/lib/measures';
import { OUR_RULES } from '@/lib/measures/rules';

/**
 * "Who needs me today?" — the roster's default order. THE one definition: the roster SQL builds its
 * attention-rank CASE from ATTENTION_CRITERIA (in this order, one SQL predicate per id, see
 * lib/caseload/roster.ts), the tooltip prints ATTENTION_EXPLANATION, and attentionRank() is the same rule
 * over facts already loaded (CSV, tests). A client's rank is the position of the first criterion they meet;
 * everyone who meets none shares the last rank. Ties within a rank fall back to name.
 */

/** [our rule] An active client without a check-in for this many days counts as disengaged. */
export const DISENGAGED_AFTER_DAYS = 7;
/** Homework windows follow the adherence rule (docs/clinical.md §4.5). */
export const HOMEWORK_WINDOW_DAYS = OUR_RULES.adherenceWindowDays;
/** Occurrence statuses that are done, or out of the count altogether; anything else past due is overdue. */
export const DONE_STATUSES: readonly string[] = [...COMPLETED_OCCURRENCE_STATUSES];
export const EXCLUDED_STATUSES: readonly string[] = [...EXCLUDED_OCCURRENCE_STATUSES];
/** Due, and not done, but let go by the client: never overdue (lib/assignments/standing.ts). */
export const SET_ASIDE_STATUSES: readonly string[] = [SET_ASIDE_STATUS];

export const ATTENTION_CRITERIA = [
  {
    id: 'urgent_alert',
    label: 'Urgent alert',
    explanation: 'An urgent safety alert has not been acknowledged.',
  },
  {
    id: 'follow_up_alert',
    label: 'Follow-up alert',
    explanation: 'A follow-up alert has not been acknowledged.',
  },
  {
    id: 'reliable_deterioration',
    label: 'Reliable deterioration',
    explanation: 'The latest PHQ-9 or GAD-7 is reliably worse than baseline (by 6 or 4 points or more).',
  },
  {
    id: 'overdue_homework',
    label: 'Overdue homework',
    explanation: `Homework fell due in the last ${HOMEWORK_WINDOW_DAYS} days and has been neither submitted nor set aside by the client.`,
  },
  {
    id: 'no_recent_checkin',
    label: `No check-in for ${DISENGAGED_AFTER_DAYS} days`,
    explanation: `An active client has not checked in for ${DISENGAGED_AFTER_DAYS} days or more (or ever).`,
  },
] as const;

export type AttentionCriterion = (typeof ATTENTION_CRITERIA)[number];
export type AttentionCriterionId = AttentionCriterion['id'];
/** The rank of a client who meets no criterion. */
export const EVERYONE_ELSE_RANK = ATTENTION_CRITERIA.length;

export const ATTENTION_EXPLANATION = [
  '“Needs attention” puts first:',
  ...ATTENTION_CRITERIA.map((c, i) => `${i + 1}. ${c.label}: ${c.explanation.charAt(0).toLowerCase()}${c.explanation.slice(1)}`),
  `${ATTENTION_CRITERIA.length + 1}. Everyone else.`,
  'Within each group, by name.',
].join('\n');

/** What the rule looks at, per client. Clinical facts are null where the viewer may not see them. */
export type AttentionFacts = {
  status: string;
  openUrgentAlerts: number | null;
  openFollowUpAlerts: number | null;
  phq9Change: ChangeClassification | null;
  gad7Change: ChangeClassification | null;
  overdueHomework: number | null;
  /** Whole days since the last check-in's local day; null when there has never been one. */
  daysSinceCheckin: number | null;
};

export const ATTENTION_TESTS: Readonly<Record<AttentionCriterionId, (f: AttentionFacts) => boolean>> = {
  urgent_alert: (f) => (f.openUrgentAlerts ?? 0) > 0,
  follow_up_alert: (f) => (f.openFollowUpAlerts ?? 0) > 0,
  reliable_deterioration: (f) => f.phq9Change === 'reliable_deterioration' || f.gad7Change === 'reliable_deterioration',
  overdue_homework: (f) => (f.overdueHomework ?? 0) > 0,
  no_recent_checkin: (f) => f.status === 'active' && (f.daysSinceCheckin === null || f.daysSinceCheckin >= DISENGAGED_AFTER_DAYS),
};

export function attentionRank(facts: AttentionFacts): number {
  const index = ATTENTION_CRITERIA.findIndex((c) => ATTENTION_TESTS[c.id](facts));
  return index === -1 ? EVERYONE_ELSE_RANK : index;
}

/** The criterion behind a rank, or null for "everyone else". */
export function attentionCriterion(rank: number): AttentionCriterion | null {
  return ATTENTION_CRITERIA[rank] ?? null;
}
