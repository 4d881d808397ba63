import type { CustomTemplateInput } from '@/lib/exercises/custom';

/*
 * The builder's working copy of an exercise: one Question per field as the form edits it, and the
 * conversions from and to the definition the server stores (lib/exercises/custom.ts).
 */

export type Kind =
  | 'short_text'
  | 'long_text'
  | 'scale_0_10'
  | 'scale_0_100'
  | 'single_choice'
  | 'multiple_choice'
  | 'yes_no'
  | 'repeating_group'
  | 'section';

export const KIND_LABELS: Record<Kind, string> = {
  short_text: 'Short text',
  long_text: 'Long text',
  scale_0_10: 'Scale 0–10',
  scale_0_100: 'Scale 0–100',
  single_choice: 'Single choice',
  multiple_choice: 'Multiple choice',
  yes_no: 'Yes / no',
  repeating_group: 'Repeating group',
  section: 'Section heading',
};
export const TOP_KINDS: Kind[] = ['short_text', 'long_text', 'scale_0_10', 'scale_0_100', 'single_choice', 'multiple_choice', 'yes_no', 'repeating_group', 'section'];
export const SUB_KINDS: Kind[] = ['short_text', 'long_text', 'scale_0_10', 'scale_0_100', 'single_choice', 'multiple_choice', 'yes_no'];

type Option = { label: string; value?: string };

export interface Question {
  uid: string;
  type: Kind;
  label: string;
  help: string;
  required: boolean;
  optionsText: string;
  /** Stored options, so an edited list keeps the values past answers used. */
  knownOptions: Option[];
  minLabel: string;
  maxLabel: string;
  itemLabel: string;
  maxItems: string;
  fields: Question[];
  /** Properties this builder does not edit (stable id, lengths, steps), carried through unchanged. */
  rest: Record<string, unknown>;
}

type Item = CustomTemplateInput['fields'][number];

/** Makes the id of each new question: stable across reorders, the same on the server and in the browser. */
export type NewUid = () => string;

export function blank(type: Kind, newUid: NewUid): Question {
  return {
    uid: newUid(),
    type,
    label: '',
    help: '',
    required: false,
    optionsText: '',
    knownOptions: [],
    minLabel: '',
    maxLabel: '',
    itemLabel: '',
    maxItems: '10',
    fields: type === 'repeating_group' ? [blank('short_text', newUid)] : [],
    rest: {},
  };
}

export function fromItem(item: Item, newUid: NewUid): Question {
  const q = blank(item.type as Kind, newUid);
  if (item.type === 'section') return { ...q, label: item.heading, help: item.intro ?? '' };
  const { label, help, required, type: _type, ...rest } = item as Record<string, unknown> & { label: string; help?: string; required?: boolean; type: string };
  const r = { ...rest };
  const options = Array.isArray(r.options) ? (r.options as (string | Option)[]).map((o) => (typeof o === 'string' ? { label: o } : o)) : [];
  for (const k of ['options', 'minLabel', 'maxLabel', 'itemLabel', 'maxItems', 'fields']) delete r[k];
  return {
    ...q,
    label,
    help: help ?? '',
    required: required ?? false,
    optionsText: options.map((o) => o.label).join('\n'),
    knownOptions: options,
    minLabel: typeof rest.minLabel === 'string' ? rest.minLabel : '',
    maxLabel: typeof rest.maxLabel === 'string' ? rest.maxLabel : '',
    itemLabel: typeof rest.itemLabel === 'string' ? rest.itemLabel : '',
    maxItems: rest.maxItems !== undefined ? String(rest.maxItems) : '10',
    fields: Array.isArray(rest.fields) ? (rest.fields as Item[]).map((field) => fromItem(field, newUid)) : [],
    rest: r,
  };
}

export function toItem(q: Question): Record<string, unknown> {
  if (q.type === 'section') return { type: 'section', heading: q.label, ...(q.help.trim() ? { intro: q.help } : {}) };
  const item: Record<string, unknown> = { ...q.rest, type: q.type, label: q.label, required: q.required };
  if (q.help.trim()) item.help = q.help;
  if (q.type === 'single_choice' || q.type === 'multiple_choice') {
    item.options = q.optionsText
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .map((label) => {
        const known = q.knownOptions.find((o) => o.label === label && o.value);
        return known ? { label, value: known.value } : label;
      });
  }
  if (q.type === 'scale_0_10' || q.type === 'scale_0_100') {
    if (q.minLabel.trim()) item.minLabel = q.minLabel;
    if (q.maxLabel.trim()) item.maxLabel = q.maxLabel;
  }
  if (q.type === 'repeating_group') {
    item.itemLabel = q.itemLabel;
    item.maxItems = Number(q.maxItems);
    item.fields = q.fields.map(toItem);
  }
  // Properties that belong to another type are dropped when the type changes.
  if (q.type !== 'short_text' && q.type !== 'long_text') delete item.maxLength;
  if (q.type !== 'scale_0_100') delete item.step;
  if (q.type !== 'multiple_choice') {
    delete item.minSelected;
    delete item.maxSelected;
  }
  if (q.type !== 'repeating_group') delete item.minItems;
  return item;
}

export function errorsUnder(errors: Record<string, string[]> | undefined, prefix: string): string[] {
  if (!errors) return [];
  const out: string[] = [];
  for (const [key, list] of Object.entries(errors)) {
    if (key === prefix || key.startsWith(`${prefix}.`)) out.push(...list);
  }
  return [...new Set(out)];
}
