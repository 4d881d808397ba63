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

/** How far into its measure's bands a score sits: the best third, the middle, or the worst quarter. */
export type BandSeverity = 'low' | 'middle' | 'high';

/** Where a score's band sits among its measure's bands, worst last whichever way the measure points. */
export function bandSeverity(key: MeasureKey, score: number): BandSeverity | null {
  const definition = MEASURES[key];
  const band = bandFor(key, score);
  if (!band || definition.bands.length < 2) return null;
  const position = definition.bands.indexOf(band) / (definition.bands.length - 1);
  const worseness = definition.higherIsBetter ? 1 - position : position;
  return worseness >= 0.75 ? 'high' : worseness >= 0.5 ? 'middle' : 'low';
}
