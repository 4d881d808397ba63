import { customTemplateInput, type CustomTemplateDefinition, type CustomTemplateInput } from './custom';
import type { ExerciseTemplate, FieldDef, ScalarField } from './types';

type BuilderItem = CustomTemplateInput['fields'][number];
type ScalarItem = Exclude<BuilderItem, { type: 'section' } | { type: 'repeating_group' }>;

function scalarItem(field: ScalarField): ScalarItem {
  const base = { id: field.id, label: field.label, required: field.required, ...(field.help ? { help: field.help } : {}) };
  switch (field.type) {
    case 'short_text':
      return { ...base, type: 'short_text', ...(field.maxLength !== undefined ? { maxLength: field.maxLength } : {}) };
    case 'long_text':
      return { ...base, type: 'long_text', ...(field.maxLength !== undefined ? { maxLength: field.maxLength } : {}) };
    case 'scale_0_10':
      return {
        ...base,
        type: 'scale_0_10',
        ...(field.minLabel ? { minLabel: field.minLabel } : {}),
        ...(field.maxLabel ? { maxLabel: field.maxLabel } : {}),
      };
    case 'scale_0_100':
      return {
        ...base,
        type: 'scale_0_100',
        ...(field.step !== undefined ? { step: field.step } : {}),
        ...(field.minLabel ? { minLabel: field.minLabel } : {}),
        ...(field.maxLabel ? { maxLabel: field.maxLabel } : {}),
      };
    case 'single_choice':
      return { ...base, type: 'single_choice', options: field.options.map((o) => ({ label: o.label, value: o.value })) };
    case 'multiple_choice':
      return {
        ...base,
        type: 'multiple_choice',
        options: field.options.map((o) => ({ label: o.label, value: o.value })),
        ...(field.minSelected !== undefined ? { minSelected: field.minSelected } : {}),
        ...(field.maxSelected !== undefined ? { maxSelected: field.maxSelected } : {}),
      };
    case 'yes_no':
      return { ...base, type: 'yes_no' };
    case 'date':
      return { ...base, type: 'date' };
    case 'number':
      return {
        ...base,
        type: 'number',
        ...(field.min !== undefined ? { min: field.min } : {}),
        ...(field.max !== undefined ? { max: field.max } : {}),
        ...(field.step !== undefined ? { step: field.step } : {}),
        ...(field.unit ? { unit: field.unit } : {}),
      };
  }
}

function item(field: FieldDef): BuilderItem {
  if (field.type !== 'repeating_group') return scalarItem(field);
  return {
    id: field.id,
    label: field.label,
    required: field.required,
    ...(field.help ? { help: field.help } : {}),
    type: 'repeating_group',
    itemLabel: field.itemLabel,
    fields: field.fields.map(scalarItem),
    ...(field.minItems !== undefined ? { minItems: field.minItems } : {}),
    maxItems: field.maxItems,
  };
}

/**
 * The builder's input for a stored custom template, with every field id and option value pinned, so that
 * editing keeps answers and field comments lined up and parsing it again gives back the same description.
 */
export function toBuilderInput(definition: CustomTemplateDefinition | ExerciseTemplate): CustomTemplateInput {
  const fields: BuilderItem[] = [];
  for (const section of definition.sections) {
    if (section.heading) {
      fields.push({ type: 'section', heading: section.heading, ...(section.intro ? { intro: section.intro } : {}) });
    }
    for (const field of section.fields) fields.push(item(field));
  }
  return {
    title: definition.title,
    summary: definition.summary,
    instructions: definition.instructions,
    themes: [...definition.themes],
    ...(definition.estimatedMinutes !== undefined ? { estimatedMinutes: definition.estimatedMinutes } : {}),
    fields,
  };
}

export type StoredDefinitionResult = { ok: true; definition: CustomTemplateDefinition } | { ok: false; message: string };

/**
 * Checks a custom definition read back from storage by passing it through the builder's own schema again:
 * a row edited by hand, or written by an older build, is reported instead of crashing a form or a view.
 */
export function parseStoredDefinition(stored: unknown): StoredDefinitionResult {
  if (typeof stored !== 'object' || stored === null || !Array.isArray((stored as { sections?: unknown }).sections)) {
    return { ok: false, message: 'This exercise’s stored description is not readable.' };
  }
  let input: CustomTemplateInput;
  try {
    input = toBuilderInput(stored as CustomTemplateDefinition);
  } catch {
    return { ok: false, message: 'This exercise’s stored description is not readable.' };
  }
  const parsed = customTemplateInput.safeParse(input);
  if (!parsed.success) return { ok: false, message: 'This exercise’s stored description is not valid.' };
  return { ok: true, definition: parsed.data };
}
