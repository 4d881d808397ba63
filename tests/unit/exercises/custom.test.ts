import { describe, expect, it } from 'vitest';
import {
  buildCustomTemplate,
  customTemplateInput,
  draftSchemaFor,
  fieldErrors,
  schemaFor,
  slugify,
  templateFields,
  uniqueSlug,
  type CustomTemplateInput,
} from '@/lib/exercises';

const input: CustomTemplateInput = {
  title: 'Weekly values check',
  summary: 'How closely did this week follow what matters to you?',
  instructions: 'Answer on Sunday evening.',
  fields: [
    { type: 'section', heading: 'This week' },
    { type: 'short_text', label: 'One word for the week', required: true, maxLength: 30 },
    { type: 'long_text', label: 'What went well?' },
    { type: 'scale_0_10', label: 'Energy', required: true },
    { type: 'scale_0_100', label: 'Confidence', step: 10 },
    { type: 'single_choice', label: 'Sleep', options: ['Good', 'Okay', 'Poor'], required: true },
    { type: 'multiple_choice', label: 'Values lived', options: ['Kindness', 'Courage', { label: 'Rest', value: 'rest' }], maxSelected: 2 },
    { type: 'section', heading: 'Details', intro: 'Optional.' },
    { type: 'yes_no', label: 'Exercised?' },
    { type: 'date', label: 'Best day' },
    { type: 'number', label: 'Hours outside', min: 0, max: 100, step: 0.5 },
    {
      type: 'repeating_group',
      label: 'Moments',
      itemLabel: 'Moment',
      maxItems: 3,
      fields: [
        { type: 'short_text', label: 'What', required: true },
        { type: 'scale_0_10', label: 'How good' },
      ],
    },
    { type: 'long_text', label: 'What went well?' },
  ],
};

function parsed() {
  const r = customTemplateInput.safeParse(input);
  if (!r.success) throw new Error(JSON.stringify(fieldErrors(r)));
  return buildCustomTemplate(r.data, { key: 'custom_123', version: 2 });
}

describe('slug helper', () => {
  it.each([
    ['Evidence against?', 'evidence_against'],
    ['  Où est-ce ?  ', 'ou_est_ce'],
    ['3 good things', 'f_3_good_things'],
    ['!!!', 'field'],
    ['a'.repeat(60), 'a'.repeat(40)],
  ])('%j → %j', (label, slug) => {
    expect(slugify(label)).toBe(slug);
  });

  it('makes slugs unique', () => {
    const taken = new Set<string>();
    expect([uniqueSlug('x', taken), uniqueSlug('x', taken), uniqueSlug('x', taken)]).toEqual(['x', 'x_2', 'x_3']);
  });
});

