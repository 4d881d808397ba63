import type { ExerciseAnswers, ExerciseTemplate, FieldDef, RepeatingGroupField, ScalarField } from './types';

// Limits and keys the form in the browser shares with the schema (./schema.ts); here, free of zod, so the
// client's exercise form does not carry the validation library.
export const DEFAULT_SHORT_TEXT_MAX = 200;
export const DEFAULT_LONG_TEXT_MAX = 5000;
/** Key used in `fieldErrors` for problems that belong to the whole form rather than one field. */
export const FORM_ERROR_KEY = '_form';

/** Every top-level field of a template, in form order across sections. */
export function templateFields(template: ExerciseTemplate): FieldDef[] {
  return template.sections.flatMap((section) => section.fields);
}

export function findField(template: ExerciseTemplate, id: string): FieldDef | undefined {
  return templateFields(template).find((field) => field.id === id);
}

export type FieldPathTarget =
  | { kind: 'field'; field: FieldDef }
  | { kind: 'item'; group: RepeatingGroupField; index: number }
  | { kind: 'sub_field'; group: RepeatingGroupField; index: number; field: ScalarField };

/**
 * Resolves a dotted answer path ('emotions.1.intensity') to its field description, so a therapist's
 * comment anchored to a path can be checked against the template before it is stored.
 */
export function resolveFieldPath(template: ExerciseTemplate, path: string): FieldPathTarget | undefined {
  const [head, indexPart, subId, ...rest] = path.split('.');
  if (head === undefined || rest.length > 0) return undefined;
  const field = findField(template, head);
  if (!field) return undefined;
  if (indexPart === undefined) return { kind: 'field', field };
  if (field.type !== 'repeating_group' || !/^(0|[1-9]\d*)$/.test(indexPart)) return undefined;
  const index = Number(indexPart);
  if (index >= field.maxItems) return undefined;
  if (subId === undefined) return { kind: 'item', group: field, index };
  const sub = field.fields.find((f) => f.id === subId);
  return sub ? { kind: 'sub_field', group: field, index, field: sub } : undefined;
}

/** Starting answers for a new form: only fields with a default (e.g. the recovery toolkit's agreed step). */
export function initialAnswers(template: ExerciseTemplate): Record<string, string> {
  const answers: Record<string, string> = {};
  for (const field of templateFields(template)) {
    if ((field.type === 'short_text' || field.type === 'long_text') && field.defaultValue !== undefined) {
      answers[field.id] = field.defaultValue;
    }
  }
  return answers;
}

/** A value the client has not really answered: absent, blank text or an empty list. */
export function isEmptyAnswer(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  return false;
}

/** Human-readable rendering of one scalar answer, for the read-only view and the change list. */
export function formatAnswer(field: ScalarField, value: unknown): string {
  if (isEmptyAnswer(value)) return '';
  switch (field.type) {
    case 'yes_no':
      return value === true ? 'Yes' : value === false ? 'No' : String(value);
    case 'single_choice':
      return field.options.find((o) => o.value === value)?.label ?? String(value);
    case 'multiple_choice':
      return Array.isArray(value)
        ? value.map((v) => field.options.find((o) => o.value === v)?.label ?? String(v)).join('; ')
        : String(value);
    case 'scale_0_100':
      return `${String(value)}${field.unit ?? ''}`;
    case 'number':
      return field.unit ? `${String(value)} ${field.unit}` : String(value);
    default:
      return String(value);
  }
}

export function isAnswers(value: unknown): value is ExerciseAnswers {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
