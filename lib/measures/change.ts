import { ARSQ_NORM } from './arsq';
import { MEASURES } from './definitions';
import { roundTo } from './math';
import { OUR_RULES } from './rules';
import type { MeasureKey } from './types';

/** |RCI| above this is a reliable change at p < .05 (Jacobson & Truax, 1991). */
export const RCI_CRITICAL = 1.96;

/** SE = SD·√(1 − r). */
export function standardErrorOfMeasurement(sd: number, reliability: number): number {
  return sd * Math.sqrt(1 - reliability);
}

/** S_diff = √2·SE. */
export function standardErrorOfDifference(sd: number, reliability: number): number {
  return Math.SQRT2 * standardErrorOfMeasurement(sd, reliability);
}

/** RCI = (post − pre) / S_diff. */
export function reliableChangeIndex(pre: number, post: number, sd: number, reliability: number): number {
  return (post - pre) / standardErrorOfDifference(sd, reliability);
}

export function isReliableChangeIndex(rci: number): boolean {
  return Math.abs(rci) > RCI_CRITICAL;
}

/** The smallest change in points that the RCI calls reliable: 1.96 · S_diff. */
export function reliableChangeThreshold(sd: number, reliability: number): number {
  return RCI_CRITICAL * standardErrorOfDifference(sd, reliability);
}

export type ThresholdSource = 'published' | 'derived' | 'our_rule';

export interface ReliableChangeRule {
  /** Change in score points (WHO-5 on 0–100) at or beyond which a change is reliable. */
  threshold: number;
  source: ThresholdSource;
  sd?: number;
  reliability?: number;
}

/**
 * A-RSQ's SD and α are given, so its threshold is derived from the formula; the 5.5 of docs/clinical.md §2.2 is
 * that value to one decimal and, being published in the table, wins over the unrounded 5.48.
 */
const ARSQ_RELIABILITY = 0.7;
export const ARSQ_DERIVED_THRESHOLD = reliableChangeThreshold(ARSQ_NORM.sd, ARSQ_RELIABILITY);

export const RELIABLE_CHANGE: Readonly<Record<MeasureKey, ReliableChangeRule>> = {
  phq9: { threshold: 6, source: 'published' },
  gad7: { threshold: 4, source: 'published' },
  who5: { threshold: 10, source: 'published' },
  arsq: { threshold: 5.5, source: 'published', sd: ARSQ_NORM.sd, reliability: ARSQ_RELIABILITY },
  scssf: { threshold: OUR_RULES.scssfReliableChange, source: 'our_rule' },
};

export function reliableChangeFor(key: MeasureKey): number {
  return RELIABLE_CHANGE[key].threshold;
}

export interface CasenessRule {
  atLeast?: number;
  atMost?: number;
}

export const CASENESS: Readonly<Partial<Record<MeasureKey, CasenessRule>>> = {
  phq9: { atLeast: 10 },
  gad7: { atLeast: 8 },
  who5: { atMost: 48 },
};

/** Whether a score is in the clinical range; null where the measure has no caseness cut-off. */
export function isCase(key: MeasureKey, score: number): boolean | null {
  const rule = CASENESS[key];
  if (!rule) return null;
  if (rule.atLeast !== undefined) return score >= rule.atLeast;
  if (rule.atMost !== undefined) return score <= rule.atMost;
  return null;
}

export type ChangeClassification = 'reliable_improvement' | 'no_reliable_change' | 'reliable_deterioration';

/** Signed change, latest − baseline, free of float noise (e.g. SCS-SF 3.2 − 2.5). */
export function scoreChange(baseline: number, latest: number): number {
  return roundTo(latest - baseline, 6);
}

export function classifyChange(key: MeasureKey, baseline: number, latest: number): ChangeClassification {
  const change = scoreChange(baseline, latest);
  if (Math.abs(change) < reliableChangeFor(key)) return 'no_reliable_change';
  const improved = MEASURES[key].higherIsBetter ? change > 0 : change < 0;
  return improved ? 'reliable_improvement' : 'reliable_deterioration';
}

/** PHQ-9 response: a fall of at least 50 % from baseline. A baseline of 0 cannot fall, so never responds. */
export function isPhq9Response(baseline: number, latest: number): boolean {
  if (baseline <= 0) return false;
  return 2 * (baseline - latest) >= baseline;
}

/** PHQ-9 remission: latest score below 5. */
export function isPhq9Remission(latest: number): boolean {
  return latest < 5;
}

export interface ScorePair {
  baseline: number;
  latest: number;
}

export interface RecoveryInput {
  phq9: ScorePair;
  gad7: ScorePair;
}

export interface RecoveryResult {
  /** A case on PHQ-9 or GAD-7 at baseline: only then can a client recover. */
  caseAtBaseline: boolean;
  caseAtLatest: boolean;
  recovery: boolean;
  reliableImprovement: boolean;
  reliableDeterioration: boolean;
  reliableRecovery: boolean;
  phq9: ChangeClassification;
  gad7: ChangeClassification;
}

/**
 * NHS Talking Therapies: recovery = a case at baseline on PHQ-9 or GAD-7 and a case on neither at the latest pair;
 * reliable recovery = recovery plus reliable improvement on at least one measure and reliable deterioration on
 * neither.
 */
export function recoveryStatus({ phq9, gad7 }: RecoveryInput): RecoveryResult {
  const caseAtBaseline = isCase('phq9', phq9.baseline) === true || isCase('gad7', gad7.baseline) === true;
  const caseAtLatest = isCase('phq9', phq9.latest) === true || isCase('gad7', gad7.latest) === true;
  const phq9Class = classifyChange('phq9', phq9.baseline, phq9.latest);
  const gad7Class = classifyChange('gad7', gad7.baseline, gad7.latest);
  const reliableImprovement = phq9Class === 'reliable_improvement' || gad7Class === 'reliable_improvement';
  const reliableDeterioration = phq9Class === 'reliable_deterioration' || gad7Class === 'reliable_deterioration';
  const recovery = caseAtBaseline && !caseAtLatest;
  return {
    caseAtBaseline,
    caseAtLatest,
    recovery,
    reliableImprovement,
    reliableDeterioration,
    reliableRecovery: recovery && reliableImprovement && !reliableDeterioration,
    phq9: phq9Class,
    gad7: gad7Class,
  };
}

export interface ChangeSummary {
  key: MeasureKey;
  baseline: number;
  latest: number;
  change: number;
  threshold: number;
  classification: ChangeClassification;
  caseAtBaseline: boolean | null;
  caseAtLatest: boolean | null;
  /** PHQ-9 only; null elsewhere. */
  response: boolean | null;
  remission: boolean | null;
}

export function summarizeChange(key: MeasureKey, baseline: number, latest: number): ChangeSummary {
  return {
    key,
    baseline,
    latest,
    change: scoreChange(baseline, latest),
    threshold: reliableChangeFor(key),
    classification: classifyChange(key, baseline, latest),
    caseAtBaseline: isCase(key, baseline),
    caseAtLatest: isCase(key, latest),
    response: key === 'phq9' ? isPhq9Response(baseline, latest) : null,
    remission: key === 'phq9' ? isPhq9Remission(latest) : null,
  };
}
