import { z } from 'zod';
import { DEFAULT_LONG_TEXT_MAX, DEFAULT_SHORT_TEXT_MAX } from './fields';
import { isWellFormedText, normalizeNewlines, SLUG_PATTERN, slugify, uniqueSlug } from './text';
import {
  EXERCISE_THEMES,
  type ChoiceOption,
  type ExerciseTemplate,
  type FieldDef,
  type ScalarField,
  type TemplateSection,
} from './types';

export const CUSTOM_LIMITS = {
  titleMax: 120,
  summaryMax: 300,
  instructionsMax: 5000,
  labelMax: 200,
  helpMax: 500,
  minFields: 1,
  maxFields: 40,
  maxItems: 60,
  maxOptions: 30,
  maxGroupFields: 10,
  maxGroupItems: 50,
  shortTextMax: 500,
  longTextMax: 10000,
} as const;

/** Steps a 0–100 slider may use: each must divide 100 so both ends are reachable. */
const SCALE_100_STEPS = [1, 2, 4, 5, 10, 20, 25, 50];

function text(max: number, what: string, min = 0) {
  let s = z
    .string({ error: `Enter the ${what}.` })
    .overwrite(normalizeNewlines)
    .trim()
    .refine(isWellFormedText, { message: `Remove the unusual control characters from the ${what}.` })
    .max(max, { message: `Keep the ${what} to ${max} characters or fewer.` });
  if (min > 0) s = s.min(min, { message: `Enter the ${what}.` });
  return s;
}

const slugId = z
  .string()
  .regex(SLUG_PATTERN, { message: 'Use lower-case letters, digits and underscores, starting with a letter (max 40).' });

const optionInput = z.union([
  text(CUSTOM_LIMITS.labelMax, 'option', 1).transform((label) => ({ label, value: undefined as string | undefined })),
  z.strictObject({ label: text(CUSTOM_LIMITS.labelMax, 'option', 1), value: slugId.optional() }),
]);

const optionsInput = z
  .array(optionInput)
  .min(2, { message: 'Give at least two options.' })
  .max(CUSTOM_LIMITS.maxOptions, { message: `Give at most ${CUSTOM_LIMITS.maxOptions} options.` })
  .refine((opts) => new Set(opts.map((o) => o.label.toLowerCase())).size === opts.length, {
    message: 'Each option must be different.',
  });

const base = {
  id: slugId.optional(),
  label: text(CUSTOM_LIMITS.labelMax, 'question', 1),
  help: text(CUSTOM_LIMITS.helpMax, 'help text').optional(),
  required: z.boolean().default(false),
};

const scaleLabel = text(60, 'scale label').optional();

const shortTextInput = z.strictObject({
  ...base,
  type: z.literal('short_text'),
  maxLength: z.int().min(1).max(CUSTOM_LIMITS.shortTextMax).default(DEFAULT_SHORT_TEXT_MAX),
});
const longTextInput = z.strictObject({
  ...base,
  type: z.literal('long_text'),
  maxLength: z.int().min(1).max(CUSTOM_LIMITS.longTextMax).default(DEFAULT_LONG_TEXT_MAX),
});
const scale10Input = z.strictObject({ ...base, type: z.literal('scale_0_10'), minLabel: scaleLabel, maxLabel: scaleLabel });
const scale100Input = z.strictObject({
  ...base,
  type: z.literal('scale_0_100'),
  step: z
    .int()
    .refine((s) => SCALE_100_STEPS.includes(s), { message: `Choose a step of ${SCALE_100_STEPS.join(', ')}.` })
    .default(1),
  minLabel: scaleLabel,
  maxLabel: scaleLabel,
});
const singleChoiceInput = z.strictObject({ ...base, type: z.literal('single_choice'), options: optionsInput });
const multipleChoiceInput = z
  .strictObject({
    ...base,
    type: z.literal('multiple_choice'),
    options: optionsInput,
    minSelected: z.int().min(0).max(CUSTOM_LIMITS.maxOptions).optional(),
    maxSelected: z.int().min(1).max(CUSTOM_LIMITS.maxOptions).optional(),
  })
  .refine((f) => f.maxSelected === undefined || f.maxSelected <= f.options.length, {
    message: 'Cannot require more choices than there are options.',
    path: ['maxSelected'],
  })
  .refine((f) => f.minSelected === undefined || f.minSelected <= (f.maxSelected ?? f.options.length), {
    message: 'The minimum must not exceed the maximum.',
    path: ['minSelected'],
  });
