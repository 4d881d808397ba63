import { z } from 'zod';
import { DEFAULT_LONG_TEXT_MAX, DEFAULT_SHORT_TEXT_MAX, FORM_ERROR_KEY, templateFields, isEmptyAnswer } from './fields';
import { isWellFormedText, normalizeNewlines } from './text';
import { withinCharacters } from '@/lib/text/characters';
import type { ExerciseTemplate, FieldDef, RepeatingGroupField, ScalarField, TemplateRule } from './types';
import { dictionary } from '@/lib/security/input';

type Mode = 'full' | 'draft';

const REQUIRED = 'This field is required.';

/** Message for a wrong type, or the "required" message when the key is simply missing. */
function typeError(message: string) {
  return (issue: { input?: unknown }) => (issue.input === undefined ? REQUIRED : message);
}

function textSchema(maxLength: number, required: boolean, pattern?: { source: string; message: string }) {
  let schema = z
    .string({ error: typeError('Enter text.') })
    .overwrite(normalizeNewlines)
    .trim()
    .refine(isWellFormedText, { message: 'Remove the unusual control characters from this text.' })
    .refine((v) => withinCharacters(v, maxLength), { message: `Use at most ${maxLength} characters.` });
  if (required) schema = schema.min(1, { message: REQUIRED });
  if (pattern) {
    const re = new RegExp(pattern.source, 'u');
    // Blank is "not answered" for optional fields; the pattern is about what was written.
    schema = schema.refine((v) => v === '' || re.test(v), { message: pattern.message });
  }
  return schema;
}

function integerScale(max: number, step: number) {
  const stepText = step > 1 ? ` in steps of ${step}` : '';
  const message = `Choose a whole number from 0 to ${max}${stepText}.`;
  let schema = z
    .number({ error: typeError(message) })
    .int({ message })
    .min(0, { message })
    .max(max, { message });
  if (step > 1) schema = schema.multipleOf(step, { message });
  return schema;
}

function numberSchema(min?: number, max?: number, step?: number) {
  const range =
    min !== undefined && max !== undefined
      ? `from ${min} to ${max}`
      : min !== undefined
        ? `of at least ${min}`
        : max !== undefined
          ? `of at most ${max}`
          : '';
  const message = `Enter a number ${range}`.trim() + '.';
  let schema = z.number({ error: typeError(message) });
  if (min !== undefined) schema = schema.min(min, { message });
  if (max !== undefined) schema = schema.max(max, { message });
  if (step !== undefined) schema = schema.multipleOf(step, { message: `Use steps of ${step}.` });
  return schema;
}

function scalarSchema(field: ScalarField, mode: Mode): z.ZodType {
  const required = mode === 'full' && field.required;
  let schema: z.ZodType;
  switch (field.type) {
    case 'short_text':
      schema = textSchema(field.maxLength ?? DEFAULT_SHORT_TEXT_MAX, required, field.pattern);
      break;
    case 'long_text':
      schema = textSchema(field.maxLength ?? DEFAULT_LONG_TEXT_MAX, required);
      break;
    case 'scale_0_10':
      schema = integerScale(10, 1);
      break;
    case 'scale_0_100':
      schema = integerScale(100, field.step ?? 1);
      break;
    case 'number':
      schema = numberSchema(field.min, field.max, field.step);
      break;
    case 'yes_no':
      schema = z.boolean({ error: typeError('Answer yes or no.') });
      break;
    case 'date':
      schema = z.iso.date({ error: typeError('Enter a real date as YYYY-MM-DD.') });
      break;
    case 'single_choice': {
      const values = new Set(field.options.map((o) => o.value));
      schema = z
        .string({ error: typeError('Choose one of the options.') })
        .refine((v) => values.has(v), { message: 'Choose one of the options.' });
      break;
    }
    case 'multiple_choice': {
      const values = new Set(field.options.map((o) => o.value));
      let list = z
        .array(z.string(), { error: typeError('Choose from the options.') })
        .refine((vs) => vs.every((v) => values.has(v)), { message: 'Choose only from the options.' })
        .refine((vs) => new Set(vs).size === vs.length, { message: 'Each option can be chosen once.' });
      const min = required ? Math.max(1, field.minSelected ?? 1) : 0;
      if (min > 0) list = list.refine((vs) => vs.length >= min, { message: min === 1 ? 'Choose at least one.' : `Choose at least ${min}.` });
      if (field.maxSelected !== undefined) {
        const max = field.maxSelected;
        list = list.refine((vs) => vs.length <= max, { message: `Choose at most ${max}.` });
      }
      schema = list;
      break;
    }
  }
  return required ? schema : schema.optional();
}

