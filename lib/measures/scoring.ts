import { ARSQ_NORM } from './arsq';
import { bandFor } from './bands';
import { itemRange, scoredItems } from './definitions';
import { roundFractionHalfUp, roundTo } from './math';
import { OUR_RULES } from './rules';
import { SCSSF_REVERSED_ITEMS } from './scssf';
import type { Answers, Band, MeasureKey } from './types';
import { WHO5_PERCENT_FACTOR } from './who5';

export type IncompleteReason = 'too_many_missing' | 'safety_item_missing';

export interface IncompleteScore {
  complete: false;
  key: MeasureKey;
  reason: IncompleteReason;
  missingItemIds: string[];
}

export interface CompleteScore {
  complete: true;
  key: MeasureKey;
  /**
   * The score bands, change and charts use: PHQ-9/GAD-7 total (prorated where allowed), WHO-5 on 0–100,
   * A-RSQ and SCS-SF means (2 decimals).
   */
  score: number;
  /** WHO-5: the raw 0–25 sum; otherwise equal to score. */
  raw: number;
  band: Band | null;
  /** True when missing items were filled with the mean of the answered ones. */
  prorated: boolean;
  missingItemIds: string[];
  /** Each item's contribution: SCS-SF after reversal; A-RSQ per scenario (s1…s9) as a × (7 − b). */
  itemScores: Record<string, number>;
  /** A-RSQ only: (mean − 8.61) / 3.61, 2 decimals. */
  zScore: number | null;
  /** WHO-5 only: at or below 28, where the WHO-5 guidance is to offer a PHQ-9. */
  offerPhq9: boolean;
}

export type ScoreResult = CompleteScore | IncompleteScore;

/**
 * How a score is stored on a measure administration row, for the submit action and the demo seed alike. An
 * incomplete form keeps its answers but no score, band or raw sum (docs/clinical.md §1.3).
 */
export function administrationScoreFields(result: ScoreResult) {
  return result.complete
    ? { status: 'complete' as const, score: result.score, rawScore: result.raw, band: result.band?.id ?? null, prorated: result.prorated }
    : { status: 'incomplete' as const, score: null, rawScore: null, band: null, prorated: false };
}

export class InvalidAnswerError extends Error {
  constructor(
    readonly itemId: string,
    readonly value: unknown,
  ) {
    super(`Answer for ${itemId} is not one of its options: ${String(value)}`);
    this.name = 'InvalidAnswerError';
  }
}

function isAnswered(value: number | null | undefined): value is number {
  return value !== null && value !== undefined;
}

/**
 * Reads the scored items, refusing values outside an item's options: scoring garbage silently would put a
 * wrong number in a clinical record, so callers must validate with answersSchema first.
 */
function readItems(key: MeasureKey, answers: Answers): { values: Map<string, number>; missing: string[] } {
  const values = new Map<string, number>();
  const missing: string[] = [];
  for (const item of scoredItems(key)) {
    const value = answers[item.id];
    if (!isAnswered(value)) {
      missing.push(item.id);
      continue;
    }
    const { min, max } = itemRange(item);
    if (!Number.isInteger(value) || value < min || value > max) throw new InvalidAnswerError(item.id, value);
    values.set(item.id, value);
  }
  return { values, missing };
}

function incomplete(key: MeasureKey, reason: IncompleteReason, missing: string[]): IncompleteScore {
  return { complete: false, key, reason, missingItemIds: missing };
}

function complete(
  key: MeasureKey,
  fields: Pick<CompleteScore, 'score' | 'raw' | 'prorated' | 'missingItemIds' | 'itemScores'> &
    Partial<Pick<CompleteScore, 'zScore' | 'offerPhq9'>>,
): CompleteScore {
  return {
    complete: true,
    key,
    band: bandFor(key, fields.score),
    zScore: null,
    offerPhq9: false,
    ...fields,
  };
}