const yesNoInput = z.strictObject({ ...base, type: z.literal('yes_no') });
const dateInput = z.strictObject({ ...base, type: z.literal('date') });
const numberInput = z
  .strictObject({
    ...base,
    type: z.literal('number'),
    min: z.number().min(-1e9).max(1e9).optional(),
    max: z.number().min(-1e9).max(1e9).optional(),
    step: z.number().positive().max(1e6).optional(),
    unit: text(20, 'unit').optional(),
  })
  .refine((f) => f.min === undefined || f.max === undefined || f.min < f.max, {
    message: 'The minimum must be below the maximum.',
    path: ['max'],
  });

/** Every question kind that holds one answer: allowed at the top level and inside a repeating group. */
const scalarInputs = [
  shortTextInput,
  longTextInput,
  scale10Input,
  scale100Input,
  singleChoiceInput,
  multipleChoiceInput,
  yesNoInput,
  dateInput,
  numberInput,
] as const;

const scalarInput = z.discriminatedUnion('type', scalarInputs);

const groupInput = z
  .strictObject({
    ...base,
    type: z.literal('repeating_group'),
    itemLabel: text(60, 'name for one entry', 1),
    fields: z
      .array(scalarInput)
      .min(1, { message: 'Add at least one question to the list.' })
      .max(CUSTOM_LIMITS.maxGroupFields, { message: `Use at most ${CUSTOM_LIMITS.maxGroupFields} questions per list.` }),
    minItems: z.int().min(0).max(CUSTOM_LIMITS.maxGroupItems).default(0),
    maxItems: z.int().min(1).max(CUSTOM_LIMITS.maxGroupItems).default(10),
  })
  .refine((g) => g.minItems <= g.maxItems, { message: 'The minimum must not exceed the maximum.', path: ['minItems'] });

const sectionInput = z.strictObject({
  type: z.literal('section'),
  heading: text(120, 'section heading', 1),
  intro: text(1000, 'section introduction').optional(),
});

const itemInput = z.discriminatedUnion('type', [...scalarInputs, groupInput, sectionInput]);

type ScalarInput = z.output<typeof scalarInput>;
type ItemInput = z.output<typeof itemInput>;

function buildOptions(options: readonly { label: string; value?: string | undefined }[]): ChoiceOption[] {
  const taken = new Set(options.flatMap((o) => (o.value ? [o.value] : [])));
  return options.map((o) => ({ label: o.label, value: o.value ?? uniqueSlug(slugify(o.label), taken) }));
}

function common(input: ScalarInput | Extract<ItemInput, { type: 'repeating_group' }>, id: string) {
  return { id, label: input.label, required: input.required, ...(input.help ? { help: input.help } : {}) };
}

function buildScalar(input: ScalarInput, id: string): ScalarField {
  const c = common(input, id);
  switch (input.type) {
    case 'short_text':
      return { ...c, type: 'short_text', maxLength: input.maxLength };
    case 'long_text':
      return { ...c, type: 'long_text', maxLength: input.maxLength };
    case 'scale_0_10':
      return { ...c, type: 'scale_0_10', ...(input.minLabel ? { minLabel: input.minLabel } : {}), ...(input.maxLabel ? { maxLabel: input.maxLabel } : {}) };
    case 'scale_0_100':
      return {
        ...c,
        type: 'scale_0_100',
        step: input.step,
        ...(input.minLabel ? { minLabel: input.minLabel } : {}),
        ...(input.maxLabel ? { maxLabel: input.maxLabel } : {}),
      };
    case 'single_choice':
      return { ...c, type: 'single_choice', options: buildOptions(input.options) };
    case 'multiple_choice':
      return {
        ...c,
        type: 'multiple_choice',
        options: buildOptions(input.options),
        ...(input.minSelected !== undefined ? { minSelected: input.minSelected } : {}),
        ...(input.maxSelected !== undefined ? { maxSelected: input.maxSelected } : {}),
      };
    case 'yes_no':
      return { ...c, type: 'yes_no' };
    case 'date':
      return { ...c, type: 'date' };
    case 'number':
      return {
        ...c,
        type: 'number',
        ...(input.min !== undefined ? { min: input.min } : {}),
        ...(input.max !== undefined ? { max: input.max } : {}),
        ...(input.step !== undefined ? { step: input.step } : {}),
        ...(input.unit ? { unit: input.unit } : {}),
      };
  }
}

/** Ids chosen explicitly (to stay stable across edits) must not collide; derived ones are made unique. */
function duplicateIds(items: readonly { id?: string | undefined }[]): string[] {
  const seen = new Set<string>();
  const dupes = new Set<string>();
  for (const item of items) {
    if (!item.id) continue;
    if (seen.has(item.id)) dupes.add(item.id);
    seen.add(item.id);
  }
  return [...dupes];
}

