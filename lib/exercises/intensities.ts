import { isAnswers } from './fields';

export interface EmotionIntensity {
  readonly emotion: string;
  /** 0–100, or null when not rated. */
  readonly before: number | null;
  readonly after: number | null;
}

function recordsOf(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.map((r) => (isAnswers(r) ? (r as Record<string, unknown>) : {})) : [];
}

function intensity(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 100 ? value : null;
}

/**
 * Before/after intensity per emotion of a thought record, for the therapist's chart. Re-ratings are matched
 * to emotions by position (the form keeps the two lists aligned); a re-rating whose name differs is still
 * matched by position, because the emotion may simply have been re-spelled. Tolerates stored answers of any
 * shape, since old or draft submissions may be partial.
 */
export function thoughtRecordIntensities(answers: unknown): EmotionIntensity[] {
  if (!isAnswers(answers)) return [];
  const emotions = recordsOf(answers['emotions']);
  const rerated = recordsOf(answers['emotions_rerated']);
  return emotions.map((row, i) => ({
    emotion: typeof row['name'] === 'string' ? row['name'].trim() : '',
    before: intensity(row['intensity']),
    after: intensity(rerated[i]?.['intensity']),
  }));
}
