import { z } from 'zod';

import { MEASURES, itemRange } from './definitions';
import type { MeasureItem, MeasureKey } from './types';

export interface AnswersSchemaOptions {
  /**
   * Require every scored item. Off by default: a client is never stopped from finishing a form, and a form
   * with too many gaps is saved as incomplete rather than refused (docs/clinical.md §1.3, §5.1).
   */
  requireAll?: boolean;
}

function itemSchema(item: MeasureItem) {
  const { min, max } = itemRange(item);
  const message = `Choose one of the answers for question ${item.number}.`;
  return z
    .number({ error: message })
    .int({ error: message })
    .min(min, { error: message })
    .max(max, { error: message });
}

/**
 * Zod schema for one measure's answers: each item an integer within its options, unknown keys refused, so the
 * server can return field-level errors keyed by item id.
 */
export function answersSchema(key: MeasureKey, options: AnswersSchemaOptions = {}) {
  const shape: Record<string, z.ZodType<number | null | undefined>> = {};
  for (const item of MEASURES[key].items) {
    const base = itemSchema(item);
    // The unscored PHQ-9 "how difficult" question is always optional.
    shape[item.id] = options.requireAll && item.scored ? base : base.nullish();
  }
  return z.strictObject(shape);
}

export type ParsedAnswers = Record<string, number | null | undefined>;