/** PHQ-9 and GAD-7: sum, with each missing item taking the mean of the answered ones, halves rounded up. */
function scoreSumWithProration(key: 'phq9' | 'gad7', answers: Answers, maxMissing: number): ScoreResult {
  const { values, missing } = readItems(key, answers);
  if (key === 'phq9' && missing.includes(OUR_RULES.missingItems.phq9NeverMissingItemId)) return incomplete(key, 'safety_item_missing', missing);
  if (missing.length > maxMissing) return incomplete(key, 'too_many_missing', missing);
  const itemCount = values.size + missing.length;
  const sum = [...values.values()].reduce((a, b) => a + b, 0);
  const total = missing.length === 0 ? sum : roundFractionHalfUp(sum * itemCount, values.size);
  return complete(key, {
    score: total,
    raw: total,
    prorated: missing.length > 0,
    missingItemIds: missing,
    itemScores: Object.fromEntries(values),
  });
}

function scoreWho5(answers: Answers): ScoreResult {
  const { values, missing } = readItems('who5', answers);
  if (missing.length > OUR_RULES.missingItems.otherMaxMissing) return incomplete('who5', 'too_many_missing', missing);
  const raw = [...values.values()].reduce((a, b) => a + b, 0);
  const score = raw * WHO5_PERCENT_FACTOR;
  return complete('who5', {
    score,
    raw,
    prorated: false,
    missingItemIds: [],
    itemScores: Object.fromEntries(values),
    offerPhq9: score <= 28,
  });
}

function scoreArsq(answers: Answers): ScoreResult {
  const { values, missing } = readItems('arsq', answers);
  if (missing.length > OUR_RULES.missingItems.otherMaxMissing) return incomplete('arsq', 'too_many_missing', missing);
  const itemScores: Record<string, number> = {};
  let sum = 0;
  for (let n = 1; n <= 9; n++) {
    const concern = values.get(`q${n}a`) ?? 0;
    const acceptance = values.get(`q${n}b`) ?? 0;
    const product = concern * (7 - acceptance);
    itemScores[`s${n}`] = product;
    sum += product;
  }
  const mean = sum / 9;
  const score = roundTo(mean, 2);
  return complete('arsq', {
    score,
    raw: score,
    prorated: false,
    missingItemIds: [],
    itemScores,
    zScore: roundTo((mean - ARSQ_NORM.mean) / ARSQ_NORM.sd, 2),
  });
}

export function scssfItemScore(itemNumber: number, answer: number): number {
  return SCSSF_REVERSED_ITEMS.includes(itemNumber) ? 6 - answer : answer;
}

function scoreScssf(answers: Answers): ScoreResult {
  const { values, missing } = readItems('scssf', answers);
  if (missing.length > OUR_RULES.missingItems.otherMaxMissing) return incomplete('scssf', 'too_many_missing', missing);
  const itemScores: Record<string, number> = {};
  let sum = 0;
  for (const [id, value] of values) {
    const scored = scssfItemScore(Number(id.slice(1)), value);
    itemScores[id] = scored;
    sum += scored;
  }
  const score = roundTo(sum / 12, 2);
  return complete('scssf', { score, raw: score, prorated: false, missingItemIds: [], itemScores });
}

/**
 * Scores one administration. An unscorable form returns { complete: false } and never a score: it is saved as
 * incomplete (docs/clinical.md §1.3). Throws InvalidAnswerError for a value that is not one of an item's options.
 */
export function scoreMeasure(key: MeasureKey, answers: Answers): ScoreResult {
  switch (key) {
    case 'phq9':
      return scoreSumWithProration('phq9', answers, OUR_RULES.missingItems.phq9MaxMissing);
    case 'gad7':
      return scoreSumWithProration('gad7', answers, OUR_RULES.missingItems.gad7MaxMissing);
    case 'who5':
      return scoreWho5(answers);
    case 'arsq':
      return scoreArsq(answers);
    case 'scssf':
      return scoreScssf(answers);
  }
}

/** A-RSQ z-score against the adult norm, from a stored mean. */
export function arsqZScore(mean: number): number {
  return roundTo((mean - ARSQ_NORM.mean) / ARSQ_NORM.sd, 2);
}
