import { templateFields } from './fields';
import type { AlertTier, ExerciseTemplate } from './types';

export interface ExerciseAlert {
  readonly fieldId: string;
  readonly tier: AlertTier;
  readonly reason: string;
}

/**
 * The safety alerts a submitted answer set raises (docs/clinical.md §5.1), e.g. a distressing intrusion during the
 * safe-place practice. Drafts never raise alerts; call this on submission only.
 */
export function exerciseAlerts(template: ExerciseTemplate, answers: Readonly<Record<string, unknown>>): ExerciseAlert[] {
  const ids = new Set(templateFields(template).map((f) => f.id));
  return (template.alerts ?? [])
    .filter((rule) => ids.has(rule.field) && answers[rule.field] === rule.equals)
    .map((rule) => ({ fieldId: rule.field, tier: rule.tier, reason: rule.reason }));
}