describe('customTemplateInput', () => {
  it('builds a template description with sections, derived unique ids and option values', () => {
    const t = parsed();
    expect(t).toMatchObject({ key: 'custom_123', version: 2, origin: 'custom', title: 'Weekly values check', themes: ['other'] });
    expect(t.sections.map((s) => [s.id, s.heading])).toEqual([
      ['this_week', 'This week'],
      ['details', 'Details'],
    ]);
    expect(templateFields(t).map((f) => f.id)).toEqual([
      'one_word_for_the_week',
      'what_went_well',
      'energy',
      'confidence',
      'sleep',
      'values_lived',
      'exercised',
      'best_day',
      'hours_outside',
      'moments',
      'what_went_well_2',
    ]);
    const sleep = templateFields(t).find((f) => f.id === 'sleep');
    expect(sleep?.type === 'single_choice' && sleep.options).toEqual([
      { label: 'Good', value: 'good' },
      { label: 'Okay', value: 'okay' },
      { label: 'Poor', value: 'poor' },
    ]);
    const long = templateFields(t).find((f) => f.id === 'what_went_well');
    expect(long?.type === 'long_text' && long.maxLength).toBe(5000);
  });

  it('drives schemaFor like a built-in template', () => {
    const t = parsed();
    const full = schemaFor(t);
    const answers = {
      one_word_for_the_week: 'Steady',
      energy: 6,
      confidence: 70,
      sleep: 'okay',
      values_lived: ['kindness', 'rest'],
      exercised: true,
      best_day: '2026-04-02',
      hours_outside: 3.5,
      moments: [{ what: 'Coffee with T.', how_good: 8 }],
    };
    expect(fieldErrors(full.safeParse(answers))).toEqual({});
    const { energy: _e, ...missing } = answers;
    expect(Object.keys(fieldErrors(full.safeParse(missing)))).toEqual(['energy']);
    expect(Object.keys(fieldErrors(full.safeParse({ ...answers, confidence: 75 })))).toEqual(['confidence']);
    expect(Object.keys(fieldErrors(full.safeParse({ ...answers, values_lived: ['kindness', 'rest', 'courage'] })))).toEqual(['values_lived']);
    expect(Object.keys(fieldErrors(full.safeParse({ ...answers, one_word_for_the_week: 'x'.repeat(31) })))).toEqual(['one_word_for_the_week']);
    expect(Object.keys(fieldErrors(full.safeParse({ ...answers, hours_outside: 3.25 })))).toEqual(['hours_outside']);
    expect(Object.keys(fieldErrors(full.safeParse({ ...answers, moments: Array(4).fill({ what: 'x' }) })))).toEqual(['moments']);
    expect(draftSchemaFor(t).safeParse({ energy: 4 }).success).toBe(true);
  });

  it('keeps explicitly given ids and refuses duplicates among them', () => {
    const ok = customTemplateInput.safeParse({
      title: 'T',
      fields: [
        { type: 'short_text', label: 'Name it', id: 'label_a' },
        { type: 'short_text', label: 'label a' },
      ],
    });
    expect(ok.success && templateFields(buildCustomTemplate(ok.data, { key: 'k', version: 1 })).map((f) => f.id)).toEqual([
      'label_a',
      'label_a_2',
    ]);
    const dup = customTemplateInput.safeParse({
      title: 'T',
      fields: [
        { type: 'yes_no', label: 'A', id: 'same' },
        { type: 'yes_no', label: 'B', id: 'same' },
      ],
    });
    expect(dup.success).toBe(false);
    expect(customTemplateInput.safeParse({ title: 'T', fields: [{ type: 'yes_no', label: 'A', id: 'Bad Id' }] }).success).toBe(false);
  });

  it.each<[string, unknown]>([
    ['no title', { ...input, title: '' }],
    ['a long title', { ...input, title: 'x'.repeat(121) }],
    ['no questions', { title: 'T', fields: [{ type: 'section', heading: 'Only a heading' }] }],
    ['41 questions', { title: 'T', fields: Array.from({ length: 41 }, (_, i) => ({ type: 'yes_no', label: `Q${i}` })) }],
    ['an unknown field type', { title: 'T', fields: [{ type: 'file_upload', label: 'Photo' }] }],
    ['an unknown property', { title: 'T', fields: [{ type: 'yes_no', label: 'Q', pattern: '.*' }] }],
    ['one option', { title: 'T', fields: [{ type: 'single_choice', label: 'Q', options: ['Only'] }] }],
    ['repeated options', { title: 'T', fields: [{ type: 'single_choice', label: 'Q', options: ['A', 'a'] }] }],
    ['a 0–100 step that skips 100', { title: 'T', fields: [{ type: 'scale_0_100', label: 'Q', step: 30 }] }],
    ['min above max', { title: 'T', fields: [{ type: 'number', label: 'Q', min: 5, max: 1 }] }],
    ['an oversize text limit', { title: 'T', fields: [{ type: 'long_text', label: 'Q', maxLength: 100000 }] }],
    ['a nested group', {
      title: 'T',
      fields: [{ type: 'repeating_group', label: 'G', itemLabel: 'I', fields: [{ type: 'repeating_group', label: 'H', itemLabel: 'J', fields: [] }] }],
    }],
    ['a group without questions', { title: 'T', fields: [{ type: 'repeating_group', label: 'G', itemLabel: 'I', fields: [] }] }],
    ['control characters in a label', { title: 'T', fields: [{ type: 'yes_no', label: 'Q\u0000' }] }],
    ['an unknown top-level key', { ...input, key: 'thought_record' }],
  ])('refuses %s', (_name, value) => {
    expect(customTemplateInput.safeParse(value).success).toBe(false);
  });

  it('accepts exactly 40 questions and reports errors at their path', () => {
    expect(customTemplateInput.safeParse({ title: 'T', fields: Array.from({ length: 40 }, (_, i) => ({ type: 'yes_no', label: `Q${i}` })) }).success).toBe(true);
    const r = customTemplateInput.safeParse({ title: 'T', fields: [{ type: 'short_text', label: '' }] });
    expect(Object.keys(fieldErrors(r))).toContain('fields.0.label');
  });
});
