export const MEASURE_KEYS = ['phq9', 'gad7', 'who5', 'arsq', 'scssf'] as const;
export type MeasureKey = (typeof MEASURE_KEYS)[number];

export function isMeasureKey(value: unknown): value is MeasureKey {
  return typeof value === 'string' && (MEASURE_KEYS as readonly string[]).includes(value);
}

export interface AnswerOption {
  value: number;
  label: string;
}

export interface MeasureItem {
  /** Stable key used in stored answers, e.g. "q1", "q3a", "difficulty". */
  id: string;
  /** 1-based position as printed on the published form. */
  number: number;
  text: string;
  options: readonly AnswerOption[];
  /** False for items asked but never counted (PHQ-9's "how difficult" question). */
  scored: boolean;
}

/** A-RSQ only: one situation with its concern (a) and acceptance-expectancy (b) questions. */
export interface Scenario {
  number: number;
  situation: string;
  concern: MeasureItem;
  acceptance: MeasureItem;
}

export interface Band {
  id: string;
  label: string;
  min: number;
  max: number;
  minInclusive: boolean;
  maxInclusive: boolean;
}

export interface MeasureDefinition {
  key: MeasureKey;
  /** Full published name. */
  title: string;
  /** Name used in running text and charts. */
  shortTitle: string;
  /** What the measure is about, in plain words. */
  about: string;
  timeframe: string;
  instructions: string;
  /** Every item shown on the form, in form order (scored and unscored). */
  items: readonly MeasureItem[];
  scenarios?: readonly Scenario[];
  attribution: string;
  /** Range of the score used for bands, change and charts. */
  scoreRange: { min: number; max: number };
  /** WHO-5 and SCS-SF: a rise is improvement. */
  higherIsBetter: boolean;
  bands: readonly Band[];
}

/** Stored answers: item id → chosen option value; a missing or null entry is an unanswered item. */
export type Answers = Readonly<Record<string, number | null | undefined>>;
