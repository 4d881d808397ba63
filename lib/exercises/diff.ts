import { isAnswers, isEmptyAnswer, templateFields } from './fields';
import type { ExerciseTemplate, ScalarField } from './types';

export type ChangeKind = 'added' | 'removed' | 'changed';

export interface AnswerChange {
  readonly kind: ChangeKind;
  /** Dotted answer path, the same shape comments anchor to: 'evidence_against', 'emotions.1', 'emotions.1.intensity'. */
  readonly path: string;
  /** The top-level field, for grouping the change list by field. */
  readonly fieldId: string;
  /** A readable location, e.g. 'What did you feel, and how strongly? › Emotion 2 › How strong (0–100 %)'. */
  readonly label: string;
  readonly before?: unknown;
  readonly after?: unknown;
}

function sameScalar(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    // A multi-select is a set: ticking the same boxes in another order is not a change.
    const sa = [...a].map(String).sort();
    const sb = [...b].map(String).sort();
    return sa.length === sb.length && sa.every((v, i) => v === sb[i]);
  }
  if (typeof a === 'string' && typeof b === 'string') return a.trim() === b.trim();
  return a === b;
}

function scalarChange(path: string, fieldId: string, label: string, before: unknown, after: unknown): AnswerChange | undefined {
  const wasEmpty = isEmptyAnswer(before);
  const isEmpty = isEmptyAnswer(after);
  if (wasEmpty && isEmpty) return undefined;
  if (wasEmpty) return { kind: 'added', path, fieldId, label, after };
  if (isEmpty) return { kind: 'removed', path, fieldId, label, before };
  return sameScalar(before, after) ? undefined : { kind: 'changed', path, fieldId, label, before, after };
}

function itemsOf(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.map((r) => (isAnswers(r) ? (r as Record<string, unknown>) : {})) : [];
}

function itemIsEmpty(item: Record<string, unknown>, fields: readonly ScalarField[]): boolean {
  return fields.every((f) => isEmptyAnswer(item[f.id]));
}

/**
 * What changed between two versions of a submission, in form order. Repeating groups are compared row by
 * row by position: a row past the end of the other list is an added or removed row, otherwise each sub-field
 * is compared. Keys that are not fields of the template are ignored.
 */
export function diffSubmissions(
  template: ExerciseTemplate,
  before: Readonly<Record<string, unknown>> | null | undefined,
  after: Readonly<Record<string, unknown>> | null | undefined,
): AnswerChange[] {
  const a: Readonly<Record<string, unknown>> = before ?? {};
  const b: Readonly<Record<string, unknown>> = after ?? {};
  const changes: AnswerChange[] = [];
  for (const field of templateFields(template)) {
    if (field.type !== 'repeating_group') {
      const change = scalarChange(field.id, field.id, field.label, a[field.id], b[field.id]);
      if (change) changes.push(change);
      continue;
    }
    const rowsBefore = itemsOf(a[field.id]);
    const rowsAfter = itemsOf(b[field.id]);
    const n = Math.max(rowsBefore.length, rowsAfter.length);
    for (let i = 0; i < n; i += 1) {
      const rowPath = `${field.id}.${i}`;
      const rowLabel = `${field.label} › ${field.itemLabel} ${i + 1}`;
      const rb = rowsBefore[i];
      const ra = rowsAfter[i];
      if (rb === undefined && ra !== undefined) {
        if (!itemIsEmpty(ra, field.fields)) changes.push({ kind: 'added', path: rowPath, fieldId: field.id, label: rowLabel, after: ra });
      } else if (ra === undefined && rb !== undefined) {
        if (!itemIsEmpty(rb, field.fields)) changes.push({ kind: 'removed', path: rowPath, fieldId: field.id, label: rowLabel, before: rb });
      } else if (ra !== undefined && rb !== undefined) {
        for (const sub of field.fields) {
          const change = scalarChange(`${rowPath}.${sub.id}`, field.id, `${rowLabel} › ${sub.label}`, rb[sub.id], ra[sub.id]);
          if (change) changes.push(change);
        }
      }
    }
  }
  return changes;
}
