import { arsq } from './arsq';
import { gad7 } from './gad7';
import { phq9 } from './phq9';
import { scssf } from './scssf';
import type { MeasureDefinition, MeasureItem, MeasureKey } from './types';
import { who5 } from './who5';

export const MEASURES: Readonly<Record<MeasureKey, MeasureDefinition>> = { phq9, gad7, who5, arsq, scssf };

export function getMeasure(key: MeasureKey): MeasureDefinition {
  return MEASURES[key];
}

/** Items that count towards the score, in form order. */
export function scoredItems(key: MeasureKey): readonly MeasureItem[] {
  return MEASURES[key].items.filter((item) => item.scored);
}

export function itemRange(item: MeasureItem): { min: number; max: number } {
  const values = item.options.map((o) => o.value);
  return { min: Math.min(...values), max: Math.max(...values) };
}
