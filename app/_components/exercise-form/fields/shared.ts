import type { CommentsByPath } from '../types';

/* What the field controls share: answer shapes, the context every field receives, and small helpers. */

export type Answers = Record<string, unknown>;
export type Item = Record<string, unknown>;
/** Keyed by dotted answer path, as `fieldErrors` in lib/exercises produces them. */
export type FieldErrors = Readonly<Record<string, readonly string[] | undefined>>;

export interface FieldContext {
  prefix: string;
  fieldErrors?: FieldErrors;
  comments?: CommentsByPath;
  disabled?: boolean;
}

/** The design system's one text-field style (design/input.tsx). */
export { inputClass } from '../../design/input-class';

export function without<T extends Record<string, unknown>>(record: T, key: string): T {
  const copy = { ...record };
  delete copy[key];
  return copy;
}

export function describedBy(...ids: (string | false | null | undefined)[]): string | undefined {
  const list = ids.filter(Boolean);
  return list.length ? list.join(' ') : undefined;
}