function derivedIds<T extends { id?: string | undefined; label: string }>(items: readonly T[]): string[] {
  const taken = new Set(items.flatMap((i) => (i.id ? [i.id] : [])));
  return items.map((i) => i.id ?? uniqueSlug(slugify(i.label), taken));
}

export type CustomTemplateDefinition = Omit<ExerciseTemplate, 'key' | 'version' | 'origin'>;

/**
 * What a therapist submits from the template builder. Items are questions, or section headings that start
 * a new section. Field ids and option values are derived from labels unless given (give them to keep
 * comments and past answers lined up across edits). Parses to a template description without key/version;
 * finish it with `buildCustomTemplate`.
 */
export const customTemplateInput = z
  .strictObject({
    title: text(CUSTOM_LIMITS.titleMax, 'title', 1),
    summary: text(CUSTOM_LIMITS.summaryMax, 'summary').default(''),
    instructions: text(CUSTOM_LIMITS.instructionsMax, 'instructions').default(''),
    themes: z
      .array(z.enum(EXERCISE_THEMES))
      .max(EXERCISE_THEMES.length)
      .refine((ts) => new Set(ts).size === ts.length, { message: 'Each theme can be chosen once.' })
      .default(['other']),
    estimatedMinutes: z.int().min(1).max(240).optional(),
    fields: z.array(itemInput).max(CUSTOM_LIMITS.maxItems, { message: 'This exercise has too many parts.' }),
  })
  .superRefine((input, ctx) => {
    const questions = input.fields.filter((f) => f.type !== 'section');
    if (questions.length < CUSTOM_LIMITS.minFields || questions.length > CUSTOM_LIMITS.maxFields) {
      ctx.addIssue({
        code: 'custom',
        path: ['fields'],
        message: `Add between ${CUSTOM_LIMITS.minFields} and ${CUSTOM_LIMITS.maxFields} questions.`,
      });
    }
    for (const id of duplicateIds(questions)) {
      ctx.addIssue({ code: 'custom', path: ['fields'], message: `Two questions share the id "${id}".` });
    }
    input.fields.forEach((item, i) => {
      if (item.type === 'repeating_group') {
        for (const id of duplicateIds(item.fields)) {
          ctx.addIssue({ code: 'custom', path: ['fields', i, 'fields'], message: `Two questions share the id "${id}".` });
        }
      }
      if (item.type === 'single_choice' || item.type === 'multiple_choice') {
        const values = item.options.flatMap((o) => (o.value ? [o.value] : []));
        if (new Set(values).size !== values.length) {
          ctx.addIssue({ code: 'custom', path: ['fields', i, 'options'], message: 'Two options share a value.' });
        }
      }
    });
  })
  .transform((input): CustomTemplateDefinition => {
    const questions = input.fields.filter((f) => f.type !== 'section');
    const ids = derivedIds(questions);
    const sections: { id: string; heading?: string; intro?: string; fields: FieldDef[] }[] = [];
    const sectionIds = new Set<string>();
    let current: (typeof sections)[number] | undefined;
    let q = 0;
    for (const item of input.fields) {
      if (item.type === 'section') {
        current = {
          id: uniqueSlug(slugify(item.heading), sectionIds),
          heading: item.heading,
          ...(item.intro ? { intro: item.intro } : {}),
          fields: [],
        };
        sections.push(current);
        continue;
      }
      if (!current) {
        current = { id: uniqueSlug('main', sectionIds), fields: [] };
        sections.push(current);
      }
      const id = ids[q] ?? `field_${q + 1}`;
      q += 1;
      if (item.type === 'repeating_group') {
        const subIds = derivedIds(item.fields);
        current.fields.push({
          ...common(item, id),
          type: 'repeating_group',
          itemLabel: item.itemLabel,
          fields: item.fields.map((sub, j) => buildScalar(sub, subIds[j] ?? `field_${j + 1}`)),
          minItems: item.minItems,
          maxItems: item.maxItems,
        });
      } else {
        current.fields.push(buildScalar(item, id));
      }
    }
    return {
      title: input.title,
      summary: input.summary,
      instructions: input.instructions,
      themes: input.themes,
      ...(input.estimatedMinutes !== undefined ? { estimatedMinutes: input.estimatedMinutes } : {}),
      sections: sections satisfies TemplateSection[],
    };
  });

export type CustomTemplateInput = z.input<typeof customTemplateInput>;

/** Stamps a parsed builder definition with its storage identity. */
export function buildCustomTemplate(
  definition: CustomTemplateDefinition,
  identity: { key: string; version: number },
): ExerciseTemplate {
  return { ...definition, key: identity.key, version: identity.version, origin: 'custom' };
}
