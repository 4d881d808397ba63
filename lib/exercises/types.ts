/**
 * The form-description model for exercises. A template is plain data (no functions) so that a custom
 * template built by a therapist can be stored as JSON and still drive the same validation, form and
 * read-only view as a built-in one.
 */

export const EXERCISE_THEMES = [
  'acknowledging_hurt',
  'cbt_reframe',
  'journaling',
  'self_compassion',
  'grounding',
  'safe_place',
  'boundaries',
  'support_network',
  'relapse_prevention',
  'safety',
  'other',
] as const;
export type ExerciseTheme = (typeof EXERCISE_THEMES)[number];

export type FieldType =
  | 'short_text'
  | 'long_text'
  | 'scale_0_10'
  | 'scale_0_100'
  | 'single_choice'
  | 'multiple_choice'
  | 'yes_no'
  | 'date'
  | 'number'
  | 'repeating_group';

interface FieldBase {
  /** Stable within a template version: answers are keyed by it and therapist comments anchor to it. */
  readonly id: string;
  readonly label: string;
  readonly help?: string;
  readonly required: boolean;
}

export interface TextPattern {
  /** A RegExp source, compiled with the `u` flag. Only built-in templates use it (no user-supplied regexes). */
  readonly source: string;
  readonly message: string;
}

export interface ShortTextField extends FieldBase {
  readonly type: 'short_text';
  /** Default 200. */
  readonly maxLength?: number;
  readonly pattern?: TextPattern;
  readonly placeholder?: string;
  readonly defaultValue?: string;
}

export interface LongTextField extends FieldBase {
  readonly type: 'long_text';
  /** Default 5000. */
  readonly maxLength?: number;
  readonly placeholder?: string;
  readonly defaultValue?: string;
}

export interface Scale010Field extends FieldBase {
  readonly type: 'scale_0_10';
  readonly minLabel?: string;
  readonly maxLabel?: string;
}

export interface Scale0100Field extends FieldBase {
  readonly type: 'scale_0_100';
  /** Must divide 100. Default 1. */
  readonly step?: number;
  readonly minLabel?: string;
  readonly maxLabel?: string;
  /** Shown after the number, e.g. '%'. */
  readonly unit?: string;
}

export interface ChoiceOption {
  readonly value: string;
  readonly label: string;
}

export interface SingleChoiceField extends FieldBase {
  readonly type: 'single_choice';
  readonly options: readonly ChoiceOption[];
}

export interface MultipleChoiceField extends FieldBase {
  readonly type: 'multiple_choice';
  readonly options: readonly ChoiceOption[];
  readonly minSelected?: number;
  readonly maxSelected?: number;
}

export interface YesNoField extends FieldBase {
  readonly type: 'yes_no';
}

export interface DateField extends FieldBase {
  readonly type: 'date';
}

export interface NumberField extends FieldBase {
  readonly type: 'number';
  readonly min?: number;
  readonly max?: number;
  readonly step?: number;
  readonly unit?: string;
}

/** Fields allowed at the top level and inside a repeating group (groups do not nest). */
export type ScalarField =
  | ShortTextField
  | LongTextField
  | Scale010Field
  | Scale0100Field
  | SingleChoiceField
  | MultipleChoiceField
  | YesNoField
  | DateField
  | NumberField;

export interface RepeatingGroupField extends FieldBase {
  readonly type: 'repeating_group';
  /** Singular noun for one row, e.g. 'Emotion' — used for "Add emotion" and "Emotion 2". */
  readonly itemLabel: string;
  readonly fields: readonly ScalarField[];
  /** Enforced only on a full submission of a required group. Default 1 when required. */
  readonly minItems?: number;
  readonly maxItems: number;
}

export type FieldDef = ScalarField | RepeatingGroupField;

export interface TemplateSection {
  readonly id: string;
  readonly heading?: string;
  readonly intro?: string;
  readonly fields: readonly FieldDef[];
}

/**
 * Cross-field rules, declarative so they survive storage. Each rule says how it applies to a draft,
 * because a draft must be savable at any moment.
 */
export type TemplateRule =
  | {
      /** Exactly one row of `group` has `field` = true (draft: at most one). */
      readonly kind: 'exactly_one_true';
      readonly group: string;
      readonly field: string;
      readonly message: string;
    }
  | {
      /**
       * `group` has one row per row of `source`, and row i's `field` equals row i's `sourceField`
       * (trimmed, case-insensitive). Not checked on drafts: the client may still be editing either list.
       */
      readonly kind: 'aligned_items';
      readonly group: string;
      readonly field: string;
      readonly source: string;
      readonly sourceField: string;
      readonly message: string;
    }
  | {
      /** `field` must be answered when `when.field` equals `when.equals`. Not checked on drafts. */
      readonly kind: 'required_when';
      readonly field: string;
      readonly when: { readonly field: string; readonly equals: string | number | boolean };
      readonly message: string;
    };

export type AlertTier = 'follow_up' | 'urgent';

/** A submitted answer that should raise a safety alert (docs/clinical.md §5.1). */
export interface TemplateAlertRule {
  readonly field: string;
  readonly equals: string | number | boolean;
  readonly tier: AlertTier;
  readonly reason: string;
}

export interface ExerciseTemplate {
  readonly key: string;
  readonly version: number;
  readonly origin: 'built_in' | 'custom';
  readonly title: string;
  readonly themes: readonly ExerciseTheme[];
  readonly summary: string;
  readonly instructions: string;
  readonly estimatedMinutes?: number;
  readonly sections: readonly TemplateSection[];
  readonly rules?: readonly TemplateRule[];
  readonly alerts?: readonly TemplateAlertRule[];
  /** Shown pinned at the top of the client's portal once shared (the safety plan). */
  readonly pinWhenShared?: boolean;
}

export type ScalarAnswer = string | number | boolean | readonly string[];
export type GroupItemAnswer = Readonly<Record<string, ScalarAnswer | undefined>>;
export type AnswerValue = ScalarAnswer | readonly GroupItemAnswer[];
export type ExerciseAnswers = Readonly<Record<string, AnswerValue | undefined>>;