function groupSchema(field: RepeatingGroupField, mode: Mode): z.ZodType {
  const shape: Record<string, z.ZodType> = {};
  for (const sub of field.fields) shape[sub.id] = scalarSchema(sub, mode);
  const item = z.strictObject(shape, { error: typeError(`Each ${field.itemLabel.toLowerCase()} must be a set of answers.`) });
  const required = mode === 'full' && field.required;
  let list = z
    .array(item, { error: typeError('Add the entries as a list.') })
    .max(field.maxItems, { message: `Add at most ${field.maxItems}.` });
  if (required) {
    const min = Math.max(1, field.minItems ?? 1);
    list = list.min(min, {
      message: min === 1 ? `Add at least one ${field.itemLabel.toLowerCase()}.` : `Add at least ${min}.`,
    });
  }
  return required ? list : list.optional();
}

function fieldSchema(field: FieldDef, mode: Mode): z.ZodType {
  return field.type === 'repeating_group' ? groupSchema(field, mode) : scalarSchema(field, mode);
}

type Ctx = { addIssue: (issue: { code: 'custom'; message: string; path: (string | number)[] }) => void };

function rows(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.filter((r): r is Record<string, unknown> => typeof r === 'object' && r !== null) : [];
}

function comparable(value: unknown): string {
  return typeof value === 'string' ? value.trim().toLowerCase() : JSON.stringify(value ?? null);
}

// The data may already carry (continuable) issues when these run, so read it defensively.
function applyRule(rule: TemplateRule, answers: Record<string, unknown>, mode: Mode, ctx: Ctx): void {
  switch (rule.kind) {
    case 'exactly_one_true': {
      const list = rows(answers[rule.group]);
      const marked = list.filter((r) => r[rule.field] === true).length;
      // An empty list is the required check's business, not this rule's.
      const ok = mode === 'draft' ? marked <= 1 : marked === 1 || list.length === 0;
      if (!ok) ctx.addIssue({ code: 'custom', message: rule.message, path: [rule.group] });
      return;
    }
    case 'aligned_items': {
      if (mode === 'draft') return;
      const list = rows(answers[rule.group]);
      const source = rows(answers[rule.source]);
      const aligned =
        list.length === source.length &&
        list.every((r, i) => comparable(r[rule.field]) === comparable(source[i]?.[rule.sourceField]));
      if (!aligned) ctx.addIssue({ code: 'custom', message: rule.message, path: [rule.group] });
      return;
    }
    case 'required_when': {
      if (mode === 'draft') return;
      if (answers[rule.when.field] === rule.when.equals && isEmptyAnswer(answers[rule.field])) {
        ctx.addIssue({ code: 'custom', message: rule.message, path: [rule.field] });
      }
      return;
    }
  }
}

function buildSchema(template: ExerciseTemplate, mode: Mode) {
  const shape: Record<string, z.ZodType> = {};
  for (const field of templateFields(template)) shape[field.id] = fieldSchema(field, mode);
  const rules = template.rules ?? [];
  return z
    .strictObject(shape, { error: typeError('Send the answers as a set of fields.') })
    .superRefine((answers, ctx) => {
      for (const rule of rules) applyRule(rule, answers, mode, ctx);
    });
}

export type AnswersSchema = ReturnType<typeof buildSchema>;

const fullCache = new WeakMap<ExerciseTemplate, AnswersSchema>();
const draftCache = new WeakMap<ExerciseTemplate, AnswersSchema>();

/** Validates a complete submission: required fields enforced, cross-field rules checked. */
export function schemaFor(template: ExerciseTemplate): AnswersSchema {
  let schema = fullCache.get(template);
  if (!schema) {
    schema = buildSchema(template, 'full');
    fullCache.set(template, schema);
  }
  return schema;
}

/** Validates a draft: nothing required, but types, ranges and limits hold so junk is never stored. */
export function draftSchemaFor(template: ExerciseTemplate): AnswersSchema {
  let schema = draftCache.get(template);
  if (!schema) {
    schema = buildSchema(template, 'draft');
    draftCache.set(template, schema);
  }
  return schema;
}

export type FieldErrors = Record<string, string[]>;

function unknownFieldMessage(): string {
  return 'This field is not part of the exercise.';
}

/**
 * Flattens zod issues to { 'emotions.0.intensity': ['…'] } for forms. Accepts a safeParse result or an error.
 * A successful result gives {}.
 */
export function fieldErrors(result: { success: boolean; error?: z.ZodError } | z.ZodError): FieldErrors {
  const error = result instanceof z.ZodError ? result : result.success ? undefined : result.error;
  const out = dictionary<string[]>();
  if (!error) return out;
  const push = (path: PropertyKey[], message: string) => {
    const key = path.length === 0 ? FORM_ERROR_KEY : path.map(String).join('.');
    const list = (out[key] ??= []);
    if (!list.includes(message)) list.push(message);
  };
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) push([...issue.path, key], unknownFieldMessage());
    } else {
      push(issue.path, issue.message);
    }
  }
  return out;
}
