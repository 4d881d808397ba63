import { MEASURES } from './definitions';
import type { Band, MeasureKey } from './types';

export function inBand(band: Band, score: number): boolean {
  const aboveMin = band.minInclusive ? score >= band.min : score > band.min;
  const belowMax = band.maxInclusive ? score <= band.max : score < band.max;
  return aboveMin && belowMax;
}

/** The band a score falls in, or null where the measure has none (A-RSQ) or the score is out of range. */
export function bandFor(key: MeasureKey, score: number): Band | null {
  return MEASURES[key].bands.find((band) => inBand(band, score)) ?? null;
}

